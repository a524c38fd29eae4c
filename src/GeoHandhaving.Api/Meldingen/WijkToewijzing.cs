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
        await using var command = new NpgsqlCommand(MeldingenSql.WijsToe, conn, tx);
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
}
