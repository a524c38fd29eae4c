using System.Diagnostics;
using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>
/// Recomputes all hotspots of one gemeente. A run is recorded with its parameters, counts and duration; its hotspots
/// are written and the run marked complete in one transaction, so readers keep seeing the previous run until then.
/// A PostgreSQL session lock per gemeente lets one recompute of a gemeente run at a time (API instances and the CLI
/// alike); Hangfire's DisableConcurrentExecution keeps the scheduled ones from queueing up on the workers.
/// </summary>
public sealed class HotspotRecomputeJob(
    GeoHandhavingDbContext db, NpgsqlDataSource dataSource, HotspotWindows windows,
    TimeProvider clock, ILogger<HotspotRecomputeJob> log)
{
    public static readonly HotspotParameters DefaultParameters = new(CellSize: 100);

    /// <param name="requestedAt">When the recompute was asked for: a run that started later already covers it (debounce).</param>
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [30, 120, 600])]
    public async Task<long?> RunAsync(string gemeenteId, string aanleiding, DateTimeOffset? requestedAt, CancellationToken ct)
    {
        await using var gemeenteLock = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(gemeenteLock, HotspotsSql.LockGemeente, gemeenteId, ct);
        try
        {
            // Checked under the lock: a run that finished while this one waited for it may already cover the request.
            if (requestedAt is { } asked && await db.HotspotRuns.AnyAsync(r => r.GemeenteId == gemeenteId
                    && r.Status == HotspotRunStatus.Voltooid && r.GestartOp >= asked, ct))
            {
                log.LogInformation("Hotspot recompute for {Gemeente} ({Aanleiding}) skipped: a later run covers it", gemeenteId, aanleiding);
                return null;
            }
            return await RunLockedAsync(gemeenteId, aanleiding, ct);
        }
        finally
        {
            await ExecuteAsync(gemeenteLock, HotspotsSql.UnlockGemeente, gemeenteId, CancellationToken.None);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, string gemeenteId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        await command.ExecuteScalarAsync(ct);
    }

    private async Task<long?> RunLockedAsync(string gemeenteId, string aanleiding, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        await MarkAbandonedRunsAsync(gemeenteId, ct);
        var context = await windows.ContextAsync(gemeenteId, ct);
        var regio = context.Regio;
        var parameters = DefaultParameters with { Reference = now, SchoolCalendar = context.Calendar, SchoolRegio = regio };
        var run = new HotspotRun
        {
            GemeenteId = gemeenteId, Status = HotspotRunStatus.Bezig, GestartOp = now, Aanleiding = aanleiding,
            Parameters = JsonSerializer.Serialize(new
            {
                parameters.CellSize, parameters.FalseDiscoveryRate, Damping = parameters.Damping.ToString(), parameters.WindowPriorStrength,
                RecencyHalfLifeDays = (parameters.Recency ?? HotspotParameters.DefaultRecency).HalfLife.TotalDays,
                TrendPeriodDays = (parameters.TrendPeriod ?? HotspotParameters.DefaultTrendPeriod).TotalDays,
                parameters.TrendPeriods, parameters.MaxHotspotsPerWindow, Regio = regio.ToString(),
            }),
        };
        db.HotspotRuns.Add(run);
        await db.SaveChangesAsync(ct);
        try
        {
            var events = await LoadEventsAsync(gemeenteId, now, ct);
            var groups = new List<CategoryGroup> { CategoryGroup.All };
            groups.AddRange(events.Select(e => e.Category).Distinct().Order().Select(c => new CategoryGroup(c, new HashSet<string> { c })));
            var result = events.Count == 0
                ? new HotspotResult(null!, [])
                : HotspotEngine.Compute(events, context.Windows, parameters with { CategoryGroups = groups });
            var count = await StoreAsync(run, result, events.Count, started, ct);
            log.LogInformation("Hotspot run {Run} for {Gemeente}: {Events} meldingen, {Hotspots} hotspots in {Ms} ms",
                run.Id, gemeenteId, events.Count, count, started.ElapsedMilliseconds);
            return run.Id;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await db.HotspotRuns.Where(x => x.GemeenteId == gemeenteId && x.Id == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, HotspotRunStatus.Mislukt).SetProperty(x => x.Fout, e.Message), CancellationToken.None);
            throw;
        }
    }

    /// <summary>
    /// A run still "bezig" while this one holds the gemeente's lock was abandoned: its process died and released the
    /// lock with its connection. Its hotspots were never committed; readers kept the previous run all along.
    /// </summary>
    private async Task MarkAbandonedRunsAsync(string gemeenteId, CancellationToken ct)
    {
        var abandoned = await db.HotspotRuns.Where(x => x.GemeenteId == gemeenteId && x.Status == HotspotRunStatus.Bezig)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Status, HotspotRunStatus.Mislukt)
                .SetProperty(x => x.Fout, "afgebroken: het proces stopte tijdens de berekening"), ct);
        if (abandoned > 0) log.LogWarning("Hotspot recompute for {Gemeente}: {Count} abandoned run(s) marked failed", gemeenteId, abandoned);
    }

    private async Task<List<HotspotEvent>> LoadEventsAsync(string gemeenteId, DateTimeOffset until, CancellationToken ct)
    {
        var events = new List<HotspotEvent>();
        await using var command = dataSource.CreateCommand(HotspotsSql.Events);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("tot", until.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            events.Add(new HotspotEvent(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2),
                AmsterdamTime.ToLocal(reader.GetFieldValue<DateTimeOffset>(3)), reader.GetString(4), AddressKey: reader.GetString(5)));
        }
        return events;
    }

    private async Task<int> StoreAsync(HotspotRun run, HotspotResult result, int eventCount, Stopwatch started, CancellationToken ct)
    {
        var hotspots = result.Windows.SelectMany(w => w.Hotspots.Select(h => ToEntity(run, w, h))).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Hotspots.AddRange(hotspots);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(HotspotsSql.Enrich,
            [new NpgsqlParameter("gemeente", run.GemeenteId), new NpgsqlParameter("run", run.Id)], ct);
        run.Status = HotspotRunStatus.Voltooid;
        run.VoltooidOp = clock.GetUtcNow();
        run.AantalMeldingen = eventCount;
        run.AantalHotspots = hotspots.Count;
        run.DuurSeconden = Math.Round(started.Elapsed.TotalSeconds, 3);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(HotspotsSql.PruneOldRuns,
            [new NpgsqlParameter("gemeente", run.GemeenteId), new NpgsqlParameter("keep", 5)], ct);
        await tx.CommitAsync(ct);
        return hotspots.Count;
    }

    private static Hotspot ToEntity(HotspotRun run, WindowHotspots window, Core.Hotspots.Hotspot h) => new()
    {
        GemeenteId = run.GemeenteId, RunId = run.Id, Venster = window.Window,
        // The engine names a group of several categories by joining them with '+'.
        Categorieen = window.CategoryGroup == CategoryGroup.All.Name ? [] : window.CategoryGroup.Split('+'),
        Geometrie = RdNew.RdFactory.CreateGeometry(h.Polygon), Centroide = RdNew.RdFactory.CreatePoint(h.Centroid.Coordinate),
        Waargenomen = Math.Round(h.Observed, 3), Verwacht = Math.Round(h.Expected, 3), Z = Math.Round(h.MaxZ, 3), P = h.MinAdjustedP,
        Score = Math.Round(h.Score, 3), Rang = h.Rank, Trend = h.Trend.ToString().ToLowerInvariant(), WijkCodes = [], Scholen = [],
    };
}
