using System.Diagnostics;
using System.Globalization;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using static GeoHandhaving.Benchmarks.BenchmarkEnvironment;

namespace GeoHandhaving.Benchmarks.Hotspots;

/// <summary>
/// `hotspots-db [EVENTS] [--dbscan-timeout SECONDS]`: the synthetic meldingen of `hotspots` (default 1,000,000), once through
/// <see cref="HotspotModel"/> (backtest and engine) and once through PostGIS <c>ST_ClusterDBSCAN(geom, eps := 100, minpoints := 20)</c> on a temp
/// table: one DBSCAN per default window (its categories and school days, as the engine selects them), and one over every point.
/// Needs ConnectionStrings__GeoHandhaving.
/// </summary>
internal static class HotspotsDbBenchmark
{
    public const string Description = "HotspotModel (all default windows) vs PostGIS ST_ClusterDBSCAN on the same 1 M points";

    private const string ClusterSql = """
        SELECT count(*), count(cluster_id), count(DISTINCT cluster_id)
        FROM (SELECT ST_ClusterDBSCAN(geom, eps := 100, minpoints := 20) OVER () AS cluster_id FROM bench_melding {0}) clustered
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var dbscanTimeout = IntOption(args, "--dbscan-timeout", 900);
        var events = HotspotsBenchmark.Synthetic(count, new Random(42));
        // The recompute's own parameters (all cores but one, as in the API), with a school calendar.
        var parameters = HotspotRecomputeJob.DefaultParameters with { SchoolCalendar = SchoolCalendar.Load(HotspotsBenchmark.FindData("schoolvakanties.csv")) };
        var sampleHour = DefaultTimeWindows.HoursOfWeek.Single(w => w.Name == "uur-di-08");
        Console.WriteLine($"events   {count:N0}; machine {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        // A small run first, so the measured runs are for jitted code.
        HotspotModel.Run(events.Take(50_000).ToList(), DefaultTimeWindows.All, parameters);
        var engineAll = MeasureEngine(events, DefaultTimeWindows.All, parameters, "all default windows");
        var engineNamed = MeasureEngine(events, DefaultTimeWindows.Named, parameters, "named windows");
        var engineHour = MeasureEngine(events, [sampleHour], parameters, sampleHour.Name);

        await using var dataSource = DataServices.BuildDataSource(ConnectionString());
        await using var connection = await dataSource.OpenConnectionAsync();
        await LoadPointsAsync(connection, events);

        var isSchoolDay = TimeWindow.IsSchoolDayRule(parameters.SchoolCalendar, parameters.SchoolRegio);
        var named = new List<DbscanRun>();
        foreach (var window in DefaultTimeWindows.Named)
        {
            named.Add(await MeasureDbscanAsync(connection, InWindow(events, window, isSchoolDay), dbscanTimeout));
            Console.WriteLine($"dbscan   {window.Name}: {named[^1]}; load average {LoadAverage()}");
        }
        var hours = new List<DbscanRun>();
        foreach (var window in DefaultTimeWindows.HoursOfWeek)
        {
            hours.Add(await MeasureDbscanAsync(connection, InWindow(events, window, isSchoolDay), dbscanTimeout));
        }
        var hourOfSample = hours[DefaultTimeWindows.HoursOfWeek.ToList().IndexOf(sampleHour)];
        Console.WriteLine($"dbscan   {sampleHour.Name}: {hourOfSample}");
        Console.WriteLine($"dbscan   {hours.Count} hours of the week: {hours.Min(h => h.Points):N0}–{hours.Max(h => h.Points):N0} points per hour, " +
                          $"{hours.Sum(h => h.Clusters):N0} clusters in all; {Total(hours).TotalSeconds:F2} s; load average {LoadAverage()}");
        var dbscanAllWindows = Total(named) + Total(hours);
        Console.WriteLine($"dbscan   all {DefaultTimeWindows.All.Count} windows, one DBSCAN each: {dbscanAllWindows.TotalSeconds:F2} s");
        Console.WriteLine($"ratio    DBSCAN ÷ engine: all windows {dbscanAllWindows / engineAll:F1}×; named {Total(named) / engineNamed:F1}×; " +
                          $"{sampleHour.Name} {hourOfSample.Duration / engineHour:F2}×");

        var everyPoint = await MeasureDbscanAsync(connection, null, dbscanTimeout);
        Console.WriteLine($"dbscan   every point as one window: {everyPoint}; load average {LoadAverage()}");
        Console.WriteLine($"ratio    one DBSCAN over every point ÷ engine for all windows: {everyPoint.Duration / engineAll:F1}×");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hotspots-db: events={count} engine_all_s={engineAll.TotalSeconds:F2} engine_hour_s={engineHour.TotalSeconds:F2} " +
            $"dbscan_all_s={dbscanAllWindows.TotalSeconds:F2} ratio={dbscanAllWindows / engineAll:F1} load={LoadAverage()}"));
        return 0;
    }

    private static TimeSpan MeasureEngine(List<HotspotEvent> events, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters, string label)
    {
        GC.Collect();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var result = HotspotModel.Run(events, windows, parameters).Hotspots;
        var wall = clock.Elapsed;
        Console.WriteLine($"engine   {label}: {result.Windows.Count} window × category group, " +
            $"{result.Windows.Sum(w => w.Patches):N0} significant " +
            $"patches; " +
                          $"{wall.TotalSeconds:F2} s wall, {(Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds:F2} s CPU; load " +
                              $"average {LoadAverage()}");
        return wall;
    }

    /// <summary>The event ids a window (with its categories and school days) selects, as the engine selects them.</summary>
    private static long[] InWindow(List<HotspotEvent> events, TimeWindow window, Func<DateOnly, bool> isSchoolDay) =>
    [
        .. events
            .Where(e => (window.Categories.Count == 0 || window.Categories.Contains(e.Category)) && window.ContainsWallClock(e.At.DateTime, isSchoolDay))
            .Select(e => e.Id),
    ];

    private static async Task LoadPointsAsync(NpgsqlConnection connection, List<HotspotEvent> events)
    {
        var clock = Stopwatch.StartNew();
        await using (var create = new NpgsqlCommand("CREATE TEMP TABLE bench_melding (id bigint PRIMARY KEY, geom geometry(Point, 28992))", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        await using (var copy = await connection.BeginBinaryImportAsync("COPY bench_melding (id, geom) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in events)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync(e.Id, NpgsqlDbType.Bigint);
                await copy.WriteAsync(new Point(e.X, e.Y) { SRID = 28992 }, NpgsqlDbType.Geometry);
            }
            await copy.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE bench_melding", connection))
        {
            await analyze.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"postgis  {events.Count:N0} points copied into a temp table in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private sealed record DbscanRun(long Points, long Clustered, long Clusters, TimeSpan Duration)
    {
        public override string ToString() =>
            $"{Points:N0} points, {Clustered:N0} of them in {Clusters:N0} clusters; {Duration.TotalSeconds:F2} s";
    }

    private static TimeSpan Total(IEnumerable<DbscanRun> runs) => TimeSpan.FromTicks(runs.Sum(r => r.Duration.Ticks));

    /// <summary>One ST_ClusterDBSCAN over the points with the given ids (null: every point).</summary>
    private static async Task<DbscanRun> MeasureDbscanAsync(NpgsqlConnection connection, long[]? ids, int timeoutSeconds)
    {
        await using var command = new NpgsqlCommand(string.Format(ClusterSql, ids is null ? "" : "WHERE id = ANY(@ids)"), connection)
        {
            CommandTimeout = timeoutSeconds,
        };
        if (ids is not null)
        {
            command.Parameters.AddWithValue("ids", ids);
        }
        var clock = Stopwatch.StartNew();
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DbscanRun(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), clock.Elapsed);
    }
}
