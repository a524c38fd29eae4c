using GeoHandhaving.Api.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>Why a melding has no owner, and why an owner changed, in words.</summary>
public static class Toewijzing
{
    public const string BuitenAlleWijken = "buiten alle wijken";
    public const string WijkZonderWijkboa = "wijk zonder wijkboa";
    public const string WijkgrensAangepast = "wijkgrens aangepast";
    public const string WijkboaGewijzigd = "wijkboa gewijzigd";
    public const string WijkindelingGeactiveerd = "nieuwe wijkindeling geactiveerd";
}

/// <summary>
/// Which meldingen a change of the active wijkindeling can move, and why: those inside <paramref name="Gebied"/> (the old
/// and new geometry of a wijk), those of wijk <paramref name="WijkCode"/> (its boa's changed), or all (activation).
/// </summary>
public sealed record Herverdeling(string Aanleiding, Geometry? Gebied = null, string? WijkCode = null);

/// <summary>
/// Where a melding gets its owner: the wijk of the active wijkindeling it lies in, and that wijk's primary wijkboa in
/// that wijkindeling. A melding outside every wijk, without a location or in a wijk without boa keeps the reason in
/// words. Runs at intake, and in the same transaction as every change of the active wijkindeling's geometry or of a
/// wijk's boa's (<see cref="HerverdeelAsync"/>), so owners always follow the wijk; a closed melding keeps the owner
/// who handled it.
/// </summary>
public static class WijkToewijzing
{
    /// <summary>Assigns the given new meldingen at intake; returns how many changed.</summary>
    public static Task<int> WijsToeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string gemeenteId, long[] ids, DateTimeOffset op,
        CancellationToken ct) => RunAsync(conn, tx, gemeenteId, ids, null, op, ct);

    /// <summary>
    /// Reassigns the open meldingen a change can move, inside the caller's EF transaction, each with a history line that
    /// says why; returns how many changed (0 on a second run).
    /// </summary>
    public static Task<int> HerverdeelAsync(GeoHandhavingDbContext db, string gemeenteId, Herverdeling herverdeling, DateTimeOffset op,
        CancellationToken ct) =>
        RunAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
            gemeenteId, null, herverdeling, op, ct);

    private static async Task<int> RunAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string gemeenteId, long[]? ids,
        Herverdeling? herverdeling, DateTimeOffset op, CancellationToken ct)
    {
        if (conn.State != System.Data.ConnectionState.Open) await conn.OpenAsync(ct);
        await using var command = new NpgsqlCommand(Sql, conn, tx);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.Add(new NpgsqlParameter<long[]?>("ids", ids) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter("gebied", (object?)herverdeling?.Gebied ?? DBNull.Value) { DataTypeName = "geometry" });
        command.Parameters.Add(new NpgsqlParameter("wijk", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)herverdeling?.WijkCode ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("aanleiding", NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)herverdeling?.Aanleiding ?? DBNull.Value });
        command.Parameters.AddWithValue("op", op.UtcDateTime);
        command.Parameters.AddWithValue("buiten", Toewijzing.BuitenAlleWijken);
        command.Parameters.AddWithValue("zonderboa", Toewijzing.WijkZonderWijkboa);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    // Only rows whose assignment changes are written, so a second run is a no-op. History in the same statement: the
    // status change Nieuw -> Toegewezen at intake, and with an aanleiding every change of wijk or owner, saying why.
    private const string Sql = """
        WITH actief AS (
            SELECT id FROM wijkindeling WHERE gemeente_id = @gemeente AND status = 'Actief'
        ), toewijzing AS (
            SELECT n.id, n.status AS oude_status, n.eigenaar_boa_id AS oude_boa, w.code AS wijk_code, b.code AS buurt_code, wb.boa_id,
                CASE WHEN n.locatie IS NULL THEN n.eigenaar_reden
                     WHEN w.code IS NULL THEN @buiten
                     WHEN wb.boa_id IS NULL THEN @zonderboa END AS reden,
                CASE WHEN n.status = 'Nieuw' AND wb.boa_id IS NOT NULL THEN 'Toegewezen' ELSE n.status END AS status
            FROM melding n
            LEFT JOIN LATERAL (
                SELECT w.code FROM wijk w JOIN actief ON actief.id = w.wijkindeling_id
                WHERE w.gemeente_id = n.gemeente_id AND ST_Covers(w.geometrie, n.locatie)
                ORDER BY w.code LIMIT 1) w ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT b.code FROM buurt b
                WHERE b.gemeente_id = n.gemeente_id AND ST_Covers(b.geometrie, n.locatie)
                ORDER BY b.code LIMIT 1) b ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT wb.boa_id FROM wijk_boa wb JOIN actief ON actief.id = wb.wijkindeling_id
                WHERE wb.gemeente_id = n.gemeente_id AND wb.wijk_code = w.code
                ORDER BY wb.primair DESC, wb.boa_id LIMIT 1) wb ON w.code IS NOT NULL
            WHERE n.gemeente_id = @gemeente AND n.status <> 'Afgehandeld'
              AND (@ids IS NULL OR n.id = ANY(@ids))
              AND (@gebied IS NULL OR ST_Intersects(n.locatie, @gebied))
              AND (@wijk IS NULL OR n.wijk_code = @wijk)
        ), gewijzigd AS (
            UPDATE melding m SET wijk_code = t.wijk_code, buurt_code = t.buurt_code, eigenaar_boa_id = t.boa_id,
                eigenaar_reden = t.reden, status = t.status
            FROM toewijzing t
            WHERE m.gemeente_id = @gemeente AND m.id = t.id
              AND (m.wijk_code, m.buurt_code, m.eigenaar_boa_id, m.eigenaar_reden, m.status)
                  IS DISTINCT FROM (t.wijk_code, t.buurt_code, t.boa_id, t.reden, t.status)
            RETURNING m.id, m.wijk_code, m.eigenaar_boa_id, m.eigenaar_reden, t.oude_status, t.oude_boa, m.status AS nieuwe_status
        ), historie AS (
            INSERT INTO melding_gebeurtenis (gemeente_id, melding_id, status, op, door, toelichting)
            SELECT @gemeente, g.id, g.nieuwe_status, @op, 'systeem',
                   CASE WHEN @aanleiding IS NULL THEN 'wijkboa van wijk ' || g.wijk_code
                        ELSE @aanleiding || ': ' || coalesce('wijk ' || g.wijk_code, 'geen wijk') || ', eigenaar '
                             || coalesce(nb.naam, 'geen (' || coalesce(g.eigenaar_reden, 'onbekend') || ')') END
            FROM gewijzigd g LEFT JOIN boa nb ON nb.gemeente_id = @gemeente AND nb.id = g.eigenaar_boa_id
            WHERE (g.oude_status = 'Nieuw' AND g.nieuwe_status = 'Toegewezen')
               OR (@aanleiding IS NOT NULL AND g.oude_boa IS DISTINCT FROM g.eigenaar_boa_id)
        )
        SELECT count(*) FROM gewijzigd
        """;
}
