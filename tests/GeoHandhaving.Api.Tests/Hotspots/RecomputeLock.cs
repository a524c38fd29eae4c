using GeoHandhaving.Api.Hotspots;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>The recompute lock of a gemeente (<see cref="HotspotsSql.LockGemeente"/>) held by a test, as a busy recompute holds it.</summary>
internal static class RecomputeLock
{
    public static Task HoldAsync(NpgsqlConnection connection, string gemeente) => RunAsync(connection, HotspotsSql.LockGemeente, gemeente);

    public static Task ReleaseAsync(NpgsqlConnection connection, string gemeente) => RunAsync(connection, HotspotsSql.UnlockGemeente, gemeente);

    /// <summary>Whether a session waits for the gemeente's recompute lock (an advisory lock not granted, with its key).</summary>
    public static async Task<bool> IsWaitedForAsync(NpgsqlDataSource dataSource, string gemeente)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                AND ((classid::bigint << 32) | objid::bigint) = hashtextextended('hotspot-recompute:' || @gemeente, 0))
            """);
        command.Parameters.AddWithValue("gemeente", gemeente);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task RunAsync(NpgsqlConnection connection, string sql, string gemeente)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("gemeente", gemeente);
        await command.ExecuteScalarAsync();
    }
}
