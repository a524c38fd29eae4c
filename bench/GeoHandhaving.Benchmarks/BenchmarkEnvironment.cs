using System.Globalization;

namespace GeoHandhaving.Benchmarks;

/// <summary>What every benchmark needs around its measurement: where the repository is, how busy the machine is, percentiles.</summary>
internal static class BenchmarkEnvironment
{
    /// <summary>The 1-minute load average: the build machine is shared, so every figure is printed next to it.</summary>
    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    public static double Percentile(double[] sorted, double fraction) => sorted[(int)Math.Min(sorted.Length - 1, fraction * sorted.Length)];

    public static string RepositoryRoot() => GeoHandhaving.Testing.SharedData.RepositoryRoot;

    public static string AmsterdamBag() => GeoHandhaving.Testing.SharedData.Path("nl/amsterdam/bag/adressen_bag2018.csv.gz");

    /// <summary>The database of the benchmarks that need one: `scripts/db.sh start dev` prints it.</summary>
    public static string ConnectionString() =>
        Environment.GetEnvironmentVariable("ConnectionStrings__GeoHandhaving")
        ?? throw new InvalidOperationException("Set ConnectionStrings__GeoHandhaving (scripts/db.sh start dev prints it).");

    /// <summary>The value after <paramref name="name"/> in the options, if given.</summary>
    public static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;

    public static int IntOption(string[] args, string name, int fallback) =>
        Option(args, name) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
