using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>A named set of categories computed together; an empty set means all categories.</summary>
public sealed record CategoryGroup(string Name, IReadOnlySet<string> Categories)
{
    public static CategoryGroup All { get; } = new("alle", new HashSet<string>());
}

/// <param name="Reference">"Now": recency and trend periods count back from here; later events are ignored. Default: the last event.</param>
/// <param name="WindowPriorStrength">Empirical-Bayes borrowing: a window's cell value is its own weighted count plus this
/// many times the window's share of the all-hours count (0 = window data only).</param>
/// <param name="FalseDiscoveryRate">Benjamini–Hochberg level over the cells of one window.</param>
/// <param name="MaxHotspotsPerWindow">A briefing needs the best few; the rest are counted, not drawn.</param>
/// <param name="TrendPeriod">Length of the periods compared for the trend label; <paramref name="TrendPeriods"/> of them, the last ending at Reference.</param>
public sealed record HotspotParameters(
    double CellSize = 100,
    Neighbourhood? Neighbourhood = null,
    double FalseDiscoveryRate = 0.05,
    RecencyDecay? Recency = null,
    RepeatDamping Damping = RepeatDamping.SquareRoot,
    double WindowPriorStrength = 1,
    TimeSpan? TrendPeriod = null,
    int TrendPeriods = 4,
    DateTimeOffset? Reference = null,
    IReadOnlyList<CategoryGroup>? CategoryGroups = null,
    int MaxHotspotsPerWindow = 50,
    SchoolCalendar? SchoolCalendar = null,
    SchoolRegio SchoolRegio = SchoolRegio.Noord)
{
    public static RecencyDecay DefaultRecency { get; } = new(DecayShape.Exponential, TimeSpan.FromDays(365));
    public static TimeSpan DefaultTrendPeriod { get; } = TimeSpan.FromDays(28);
}

/// <summary>
/// One hotspot: a dissolved patch of significant Gi* cells (metric CRS). Observed is the weighted count of the window in the
/// patch, Expected what the patch would hold if the window's weighted events were spread evenly over the grid; Score is
/// the excess (Observed − Expected), Rank 1 the largest excess in its window and category group. PerHour is what a boa may
/// expect there in one hour of the window: Observed over the window's weighted hours of history (the same recency weights).
/// </summary>
public sealed record Hotspot(
    int Rank,
    string Window,
    string CategoryGroup,
    NetTopologySuite.Geometries.Geometry Polygon,
    Point Centroid,
    int CellCount,
    double Observed,
    double Expected,
    double MaxZ,
    double MinAdjustedP,
    double Score,
    TrendLabel Trend,
    double PerHour,
    IReadOnlyList<int> Cells);

/// <param name="SignificantPatches">All patches of significant cells; <paramref name="Hotspots"/> holds the best of them.</param>
/// <param name="ExposureHours">The window's hours between the first event and the reference, each weighted by recency as an event then would be.</param>
public sealed record WindowHotspots(string Window, string CategoryGroup, double WeightedEvents, int SignificantPatches, double ExposureHours,
    IReadOnlyList<Hotspot> Hotspots);

public sealed record HotspotResult(CellGrid Grid, IReadOnlyList<WindowHotspots> Windows);

