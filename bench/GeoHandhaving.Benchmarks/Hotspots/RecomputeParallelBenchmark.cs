using System.Diagnostics;
using System.Globalization;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Benchmarks.Geocoding;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using static GeoHandhaving.Benchmarks.BenchmarkEnvironment;

namespace GeoHandhaving.Benchmarks.Hotspots;

/// <summary>
/// `recompute-parallel [--gemeenten 50] [--meldingen 50000] [--workers 1,2] [--port 5099]`: N gemeenten of M synthetic
/// meldingen each (loaded once, reused), then per worker count the real API (Release build) as a process with a Hangfire
/// server of that many workers, and one recompute queued per gemeente as the nightly job queues them. Prints the total
/// wall time (first queued to last stored) and the slowest gemeente's run, and ends with one line
/// <c>recompute-parallel: gemeenten=… meldingen=… w1_total_s=… w1_slowest_s=… w2_total_s=… …</c>. Needs ConnectionStrings__GeoHandhaving.
/// </summary>
internal static class RecomputeParallelBenchmark
{
    public const string Description = "hotspot recompute of many gemeenten on 1 and 2 Hangfire workers: total wall time, slowest gemeente";

    // Each gemeente its own city-sized area, so the engine works as for a real one.
    private static readonly Envelope Gebied = new(111_000, 131_000, 479_000, 494_000);

    public static async Task<int> RunAsync(string[] args)
    {
        var gemeenten = IntOption(args, "--gemeenten", 50);
        var meldingen = IntOption(args, "--meldingen", 50_000);
        var port = IntOption(args, "--port", 5099);
        int[] workerCounts = [.. (Option(args, "--workers") ?? "1,2").Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))];
        var ids = Enumerable.Range(1, gemeenten).Select(i => $"BR{i:D3}").ToList();
        await using var dataSource = DataServices.BuildDataSource(ConnectionString());
        var random = new Random(20261201);
        foreach (var id in ids)
        {
            await BenchmarkMeldingen.EnsureAsync(dataSource, id, $"Benchmark recompute {id}", meldingen, Gebied, random);
        }

        var services = new ServiceCollection()
            .AddJobClient(new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:GeoHandhaving", ConnectionString())]).Build())
            .BuildServiceProvider();
        var scheduler = new HotspotRecomputeScheduler(services.GetRequiredService<IBackgroundJobClient>(),
            Microsoft.Extensions.Options.Options.Create(new HotspotsOptions()), TimeProvider.System);
        var apiDll = Path.Combine(RepositoryRoot(), "src", "GeoHandhaving.Api", "bin", "Release", "net10.0", "GeoHandhaving.Api.dll");
        var summary = new List<string>();
        foreach (var workers in workerCounts)
        {
            await using var api = await ApiProcess.StartAsync(apiDll, new Uri($"http://127.0.0.1:{port}"), ConnectionString(), new Dictionary<string, string>
            {
                ["Jobs__RunServer"] = "true",
                ["Jobs__WorkerCount"] = workers.ToString(CultureInfo.InvariantCulture),
                ["Jobs__PollInterval"] = "00:00:01",
                // Never (the 31st of February): only the recomputes this benchmark queues run.
                ["Hotspots__NightlyCron"] = "0 0 31 2 *",
            });
            var queued = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            foreach (var id in ids)
            {
                scheduler.RunNow(id, "benchmark recompute-parallel");
            }
            var runs = await WaitForRunsAsync(dataSource, ids, queued);
            var total = clock.Elapsed;
            var slowest = runs.MaxBy(r => r.DuurSeconden)!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"workers  {workers}: {runs.Count} gemeenten in {total.TotalSeconds:F1} s; slowest {slowest.GemeenteId} {slowest.DuurSeconden:F1} s " +
                $"({slowest.AantalMeldingen:N0} meldingen); median run {Median(runs):F1} s; load average {LoadAverage()}"));
            summary.Add(string.Create(CultureInfo.InvariantCulture,
                $"w{workers}_total_s={total.TotalSeconds:F1} w{workers}_slowest_s={slowest.DuurSeconden:F1}"));
        }
        Console.WriteLine($"recompute-parallel: gemeenten={gemeenten} meldingen={meldingen} {string.Join(' ', summary)} load={LoadAverage()}");
        return 0;
    }

    private static double Median(List<HotspotRun> runs) => runs.Select(r => r.DuurSeconden ?? 0).Order().ElementAt(runs.Count / 2);

    /// <summary>Waits until every gemeente has a run completed that started after <paramref name="since"/>; fails on a failed run.</summary>
    private static async Task<List<HotspotRun>> WaitForRunsAsync(Npgsql.NpgsqlDataSource dataSource, List<string> ids, DateTimeOffset since)
    {
        var options = new DbContextOptionsBuilder<GeoHandhavingDbContext>();
        DataServices.Configure(options, dataSource);
        while (true)
        {
            await using var db = new GeoHandhavingDbContext(options.Options);
            var runs = await db.HotspotRuns.AsNoTracking().Where(r => ids.Contains(r.GemeenteId) && r.GestartOp >= since).ToListAsync();
            if (runs.FirstOrDefault(r => r.Status == HotspotRunStatus.Mislukt) is { } failed)
            {
                throw new InvalidOperationException($"the recompute of {failed.GemeenteId} failed: {failed.Fout}");
            }
            var done = runs.Where(r => r.Status == HotspotRunStatus.Voltooid).ToList();
            if (done.Count >= ids.Count)
            {
                return done;
            }
            await Task.Delay(250);
        }
    }
}
