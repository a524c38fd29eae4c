using GeoHandhaving.Api.Hotspots;
using Npgsql;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>Why a melding has no owner, in words.</summary>
public static class Toewijzing
{
    public const string BuitenAlleWijken = "buiten alle wijken";
    public const string WijkZonderWijkboa = "wijk zonder wijkboa";
}

/// <summary>
/// Where a melding gets its owner: the wijk of the active wijkindeling it lies in, and that wijk's primary
/// wijkboa. A melding outside every wijk, without a location or in a wijk without boa keeps the reason in words.
/// Used for new meldingen at intake and for a whole gemeente after a new wijkindeling is activated.
/// </summary>
public sealed class WijkToewijzing(NpgsqlDataSource dataSource, TimeProvider clock)
{
    /// <summary>Reassigns every melding of the gemeente; returns how many changed (0 on a second run).</summary>
    public async Task<int> HerverdeelMeldingenAsync(string gemeenteId, CancellationToken ct)
    {
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        return await WijsToeAsync(conn, null, gemeenteId, null, clock.GetUtcNow(), ct);
    }

    /// <summary>Assigns the given meldingen, or all of the gemeente when <paramref name="ids"/> is null; returns how many changed.</summary>
    public static async Task<int> WijsToeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string gemeenteId, long[]? ids, DateTimeOffset op, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, conn, tx);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.Add(new NpgsqlParameter<long[]?>("ids", ids) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue("op", op.UtcDateTime);
        command.Parameters.AddWithValue("buiten", Toewijzing.BuitenAlleWijken);
        command.Parameters.AddWithValue("zonderboa", Toewijzing.WijkZonderWijkboa);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    // Only rows whose assignment changes are written, so a second run is a no-op; the status change
    // Nieuw -> Toegewezen lands in the melding's history in the same statement.
    private const string Sql = """
        WITH toewijzing AS (
            SELECT n.id, n.status AS oude_status, w.code AS wijk_code, b.code AS buurt_code, wb.boa_id,
                CASE WHEN n.locatie IS NULL THEN n.eigenaar_reden
                     WHEN w.code IS NULL THEN @buiten
                     WHEN wb.boa_id IS NULL THEN @zonderboa END AS reden,
                CASE WHEN n.status = 'Nieuw' AND wb.boa_id IS NOT NULL THEN 'Toegewezen' ELSE n.status END AS status
            FROM melding n
            LEFT JOIN LATERAL (
                SELECT w.code FROM wijk w
                JOIN wijkindeling wi ON wi.gemeente_id = w.gemeente_id AND wi.id = w.wijkindeling_id AND wi.status = 'Actief'
                WHERE w.gemeente_id = n.gemeente_id AND ST_Covers(w.geometrie, n.locatie)
                ORDER BY w.code LIMIT 1) w ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT b.code FROM buurt b
                WHERE b.gemeente_id = n.gemeente_id AND ST_Covers(b.geometrie, n.locatie)
                ORDER BY b.code LIMIT 1) b ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT wb.boa_id FROM wijk_boa wb
                WHERE wb.gemeente_id = n.gemeente_id AND wb.wijk_code = w.code
                ORDER BY wb.primair DESC, wb.boa_id LIMIT 1) wb ON w.code IS NOT NULL
            WHERE n.gemeente_id = @gemeente AND (@ids IS NULL OR n.id = ANY(@ids))
        ), gewijzigd AS (
            UPDATE melding m SET wijk_code = t.wijk_code, buurt_code = t.buurt_code, eigenaar_boa_id = t.boa_id,
                eigenaar_reden = t.reden, status = t.status
            FROM toewijzing t
            WHERE m.gemeente_id = @gemeente AND m.id = t.id
              AND (m.wijk_code, m.buurt_code, m.eigenaar_boa_id, m.eigenaar_reden, m.status)
                  IS DISTINCT FROM (t.wijk_code, t.buurt_code, t.boa_id, t.reden, t.status)
            RETURNING m.id, m.wijk_code, t.oude_status, m.status AS nieuwe_status
        ), historie AS (
            INSERT INTO melding_gebeurtenis (gemeente_id, melding_id, status, op, door, toelichting)
            SELECT @gemeente, id, 'Toegewezen', @op, 'systeem', 'wijkboa van wijk ' || wijk_code
            FROM gewijzigd WHERE oude_status = 'Nieuw' AND nieuwe_status = 'Toegewezen'
        )
        SELECT count(*) FROM gewijzigd
        """;
}

/// <summary>
/// Hangfire job enqueued when a wijkindeling is activated: reassigns meldingen to their new wijk and owner, then asks
/// for a hotspot recompute (hotspots carry their wijken). Idempotent, so a retry or a second run is harmless.
/// </summary>
public sealed class MeldingenHerverdelenJob(WijkToewijzing toewijzing, HotspotRecomputeScheduler hotspots, ILogger<MeldingenHerverdelenJob> log)
{
    public async Task RunAsync(string gemeenteId, long wijkindelingId, CancellationToken ct)
    {
        var updated = await toewijzing.HerverdeelMeldingenAsync(gemeenteId, ct);
        log.LogInformation("Wijkindeling {WijkindelingId} of {GemeenteId}: {Updated} meldingen reassigned", wijkindelingId, gemeenteId, updated);
        hotspots.Request(gemeenteId, $"wijkindeling {wijkindelingId} geactiveerd");
    }
}