/// <summary>
/// Gi* hotspots for many windows at once: events are weighted (recency, repeat damping) and binned once into
/// cell × category × week-slot × period; each window and category group is then a masked sum over the bins,
/// followed by Gi*, Benjamini–Hochberg, dissolving significant cells into polygons and a trend label.
/// </summary>
public static class HotspotEngine
{
    public static HotspotResult Compute(IReadOnlyList<HotspotEvent> events, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters)
    {
        var reference = parameters.Reference ?? events.Max(e => e.At);
        var included = events.Where(e => e.At <= reference).ToList();
        var grid = CellGrid.Covering(included.Select(e => (e.X, e.Y)), parameters.CellSize);
        var categories = included.Select(e => e.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var isSchoolDay = CachedSchoolDays(TimeWindow.IsSchoolDayRule(parameters.SchoolCalendar, parameters.SchoolRegio));
        var bins = Bin(included, grid, categories, reference, parameters, isSchoolDay);
        var exposure = ExposureByKey(included, reference, parameters.Recency ?? HotspotParameters.DefaultRecency, isSchoolDay);
        var offsets = (parameters.Neighbourhood ?? Neighbourhood.Queen).Offsets(grid.CellSize);
        var groups = parameters.CategoryGroups ?? [CategoryGroup.All];

        var tasks = windows
            .SelectMany(window => window.Categories.Count > 0
                ? [(Window: window, Group: new CategoryGroup(string.Join('+', window.Categories), window.Categories))]
                : groups.Select(group => (Window: window, Group: group)))
            .ToList();
        var allHoursByGroup = tasks.Select(t => t.Group).Distinct()
            .ToDictionary(group => group, group => Sum(bins, grid, Mask(DefaultTimeWindows.AllHours, group, categories), 0).Values);
        // Windows are independent reads of the same bins: spread them over the cores.
        var results = new WindowHotspots[tasks.Count];
        Parallel.For(0, tasks.Count, i =>
            results[i] = ComputeWindow(bins, grid, tasks[i].Window, tasks[i].Group, categories, allHoursByGroup[tasks[i].Group], offsets,
                Exposure(exposure, tasks[i].Window), parameters));
        return new HotspotResult(grid, results);
    }

    /// <summary>
    /// The recency-weighted hours of history per week-slot key: every quarter hour from the first event to the reference,
    /// weighted as an event at that moment would be. A window's exposure is the sum over its mask, so an hourly rate is
    /// its weighted count divided by its weighted hours.
    /// </summary>
    private static double[] ExposureByKey(List<HotspotEvent> events, DateTimeOffset reference, RecencyDecay recency, Func<DateOnly, bool> isSchoolDay)
    {
        var exposure = new double[WeekSlots.KeyCount];
        if (events.Count == 0)
        {
            return exposure;
        }
        var first = events.Min(e => e.At);
        var quarter = TimeSpan.FromMinutes(15);
        // Wall clock of the first event's offset: a DST hour shifts a few slots by one hour, not the rate.
        for (var t = new DateTimeOffset(first.Date, first.Offset); t < reference; t += quarter)
        {
            exposure[WeekSlots.Key(t.DateTime, isSchoolDay)] += 0.25 * recency.Weight(reference - t);
        }
        return exposure;
    }

    private static double Exposure(double[] exposureByKey, TimeWindow window)
    {
        var mask = WeekSlots.Mask(window);
        var hours = 0.0;
        for (var key = 0; key < mask.Length; key++)
        {
            if (mask[key])
            {
                hours += exposureByKey[key];
            }
        }
        return hours;
    }

    private static EventBins Bin(List<HotspotEvent> events, CellGrid grid, List<string> categories, DateTimeOffset reference, HotspotParameters parameters,
        Func<DateOnly, bool> isSchoolDay)
    {
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.OrdinalIgnoreCase);
        var period = parameters.TrendPeriod ?? HotspotParameters.DefaultTrendPeriod;
        var cells = new int[events.Count];
        var categoryOf = new int[events.Count];
        var slots = new int[events.Count];
        var periods = new int[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            cells[i] = grid.CellOf(e.X, e.Y);
            categoryOf[i] = categoryIndex[e.Category];
            slots[i] = WeekSlots.Key(e.At.DateTime, isSchoolDay);
            // Period 0 is the oldest trend period, TrendPeriods − 1 the current one, TrendPeriods "before all periods".
            var back = (int)Math.Min(parameters.TrendPeriods, Math.Floor((reference - e.At) / period));
            periods[i] = back >= parameters.TrendPeriods ? parameters.TrendPeriods : parameters.TrendPeriods - 1 - back;
        }
        var weights = EventWeighting.Weights(events, reference, parameters.Recency ?? HotspotParameters.DefaultRecency, parameters.Damping);
        return EventBins.Build(cells, categoryOf, slots, periods, weights, categories.Count, parameters.TrendPeriods + 1, grid.CellCount);
    }

    private static Func<DateOnly, bool> CachedSchoolDays(Func<DateOnly, bool> rule)
    {
        var cache = new Dictionary<DateOnly, bool>();
        return date => cache.TryGetValue(date, out var known) ? known : cache[date] = rule(date);
    }

