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
using NpgsqlTypes;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>
/// Recomputes all hotspots of one gemeente with <see cref="HotspotModel"/> (the model <c>geoh hotspots predict/evaluate</c>
/// measure): it backtests the setting family on the gemeente's own history and serves the chosen settings. A run is recorded
/// with its parameters, its backtest (per window group the choice and its figures), counts and duration; its hotspots
/// are written and named, then the run is marked complete: readers read the newest complete run only, so they keep
/// seeing the previous one until then (the hotspots of a run that died half-way are never read, and pruned later).
/// A PostgreSQL session lock per gemeente is the one lock: one recompute of a gemeente at a time across API instances,
/// workers and the CLI, while the recomputes of different gemeenten run side by side on the workers.
/// </summary>
public sealed class HotspotRecomputeJob(
    GeoHandhavingDbContext db, NpgsqlDataSource dataSource, HotspotWindows windows,
    TimeProvider clock, ILogger<HotspotRecomputeJob> log)
{
    /// <summary>
    /// The model's parameters; a recompute uses all cores but one, so the readers of the API it runs in keep one
    /// (a recompute on both cores made the p99 of hotspots/active 18–73 ms while it ran; docs/benchmarks.md).
    /// </summary>
    public static readonly HotspotParameters DefaultParameters = new(CellSize: 100, MaxParallelism: Math.Max(1, Environment.ProcessorCount - 1));


    /// <summary>A recompute is a batch job: its reads and writes may take longer than a request's 30 s on a busy database.</summary>
    private const int BatchTimeoutSeconds = 600;

    /// <param name="requestedAt">When the recompute was asked for: a run that started later already covers it (debounce).</param>
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
        // The lock waits for a running recompute of the gemeente, which may take longer than a request's timeout.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = BatchTimeoutSeconds };
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        await command.ExecuteScalarAsync(ct);
    }

    private async Task<long?> RunLockedAsync(string gemeenteId, string aanleiding, CancellationToken ct)
    {
        var started = Stopwatch.StartNew();
        var now = clock.GetUtcNow();
        await MarkAbandonedRunsAsync(gemeenteId, ct);
        var context = await windows.ContextAsync(gemeenteId, ct);
        var (regio, kalender) = (context.Regio, context.Calendar);
        // The run serves the briefings of the coming weeks: say so when the school calendar ends before them.
        var vandaag = DateOnly.FromDateTime(AmsterdamTime.ToLocal(now).DateTime);
        string[] waarschuwingen = [.. new[] { vandaag, vandaag.AddDays(SchoolCalendarStore.Vooruit.Days) }
            .Select(d => SchoolCalendarStore.Waarschuwing(kalender, regio, d)).OfType<string>().Take(1)];
        foreach (var w in waarschuwingen) log.LogWarning("Hotspot recompute for {Gemeente}: {Waarschuwing}", gemeenteId, w);
        var parameters = DefaultParameters;
        var run = new HotspotRun
        {
            GemeenteId = gemeenteId, Status = HotspotRunStatus.Bezig, GestartOp = now, Aanleiding = aanleiding,
            Parameters = JsonSerializer.Serialize(new
            {
                parameters.CellSize, parameters.FalseDiscoveryRate, HotspotEngine.ChoiceShare, HotspotEngine.ServedShare, HotspotModel.Origins,
                HorizonDays = HotspotModel.Horizon.TotalDays, HotspotModel.NearTie,
                Family = HotspotSetting.Family.Select(s => new
                {
                    s.Name, Recency = s.Recency?.Shape.ToString(), RecencyHalfLifeDays = s.Recency?.HalfLife.TotalDays, Damping = s.Damping.ToString(),
                    s.WindowPriorStrength, s.NeighbourWeight, Method = s.Method.ToString(),
                }),
                TrendPeriodDays = (parameters.TrendPeriod ?? HotspotParameters.DefaultTrendPeriod).TotalDays,
                parameters.TrendPeriods, parameters.MaxHotspotsPerWindow, Regio = regio.ToString(), Waarschuwingen = waarschuwingen,
            }),
        };
        db.HotspotRuns.Add(run);
        await db.SaveChangesAsync(ct);
        try
        {
            var phases = new RecomputePhases(started);
            var (events, straten) = await LoadEventsAsync(gemeenteId, now, ct);
            phases.Done("laden");
            var model = events.Count == 0
                ? new HotspotModelResult(new HotspotResult(null!, 0, []), [])
                : HotspotModel.Run(events, context.Windows, ParametersFor(context, now, events));
            phases.Done("model");
            run.Backtest = JsonSerializer.Serialize(model.Choices.Select(BacktestVensterUitvoer.Van).ToArray(), HotspotRunUitvoer.Json);
            var result = model.Hotspots;
            var count = await StoreAsync(run, result, events.Count, events.Count == 0 ? null : new HotspotStraten(events, straten, result.Grid), phases, ct);
            log.LogInformation("Hotspot run {Run} for {Gemeente}: {Events} meldingen, {Hotspots} hotspots in {Ms} ms ({Phases})",
                run.Id, gemeenteId, events.Count, count, started.ElapsedMilliseconds, phases);
            return run.Id;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await db.HotspotRuns.Where(x => x.GemeenteId == gemeenteId && x.Id == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Status, HotspotRunStatus.Mislukt).SetProperty(x => x.Fout, e.Message), CancellationToken.None);
            throw;
        }
    }

    /// <summary>The model's parameters of a recompute at <paramref name="now"/>: the gemeente's school days, all categories and each one.</summary>
    internal static HotspotParameters ParametersFor(WindowContext context, DateTimeOffset now, IReadOnlyList<HotspotEvent> events) =>
        DefaultParameters with
        {
            Reference = now,
            SchoolCalendar = context.Calendar,
            SchoolRegio = context.Regio,
            CategoryGroups =
            [
                CategoryGroup.All, .. events.Select(e => e.Category).Distinct().Order().Select(c => new CategoryGroup(c, new HashSet<string> { c })),
            ],
        };

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

    /// <returns>The events, and per event the street of the BAG address it lies at (null: none within 10 m).</returns>
    internal async Task<(List<HotspotEvent> Events, List<string?> Straten)> LoadEventsAsync(string gemeenteId, DateTimeOffset until, CancellationToken ct)
    {
        var events = new List<HotspotEvent>();
        var straten = new List<string?>();
        await using var command = dataSource.CreateCommand(HotspotsSql.Events);
        command.CommandTimeout = BatchTimeoutSeconds;
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("tot", until.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            events.Add(new HotspotEvent(reader.GetInt64(0), reader.GetDouble(1), reader.GetDouble(2),
                AmsterdamTime.ToLocal(reader.GetFieldValue<DateTimeOffset>(3)), reader.GetString(4),
                ReporterKey: reader.IsDBNull(7) ? null : reader.GetString(7), AddressKey: reader.GetString(5)));
            straten.Add(reader.IsDBNull(6) ? null : reader.GetString(6));
        }
        return (events, straten);
    }

    private async Task<int> StoreAsync(HotspotRun run, HotspotResult result, int eventCount, HotspotStraten? straten, RecomputePhases phases,
        CancellationToken ct)
    {
        var hotspots = result.Windows.SelectMany(w => w.Hotspots.Select(h => ToEntity(run, w, h, straten))).ToList();
        phases.Done("straten");
        await NameAsync(run.GemeenteId, hotspots, [.. result.Windows.SelectMany(w => w.Hotspots)], ct);
        phases.Done("naamgeving");
        // Written before the closing transaction: every write to hotspot bumps the gemeente's heatmap data version, whose
        // row lock would otherwise make the intake of new meldingen wait. Readers see a run's hotspots only once the run
        // is complete.
        await CopyAsync(hotspots, ct);
        phases.Done("schrijven");
        db.Database.SetCommandTimeout(BatchTimeoutSeconds);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        run.Status = HotspotRunStatus.Voltooid;
        run.VoltooidOp = clock.GetUtcNow();
        run.AantalMeldingen = eventCount;
        run.AantalHotspots = hotspots.Count;
        run.DuurSeconden = Math.Round(phases.Elapsed.TotalSeconds, 3);
        await db.SaveChangesAsync(ct);
        await db.Database.ExecuteSqlRawAsync(HotspotsSql.PruneOldRuns,
            [new NpgsqlParameter("gemeente", run.GemeenteId), new NpgsqlParameter("keep", 5)], ct);
        await tx.CommitAsync(ct);
        return hotspots.Count;
    }

    /// <summary>
    /// Sets the wijken, schools, buurt, fallback street and place name of every hotspot, looked up once per distinct
    /// shape (its cells) with <see cref="HotspotsSql.PlaceWords"/>.
    /// </summary>
    private async Task NameAsync(string gemeenteId, List<Hotspot> hotspots, List<Core.Hotspots.Hotspot> computed, CancellationToken ct)
    {
        var shapeOf = new Dictionary<string, int>();
        var shapes = new List<Hotspot>();
        var shapeIndex = new int[hotspots.Count];
        for (var i = 0; i < hotspots.Count; i++)
        {
            var key = string.Join(',', computed[i].Cells.Order());
            if (!shapeOf.TryGetValue(key, out var index))
            {
                shapeOf[key] = index = shapes.Count;
                shapes.Add(hotspots[i]);
            }
            shapeIndex[i] = index;
        }
        if (shapes.Count == 0)
        {
            return;
        }
        var words = new (string[] WijkCodes, string[] Scholen, string? Straat, string? Buurt)[shapes.Count];
        await using var command = dataSource.CreateCommand(HotspotsSql.PlaceWords);
        command.CommandTimeout = BatchTimeoutSeconds;
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("vormen", shapes.Select(h => h.Geometrie).ToArray());
        command.Parameters.AddWithValue("centra", shapes.Select(h => (Geometry)h.Centroide).ToArray());
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                words[reader.GetInt32(0) - 1] = (reader.GetFieldValue<string[]>(1), reader.GetFieldValue<string[]>(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4));
            }
        }
        for (var i = 0; i < hotspots.Count; i++)
        {
            var (wijkCodes, scholen, straat, buurt) = words[shapeIndex[i]];
            var h = hotspots[i];
            h.WijkCodes = wijkCodes;
            h.Scholen = scholen;
            h.BuurtNaam = buurt;
            if (h.Straten.Length == 0 && straat is not null)
            {
                h.Straten = [straat];
            }
            h.Plaats = PlaatsInWoorden(h.Straten, buurt, scholen.FirstOrDefault());
        }
    }

    /// <summary>The place in words: "Schoolweg / Molenlaan (Oude Dorp), bij RK Basisschool Sint Jozef"; null when nothing is known.</summary>
    internal static string? PlaatsInWoorden(string[] straten, string? buurt, string? school)
    {
        var waar = string.Join(' ', new[] { string.Join(" / ", straten), buurt is null ? "" : $"({buurt})" }.Where(p => p.Length > 0));
        var plaats = string.Join(", ", new[] { waar, school is null ? "" : $"bij {school}" }.Where(p => p.Length > 0));
        return plaats.Length == 0 ? null : plaats;
    }

    private async Task CopyAsync(IReadOnlyList<Hotspot> hotspots, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var copy = await connection.BeginBinaryImportAsync(HotspotsSql.CopyHotspots, ct);
        copy.Timeout = TimeSpan.FromSeconds(BatchTimeoutSeconds);
        foreach (var h in hotspots)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(h.GemeenteId, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(h.RunId, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(h.Venster, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(h.Categorieen, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await copy.WriteAsync(h.Geometrie, NpgsqlDbType.Geometry, ct);
            await copy.WriteAsync(h.Centroide, NpgsqlDbType.Geometry, ct);
            foreach (var value in (double[])[h.Waargenomen, h.Verwacht, h.Z, h.P, h.Score])
            {
                await copy.WriteAsync(value, NpgsqlDbType.Double, ct);
            }
            await copy.WriteAsync(h.Rang, NpgsqlDbType.Integer, ct);
            await copy.WriteAsync(h.Trend, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(h.PerUur, NpgsqlDbType.Double, ct);
            foreach (var texts in (string[][])[h.WijkCodes, h.Scholen, h.Straten])
            {
                await copy.WriteAsync(texts, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            }
            foreach (var text in (string?[])[h.BuurtNaam, h.Plaats])
            {
                await (text is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(text, NpgsqlDbType.Text, ct));
            }
        }
        await copy.CompleteAsync(ct);
    }

    private static Hotspot ToEntity(HotspotRun run, WindowHotspots window, Core.Hotspots.Hotspot h, HotspotStraten? straten)
    {
        // The engine names a group of several categories by joining them with '+'.
        string[] categorieen = window.CategoryGroup == CategoryGroup.All.Name ? [] : window.CategoryGroup.Split('+');
        return new()
        {
            GemeenteId = run.GemeenteId, RunId = run.Id, Venster = window.Window, Categorieen = categorieen,
            Straten = straten?.Van(h.Cells, categorieen) ?? [],
            Geometrie = RdNew.RdFactory.CreateGeometry(h.Polygon), Centroide = RdNew.RdFactory.CreatePoint(h.Centroid.Coordinate),
            Waargenomen = Math.Round(h.Observed, 3), Verwacht = Math.Round(h.Expected, 3), Z = Math.Round(h.MaxZ, 3), P = h.MinAdjustedP,
            Score = Math.Round(h.Score, 3), Rang = h.Rank, Trend = h.Trend.Code(), PerUur = Math.Round(h.PerHour, 4), WijkCodes = [], Scholen = [],
        };
    }
}

/// <summary>How long each step of a recompute took, for its log line: where a slow run spends its time.</summary>
internal sealed class RecomputePhases(Stopwatch started)
{
    private readonly List<(string Phase, TimeSpan Duration)> _phases = [];
    private TimeSpan _last = started.Elapsed;

    public TimeSpan Elapsed => started.Elapsed;

    public void Done(string phase)
    {
        var now = started.Elapsed;
        _phases.Add((phase, now - _last));
        _last = now;
    }

    public override string ToString() =>
        string.Join(", ", _phases.Select(p => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{p.Phase} {p.Duration.TotalSeconds:F2} s")));
}
