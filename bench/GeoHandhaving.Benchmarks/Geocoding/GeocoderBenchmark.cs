using System.Diagnostics;
using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>
/// `geocoder [--data PATH] [--queries N] [--seed S]`: builds the index from the full Amsterdam BAG, then measures accuracy on a
/// noisy query set, batch throughput (one thread and parallel) and single-query latency.
/// </summary>
internal static class GeocoderBenchmark
{
    public const string Description = "in-process BAG geocoder: index build, memory, accuracy, throughput, latency";

    public static Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"data     {options.DataPath}");

        var managedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var errors = new List<BagCsvRowError>();
        var addresses = BagCsvReader.ReadFile(options.DataPath, errors).ToList();
        var readTime = clock.Elapsed;
        clock.Restart();
        var geocoder = new Geocoder(AddressIndex.Build(addresses));
        var buildTime = clock.Elapsed;
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"read     {addresses.Count:N0} addresses, {errors.Count} bad rows, {readTime.TotalSeconds:F2} s");
        Console.WriteLine($"index    build {buildTime.TotalSeconds:F2} s; managed heap +{(managedAfter - managedBefore) / 1048576.0:F0} MB " +
                          $"(addresses + index), working set {Environment.WorkingSet / 1048576.0:F0} MB");

        var queries = NoisyQuerySet.Generate(addresses, options.QueryCount, options.Seed);
        var texts = queries.Select(q => q.Text).ToList();
        // Tiered JIT recompiles hot methods in the background after ~30 calls and a short delay: run the set twice and
        // wait, so the figures are for optimised code, as in a long-running service.
        geocoder.GeocodeBatch(texts);
        Thread.Sleep(500);
        geocoder.GeocodeBatch(texts);

        var (results, singleThread, singleThreadCpu) = MeasureBatch(() => geocoder.GeocodeBatch(texts), texts.Count);
        var (_, parallel, parallelCpu) = MeasureBatch(() => geocoder.GeocodeBatch(texts, Environment.ProcessorCount), texts.Count);
        // Queries per CPU-second stay meaningful when other processes share the cores; wall-clock figures do not.
        Console.WriteLine($"batch    1 thread: {singleThread:N0} queries/s wall, {singleThreadCpu:N0} per CPU-second; " +
                          $"{Environment.ProcessorCount} threads: {parallel:N0} queries/s wall, {parallelCpu:N0} per CPU-second; " +
                          $"load average {BenchmarkEnvironment.LoadAverage()}");

        var latencyByQuery = texts.Select(text =>
        {
            var start = Stopwatch.GetTimestamp();
            geocoder.Geocode(text);
            return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }).ToArray();
        var latencies = latencyByQuery.Order().ToArray();
        Console.WriteLine($"latency  p50 {BenchmarkEnvironment.Percentile(latencies, 0.50):F1} µs, " +
            $"p95 {BenchmarkEnvironment.Percentile(latencies, 0.95):F1} " +
            $"µs, " +
                          $"p99 {BenchmarkEnvironment.Percentile(latencies, 0.99):F1} µs, max {latencies[^1]:F0} µs");

        ReportAccuracy(queries, results, latencyByQuery);
        return Task.FromResult(0);
    }

    private static void ReportAccuracy(IReadOnlyList<NoisyQuery> queries, GeocodeResult[] results, double[] latencyByQuery)
    {
        var outcomes = queries.Select((query, i) =>
            (query, result: results[i], outcome: GeocodeAccuracy.Judge(query.Expected, AddressKey.OfMatch(results[i])), micros: latencyByQuery[i])).ToList();
        Console.WriteLine();
        Console.WriteLine($"{"kind",-22} {"n",6} {"correct",8} {"wrong",7} {"unm/amb",8} {"mean µs",8}");
        foreach (var group in outcomes.GroupBy(o => o.query.Kind).Append(outcomes.GroupBy(_ => "ALL").Single()))
        {
            double Share(Outcome outcome) => 100.0 * group.Count(o => o.outcome == outcome) / group.Count();
            Console.WriteLine($"{group.Key,-22} {group.Count(),6} {Share(Outcome.Correct),7:F2}% {Share(Outcome.Wrong),6:F2}% " +
                $"{Share(Outcome.NotMatched),7:F2}% {group.Average(o => o.micros),8:F1}");
        }
        Console.WriteLine();
        foreach (var (query, result, outcome, _) in outcomes.Where(o => o.outcome != Outcome.Correct).Take(25))
        {
            Console.WriteLine($"{outcome,-10} {query.Kind,-20} '{query.Text}' -> {result.Status} {result.Address} ({result.Reason}); expected " +
                $"{query.Expected?.ToString() ?? "unmatched"}");
        }
    }

    internal static (GeocodeResult[] Results, double PerSecond, double PerCpuSecond) MeasureBatch(Func<GeocodeResult[]> batch, int count)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var results = batch();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (results, count / wall, count / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private sealed record Options(string DataPath, int QueryCount, int Seed)
    {
        public static Options Parse(string[] args) => new(
            BenchmarkEnvironment.Option(args, "--data") ?? BenchmarkEnvironment.AmsterdamBag(),
            BenchmarkEnvironment.IntOption(args, "--queries", 20000),
            BenchmarkEnvironment.IntOption(args, "--seed", 20181112));
    }
}
