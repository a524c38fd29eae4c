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
        await using var command = new NpgsqlCommand(MeldingenSql.WijsToe, conn, tx);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.Add(new NpgsqlParameter<long[]?>("ids", ids) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue("op", op.UtcDateTime);
        command.Parameters.AddWithValue("buiten", Toewijzing.BuitenAlleWijken);
        command.Parameters.AddWithValue("zonderboa", Toewijzing.WijkZonderWijkboa);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }
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
