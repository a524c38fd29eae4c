using System.Collections.Concurrent;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>A hotspot of the current run as the briefing reads it, with the names of the wijkboa's of its wijken.</summary>
/// <param name="Trend">The trend's machine code (new, intensifying, persistent, diminishing, sporadic).</param>
/// <param name="PerUur">Meldingen to expect in one hour of its window.</param>
/// <param name="Plaats">The place in words (streets, buurt, school); null only in runs from before places were named.</param>
public sealed record HotspotView(long Id, string Venster, string[] Categorieen, Geometry Geometrie, Point Centroide,
    double Waargenomen, double Verwacht, double Z, double P, double Score, int Rang, string Trend, string[] WijkCodes,
    string[] Scholen, double PerUur, string[] Straten, string? BuurtNaam, string? Plaats, string[] Wijkboas)
{
    public TrendLabel TrendLabel => TrendClassifier.FromCode(Trend);

    /// <summary>The geometry in CRS84, converted once per run: the briefing screen asks for it many times a minute.</summary>
    public Geometry GeometrieCrs84 { get; } = Platform.Crs.Crs84.FromStorage(Geometrie);
}

/// <summary>The current run's hotspots with the windows and school calendar they were computed for, and the run's backtest.</summary>
public sealed record HotspotSnapshot(long RunId, IReadOnlyList<HotspotView> Hotspots, ILookup<string, HotspotView> PerVenster,
    IReadOnlyList<TimeWindow> Vensters, SchoolCalendar Kalender, SchoolRegio Regio, IReadOnlyList<BacktestVensterUitvoer> Backtest)
{
    /// <summary>The hotspots active at an Amsterdam wall-clock time, best first.</summary>
    public IEnumerable<HotspotView> ActiefOp(DateTime amsterdamLocal, bool schoolDagBekend = true)
    {
        var active = Vensters.ActiveWindows(amsterdamLocal, schoolDagBekend ? Kalender : null, Regio);
        return active.SelectMany(w => PerVenster[w.Name]).OrderByDescending(h => h.Score).ThenBy(h => h.Id);
    }
}

/// <summary>
/// The hotspots of the newest completed run per gemeente, held in memory: the briefing screen asks many times a minute
/// and the answer changes only when a run completes. The newest run id is checked at most every few seconds, so a new
/// run (from any instance) is picked up without restarts.
/// </summary>
public sealed class CurrentHotspots(NpgsqlDataSource dataSource, IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, (HotspotSnapshot? Snapshot, DateTimeOffset CheckedAt)> _cache = new();

    public async Task<HotspotSnapshot?> GetAsync(string gemeenteId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_cache.TryGetValue(gemeenteId, out var cached) && now - cached.CheckedAt < CheckInterval)
        {
            return cached.Snapshot;
        }
        await using var command = dataSource.CreateCommand(HotspotsSql.CurrentRunId);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        var runId = await command.ExecuteScalarAsync(ct) as long?;
        var snapshot = runId is null ? null
            : cached.Snapshot?.RunId == runId ? cached.Snapshot
            : await LoadAsync(gemeenteId, runId.Value, ct);
        _cache[gemeenteId] = (snapshot, now);
        return snapshot;
    }

    private async Task<HotspotSnapshot> LoadAsync(string gemeenteId, long runId, CancellationToken ct)
    {
        var hotspots = new List<HotspotView>();
        await using var command = dataSource.CreateCommand(HotspotsSql.HotspotsOfRun);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("run", runId);
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            hotspots.Add(new HotspotView(r.GetInt64(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetFieldValue<Geometry>(3),
                r.GetFieldValue<Point>(4), r.GetDouble(5), r.GetDouble(6), r.GetDouble(7), r.GetDouble(8), r.GetDouble(9), r.GetInt32(10),
                r.GetString(11), r.GetFieldValue<string[]>(12), r.GetFieldValue<string[]>(13), r.GetDouble(14), r.GetFieldValue<string[]>(15),
                r.IsDBNull(16) ? null : r.GetString(16), r.IsDBNull(17) ? null : r.GetString(17), r.GetFieldValue<string[]>(18)));
        }
        await using var scope = scopes.CreateAsyncScope();
        var context = await scope.ServiceProvider.GetRequiredService<HotspotWindows>().ContextAsync(gemeenteId, ct);
        var run = await scope.ServiceProvider.GetRequiredService<Data.GeoHandhavingDbContext>().HotspotRuns.AsNoTracking()
            .SingleAsync(x => x.GemeenteId == gemeenteId && x.Id == runId, ct);
        return new HotspotSnapshot(runId, hotspots, hotspots.ToLookup(h => h.Venster), context.Windows, context.Calendar, context.Regio,
            HotspotRunUitvoer.Van(run).Backtest);
    }
}
