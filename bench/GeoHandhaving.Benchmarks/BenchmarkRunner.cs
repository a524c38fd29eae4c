namespace GeoHandhaving.Benchmarks;

/// <summary>Dispatches `dotnet run --project bench/GeoHandhaving.Benchmarks -c Release -- NAME [options]` to one benchmark.</summary>
internal static class BenchmarkRunner
{
    private static readonly Dictionary<string, (string Description, Func<string[], Task<int>> Run)> Benchmarks = new()
    {
        ["geocoder"] = (Geocoding.GeocoderBenchmark.Description, Geocoding.GeocoderBenchmark.RunAsync),
        ["geocoder-noise"] = (Geocoding.GeocoderNoiseBenchmark.Description, Geocoding.GeocoderNoiseBenchmark.RunAsync),
        ["geocoder-http"] = (Geocoding.GeocoderHttpBenchmark.Description, Geocoding.GeocoderHttpBenchmark.RunAsync),
        ["hotspots"] = ("1 M synthetic meldingen, all default windows (Gi*, FDR, polygons, trends)", Hotspots.HotspotsBenchmark.RunAsync),
        ["tiles"] = (Heatmap.TileBenchmark.Description, Heatmap.TileBenchmark.RunAsync),
        ["hotspots-db"] = (Hotspots.HotspotsDbBenchmark.Description, Hotspots.HotspotsDbBenchmark.RunAsync),
        ["recompute-parallel"] = (Hotspots.RecomputeParallelBenchmark.Description, Hotspots.RecomputeParallelBenchmark.RunAsync),
    };

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || !Benchmarks.TryGetValue(args[0], out var benchmark))
        {
            Console.Error.WriteLine("usage: GeoHandhaving.Benchmarks NAME [options]");
            foreach (var (name, (description, _)) in Benchmarks)
            {
                Console.Error.WriteLine($"  {name,-16} {description}");
            }
            return 2;
        }
        return await benchmark.Run(args[1..]);
    }
}
