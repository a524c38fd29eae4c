using System.Diagnostics;
using System.Globalization;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Benchmarks.Hotspots;

/// <summary>
/// `hotspots [EVENTS]`: synthetic meldingen (default 1,000,000) over 20 × 20 km of RD New, a year long, 60 % around 200
/// clusters; runs the service's model (<see cref="HotspotModel"/>: backtest of the setting family, then every default window,
/// 3 named + 168 hours, for all categories and each one, as a recompute does) and prints duration and memory, and the
/// engine alone with the chosen settings, so the backtest's cost is the difference.
/// </summary>
internal static class HotspotsBenchmark
{
    private static readonly string[] Categories = ["parkeeroverlast", "jeugdoverlast", "geluidsoverlast", "afval"];

    public static Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
        var events = Synthetic(count, new Random(42));
        var windows = DefaultTimeWindows.All;
        // The recompute's own parameters (cell size, and all cores but one, as in the API), with a school calendar and every category.
        var parameters = HotspotRecomputeJob.DefaultParameters with
        {
            SchoolCalendar = SchoolCalendar.Load(FindData("schoolvakanties.csv")),
            CategoryGroups = [CategoryGroup.All, .. Categories.Select(c => new CategoryGroup(c, new HashSet<string> { c }))],
        };

        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var model = HotspotModel.Run(events, windows, parameters);
        stopwatch.Stop();
        var result = model.Hotspots;
        // The machine is shared: CPU time shows the work even when other processes stretch the wall clock.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events {count:N0}; grid {result.Grid.Columns}×{result.Grid.Rows} cells of {result.Grid.CellSize} m; windows {result.Windows.Count} (window × " +
                $"category group)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hotspots {result.Windows.Sum(w => w.Hotspots.Count):N0} drawn of {result.Windows.Sum(w => w.Patches):N0} patches with a significant cell; " +
                $"compute {stopwatch.Elapsed.TotalSeconds:F2} s wall, {cpu.TotalSeconds:F2} s CPU; allocated {allocated / 1e6:F0} MB; peak working set " +
                    $"{Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB"));
        var chosen = model.Choices.ToDictionary(c => c.Window, c => HotspotSetting.Named(c.Setting));
        var engine = Stopwatch.StartNew();
        HotspotEngine.Compute(events, windows, parameters, w => chosen.GetValueOrDefault(w.Name) ?? chosen[DefaultTimeWindows.AllHours.Name]);
        engine.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"choices {string.Join(", ", model.Choices.Select(c => $"{c.Window}={c.Setting}"))}; engine alone {engine.Elapsed.TotalSeconds:F2} s wall, " +
                $"so the backtest ≈ {(stopwatch.Elapsed - engine.Elapsed).TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hotspots-recompute: events={count} model_s={stopwatch.Elapsed.TotalSeconds:F2} engine_s={engine.Elapsed.TotalSeconds:F2} " +
                $"backtest_s={(stopwatch.Elapsed - engine.Elapsed).TotalSeconds:F2}"));
        return Task.FromResult(0);
    }

    internal static List<HotspotEvent> Synthetic(int count, Random random)
    {
        var clusters = Enumerable.Range(0, 200).Select(_ => (X: 110_000 + random.NextDouble() * 20_000, Y: 480_000 + random.NextDouble() * 20_000)).ToArray();
        var start = new DateTimeOffset(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var events = new List<HotspotEvent>(count);
        for (var i = 0; i < count; i++)
        {
            double x, y;
            if (random.NextDouble() < 0.6)
            {
                var centre = clusters[random.Next(clusters.Length)];
                x = centre.X + Gaussian(random) * 150;
                y = centre.Y + Gaussian(random) * 150;
            }
            else
            {
                x = 110_000 + random.NextDouble() * 20_000;
                y = 480_000 + random.NextDouble() * 20_000;
            }
            var at = AmsterdamTime.ToLocal(start.AddMinutes(random.Next(365 * 24 * 60)));
            events.Add(new HotspotEvent(i, x, y, at, Categories[random.Next(Categories.Length)], AddressKey: $"a{random.Next(count / 3)}"));
        }
        return events;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    internal static string FindData(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"data/{name} not found above {AppContext.BaseDirectory}");
    }
}