    /// <summary>Mask over category × slot key.</summary>
    private static bool[] Mask(TimeWindow window, CategoryGroup group, List<string> categories)
    {
        var slotMask = WeekSlots.Mask(window);
        var mask = new bool[categories.Count * WeekSlots.KeyCount];
        for (var c = 0; c < categories.Count; c++)
        {
            if (group.Categories.Count == 0 || group.Categories.Contains(categories[c]))
            {
                Array.Copy(slotMask, 0, mask, c * WeekSlots.KeyCount, WeekSlots.KeyCount);
            }
        }
        return mask;
    }

    private static (double[] Values, double[] PeriodCounts) Sum(EventBins bins, CellGrid grid, bool[] mask, int periodCount)
    {
        var values = new double[grid.CellCount];
        var periodCounts = new double[periodCount * grid.CellCount];
        for (var entry = 0; entry < mask.Length; entry++)
        {
            if (!mask[entry])
            {
                continue;
            }
            for (var i = bins.RunStart[entry]; i < bins.RunStart[entry + 1]; i++)
            {
                values[bins.Cell[i]] += bins.Weight[i];
                if (bins.Period[i] < periodCount)
                {
                    periodCounts[bins.Period[i] * grid.CellCount + bins.Cell[i]] += bins.Count[i];
                }
            }
        }
        return (values, periodCounts);
    }

    private static WindowHotspots ComputeWindow(
        EventBins bins, CellGrid grid, TimeWindow window, CategoryGroup group, List<string> categories,
        double[] allHours, (int Dx, int Dy)[] offsets, double exposureHours, HotspotParameters parameters)
    {
        var (observed, periodCounts) = Sum(bins, grid, Mask(window, group, categories), parameters.TrendPeriods);
        var windowTotal = observed.Sum();
        var allTotal = allHours.Sum();
        var share = allTotal > 0 ? windowTotal / allTotal : 0;
        var blended = new double[grid.CellCount];
        for (var cell = 0; cell < blended.Length; cell++)
        {
            blended[cell] = observed[cell] + parameters.WindowPriorStrength * share * allHours[cell];
        }

        var z = GetisOrd.CountZScores(blended, grid, offsets);
        var adjusted = Statistics.BenjaminiHochberg([.. z.Select(Statistics.UpperTailProbability)]);
        var significant = Enumerable.Range(0, grid.CellCount)
            .Where(cell => z[cell] > 0 && adjusted[cell] <= parameters.FalseDiscoveryRate && observed[cell] > 0)
            .ToList();

        var periodTotals = Enumerable.Range(0, parameters.TrendPeriods)
            .Select(p => periodCounts.AsSpan(p * grid.CellCount, grid.CellCount).ToArray().Sum())
            .ToArray();
        var expectedPerCell = windowTotal / grid.CellCount;
        var patches = CellUnion.Patches(significant, grid);
        // Rank on the cheap sums first; only the hotspots reported get a dissolved polygon.
        var hotspots = patches
            .Select(patch => (Cells: patch, Observed: patch.Sum(c => observed[c]), Expected: expectedPerCell * patch.Length))
            .OrderByDescending(h => h.Observed - h.Expected)
            .Take(parameters.MaxHotspotsPerWindow)
            .Select((h, index) =>
            {
                var polygon = CellUnion.Dissolve(h.Cells, grid);
                var trend = TrendClassifier.Classify(
                [
                    .. Enumerable.Range(0, parameters.TrendPeriods).Select(p => new PeriodActivity(
                        h.Cells.Sum(c => periodCounts[p * grid.CellCount + c]),
                        periodTotals[p] * h.Cells.Length / grid.CellCount)),
                ]);
                return new Hotspot(index + 1, window.Name, group.Name, polygon, polygon.Centroid, h.Cells.Length, h.Observed, h.Expected,
                    h.Cells.Max(c => z[c]), h.Cells.Min(c => adjusted[c]), h.Observed - h.Expected, trend,
                    exposureHours > 0 ? h.Observed / exposureHours : 0, h.Cells);
            })
            .ToList();
        return new WindowHotspots(window.Name, group.Name, windowTotal, patches.Count, exposureHours, hotspots);
    }
}
