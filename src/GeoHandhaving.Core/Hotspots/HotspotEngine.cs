using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>A named set of categories computed together; an empty set means all categories.</summary>
public sealed record CategoryGroup(string Name, IReadOnlySet<string> Categories)
{
    public static CategoryGroup All { get; } = new("alle", new HashSet<string>());
}

/// <param name="Reference">"Now": recency and trend periods count back from here; only events before it count. Default: just after the last event.</param>
/// <param name="FalseDiscoveryRate">Benjamini–Hochberg level over the cells of one window.</param>
/// <param name="MaxHotspotsPerWindow">A briefing needs the best few; the rest are counted, not drawn.</param>
/// <param name="TrendPeriod">Length of the periods compared for the trend label; <paramref name="TrendPeriods"/> of them, the last ending at Reference.</param>
/// <param name="KeepCellScores">Keep every window's cell scores in the result (for evaluation; a recompute does not need them).</param>
/// <param name="MaxParallelism">How many cores the model may use at once (-1: all): a recompute inside the API leaves one to the readers.</param>
public sealed record HotspotParameters(
    double CellSize = 100,
    Neighbourhood? Neighbourhood = null,
    double FalseDiscoveryRate = 0.05,
    TimeSpan? TrendPeriod = null,
    int TrendPeriods = 4,
    DateTimeOffset? Reference = null,
    IReadOnlyList<CategoryGroup>? CategoryGroups = null,
    int MaxHotspotsPerWindow = 50,
    SchoolCalendar? SchoolCalendar = null,
    SchoolRegio SchoolRegio = SchoolRegio.Noord,
    bool KeepCellScores = false,
    int MaxParallelism = -1)
{
    internal ParallelOptions Parallelism => new() { MaxDegreeOfParallelism = MaxParallelism };

    public static TimeSpan DefaultTrendPeriod { get; } = TimeSpan.FromDays(28);
}

/// <summary>
/// One hotspot: a dissolved patch of selected cells (metric CRS). Observed is the weighted count of the window in the
/// patch, Expected what the patch would hold if the window's weighted events were spread evenly over the grid; Score is
/// the excess (Observed − Expected), Rank 1 the largest excess in its window and category group. MaxZ and MinAdjustedP are
/// its cells' Gi* figures (after Benjamini–Hochberg), whatever the method that selected them. PerHour is what a boa may
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

/// <param name="Setting">The name of the <see cref="HotspotSetting"/> that scored the window.</param>
/// <param name="Patches">All patches of selected cells with a significant cell; <paramref name="Hotspots"/> holds the best of them.</param>
/// <param name="ExposureHours">The window's hours between the first event and the reference, each weighted by recency as an event then would be.</param>
/// <param name="CellScores">The cell scores the selection ranked (only with <see cref="HotspotParameters.KeepCellScores"/>).</param>
public sealed record WindowHotspots(string Window, string CategoryGroup, string Setting, double WeightedEvents, int Patches, double ExposureHours,
    IReadOnlyList<Hotspot> Hotspots, double[]? CellScores = null);

/// <param name="StudyArea">The convex hull area (m²) of the events before the reference: the area the budget is a share of.</param>
public sealed record HotspotResult(CellGrid Grid, double StudyArea, IReadOnlyList<WindowHotspots> Windows);

/// <summary>
/// The events before the reference, placed once and ordered by mask entry (category × week-slot key), then cell: per
/// event its cell, entry, time and source keys, the grid and the study area. The backtest and the computation of the
/// hotspots read the same placement, and every binning reads it in this order without sorting again.
/// </summary>
internal sealed class PlacedEvents
{
    public required List<HotspotEvent> Events { get; init; }
    public required CellGrid Grid { get; init; }
    public required double StudyArea { get; init; }
    public required List<string> Categories { get; init; }
    public required int[] Cells { get; init; }
    public required int[] Entries { get; init; }
    public required long[] UtcTicks { get; init; }
    public required SourceKeys Addresses { get; init; }
    public required SourceKeys Reporters { get; init; }
    public required DateTimeOffset Reference { get; init; }
    public required Func<DateOnly, bool> IsSchoolDay { get; init; }
}

/// <summary>A window's scores under one setting: its own (weighted) cell values, those blended with all hours, the ranking scores.</summary>
internal sealed record WindowScores(double[] Observed, double[] Blended, double[] Scores, double[]? Z);

/// <summary>
/// Hotspots for many windows at once, each window scored by its <see cref="HotspotSetting"/>: events are weighted (one
/// column per recency × damping in use) and binned once into cell × category × week-slot × period; each window and
/// category group is a masked sum over the bins, blended with all hours, smoothed, scored by the setting's method; the
/// selected cells (Gi*: significant after Benjamini–Hochberg; ranked cells and density: the best within
/// <see cref="ServedShare"/> of the study area) are grouped into patches, those with a significant cell are dissolved into
/// polygons with a trend label.
/// </summary>
public static class HotspotEngine
{
    /// <summary>The share of the area the backtest chooses a setting on (hit rate at 1 %).</summary>
    public const double ChoiceShare = 0.01;

    /// <summary>
    /// The area budget of ranked and density hotspots (the backtest reports the hit rate there too): the best 1 % are what
    /// the choice was judged on; the briefing's significance and floor decide which of the rest are worth a visit.
    /// </summary>
    public const double ServedShare = 0.05;

    private static readonly (int Dx, int Dy)[] Ring = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)];

    public static HotspotResult Compute(IReadOnlyList<HotspotEvent> events, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters,
        Func<TimeWindow, HotspotSetting> settingOf) => Compute(Place(events, parameters), windows, parameters, settingOf);

    internal static PlacedEvents Place(IReadOnlyList<HotspotEvent> events, HotspotParameters parameters)
    {
        var reference = parameters.Reference ?? events.Max(e => e.At).AddTicks(1);
        var included = events.Where(e => e.At < reference).ToList();
        var grid = CellGrid.Covering(included.Select(e => (e.X, e.Y)), parameters.CellSize);
        var categories = included.Select(e => e.Category).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var categoryIndex = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.OrdinalIgnoreCase);
        var isSchoolDay = CachedSchoolDays(TimeWindow.IsSchoolDayRule(parameters.SchoolCalendar, parameters.SchoolRegio));
        var cells = included.Select(e => grid.CellOf(e.X, e.Y)).ToArray();
        var entries = included.Select(e => categoryIndex[e.Category] * WeekSlots.KeyCount + WeekSlots.Key(e.At.DateTime, isSchoolDay)).ToArray();
        var keys = new long[included.Count];
        var order = new int[included.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (long)entries[i] * grid.CellCount + cells[i];
            order[i] = i;
        }
        Array.Sort(keys, order);
        var sorted = order.Select(i => included[i]).ToList();
        return new PlacedEvents
        {
            Events = sorted, Grid = grid, Categories = categories, Reference = reference, IsSchoolDay = isSchoolDay,
            // A hull of one point or a line has no area: then the grid's cells are the area.
            StudyArea = Math.Max(ConvexHullArea(included), grid.CellArea),
            Cells = [.. order.Select(i => cells[i])],
            Entries = [.. order.Select(i => entries[i])],
            UtcTicks = [.. sorted.Select(e => e.At.UtcTicks)],
            Addresses = new SourceKeys(sorted.Select(e => e.AddressKey)),
            Reporters = new SourceKeys(sorted.Select(e => e.ReporterKey)),
        };
    }

    /// <summary>
    /// The area of the events' convex hull. Points strictly inside the octagon of the eight extreme points (least and most
    /// x, y, x + y, x − y) cannot be corners of the hull, so only the others go to the hull algorithm: the same hull, from a
    /// fraction of a million points.
    /// </summary>
    private static double ConvexHullArea(List<HotspotEvent> events)
    {
        if (events.Count == 0)
        {
            return 0;
        }
        // Directions in counter-clockwise order; the event furthest in each is an octagon corner, in the same order.
        (double Dx, double Dy)[] directions = [(0, -1), (1, -1), (1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1)];
        var corners = directions.Select(d => events.MaxBy(e => d.Dx * e.X + d.Dy * e.Y)!).Select(e => (e.X, e.Y)).ToArray();
        bool StrictlyInside(HotspotEvent e)
        {
            for (var k = 0; k < corners.Length; k++)
            {
                var (a, b) = (corners[k], corners[(k + 1) % corners.Length]);
                if ((b.X - a.X) * (e.Y - a.Y) - (b.Y - a.Y) * (e.X - a.X) <= 0)
                {
                    return false;
                }
            }
            return true;
        }
        var candidates = events.Where(e => !StrictlyInside(e)).Select(e => new Coordinate(e.X, e.Y)).ToArray();
        return new GeometryFactory().CreateMultiPointFromCoords(candidates).ConvexHull().Area;
    }

    internal static HotspotResult Compute(PlacedEvents placed, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters,
        Func<TimeWindow, HotspotSetting> settingOf)
    {
        var grid = placed.Grid;
        var groups = parameters.CategoryGroups ?? [CategoryGroup.All];
        var tasks = windows
            .SelectMany(window => window.Categories.Count > 0
                ? [(Window: window, Group: new CategoryGroup(string.Join('+', window.Categories), window.Categories), Setting: settingOf(window))]
                : groups.Select(group => (Window: window, Group: group, Setting: settingOf(window))))
            .ToList();
        var weightings = tasks.SelectMany(t => t.Setting.Weightings).Distinct().ToList();
        var period = parameters.TrendPeriod ?? HotspotParameters.DefaultTrendPeriod;
        var bins = Bin(placed, _ => true, placed.Reference, weightings, parameters.TrendPeriods, period);
        var recencies = weightings.Select(w => w.Recency).Distinct().ToList();
        var exposure = recencies.Select(r => ExposureByKey(placed.Events, placed.Reference, r, placed.IsSchoolDay)).ToArray();
        var offsets = (parameters.Neighbourhood ?? Neighbourhood.Queen).Offsets(grid.CellSize);
        var (choiceBudget, servedBudget) = (Budget(ChoiceShare, placed.StudyArea, grid), Budget(ServedShare, placed.StudyArea, grid));
        var allHours = tasks.SelectMany(t => t.Setting.Weightings.Select(w => (t.Group, Weighting: weightings.IndexOf(w)))).Distinct()
            .ToDictionary(k => k, k => Sum(bins, k.Weighting, Mask(DefaultTimeWindows.AllHours, k.Group, placed.Categories), grid.CellCount));
        // Windows are independent reads of the same bins: spread them over the cores.
        var results = new WindowHotspots[tasks.Count];
        Parallel.For(0, tasks.Count, parameters.Parallelism, i =>
        {
            var (window, group, setting) = tasks[i];
            results[i] = ComputeWindow(bins, w => (weightings.IndexOf(w), allHours[(group, weightings.IndexOf(w))]), grid, window, group,
                placed.Categories, offsets, Exposure(exposure[recencies.IndexOf(setting.Recency)], window), setting, choiceBudget, servedBudget,
                parameters);
        });
        return new HotspotResult(grid, placed.StudyArea, results);
    }

    /// <summary>How many whole cells the area share allows (at least one).</summary>
    internal static int Budget(double areaShare, double studyArea, CellGrid grid) =>
        Math.Max(1, PredictionEvaluation.FlaggedCellCount(areaShare, studyArea, grid.CellArea));

    /// <summary>
    /// The recency-weighted hours of history per week-slot key: every quarter hour from the first event to the reference,
    /// weighted as an event at that moment would be. A window's exposure is the sum over its mask, so an hourly rate is
    /// its weighted count divided by its weighted hours.
    /// </summary>
    private static double[] ExposureByKey(List<HotspotEvent> events, DateTimeOffset reference, RecencyDecay? recency, Func<DateOnly, bool> isSchoolDay)
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
            exposure[WeekSlots.Key(t.DateTime, isSchoolDay)] += 0.25 * (recency?.Weight(reference - t) ?? 1);
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

    /// <summary>
    /// The placed events that <paramref name="include"/> selects, binned with one weight column per weighting (recency
    /// counted back from <paramref name="reference"/>, damping over the selected events only).
    /// </summary>
    internal static EventBins Bin(PlacedEvents placed, Func<int, bool> include, DateTimeOffset reference,
        IReadOnlyList<(RecencyDecay? Recency, RepeatDamping Damping)> weightings, int trendPeriods, TimeSpan period)
    {
        var selected = Enumerable.Range(0, placed.Events.Count).Where(include).ToArray();
        var periods = new int[selected.Length];
        for (var j = 0; j < selected.Length; j++)
        {
            // Period 0 is the oldest trend period, trendPeriods − 1 the current one, trendPeriods "before all periods".
            var back = (int)Math.Min(trendPeriods, Math.Floor(TimeSpan.FromTicks(reference.UtcTicks - placed.UtcTicks[selected[j]]) / period));
            periods[j] = back >= trendPeriods ? trendPeriods : trendPeriods - 1 - back;
        }
        var weights = weightings.Select(w => EventWeighting.Weights(selected, placed.UtcTicks, reference, placed.Addresses, placed.Reporters,
            w.Recency, w.Damping)).ToList();
        return EventBins.Build([.. selected.Select(i => placed.Entries[i])], [.. selected.Select(i => placed.Cells[i])], periods, weights,
            placed.Categories.Count * WeekSlots.KeyCount, trendPeriods + 1);
    }

    private static Func<DateOnly, bool> CachedSchoolDays(Func<DateOnly, bool> rule)
    {
        var cache = new System.Collections.Concurrent.ConcurrentDictionary<DateOnly, bool>();
        return date => cache.GetOrAdd(date, rule);
    }

    /// <summary>Mask over category × slot key.</summary>
    internal static bool[] Mask(TimeWindow window, CategoryGroup group, List<string> categories)
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

    /// <summary>The weighted cell values of the masked bins under one weighting (null: the raw counts).</summary>
    internal static double[] Sum(EventBins bins, int? weighting, bool[] mask, int cellCount)
    {
        var values = new double[cellCount];
        var weights = weighting is { } w ? bins.Weights[w] : null;
        for (var entry = 0; entry < mask.Length; entry++)
        {
            if (!mask[entry])
            {
                continue;
            }
            for (var i = bins.RunStart[entry]; i < bins.RunStart[entry + 1]; i++)
            {
                values[bins.Cell[i]] += weights?[i] ?? bins.Count[i];
            }
        }
        return values;
    }

    /// <summary>
    /// The one scoring of a window under a setting, for the backtest and the hotspots alike: the window's own values plus
    /// the borrowed all-hours pattern, then the method's score (smoothed value, Gi* z, or density-first). A setting with a
    /// fill scores its first <paramref name="choiceBudget"/> cells above every other cell, and the others by the fill
    /// (<see cref="CellRanking.Composite"/> is the same order).
    /// </summary>
    /// <param name="valuesOf">A weighting's cell values of the window and of all hours.</param>
    /// <param name="choiceBudget">The cells in <see cref="ChoiceShare"/> of the area (density candidates are five times as many).</param>
    internal static WindowScores Score(Func<(RecencyDecay?, RepeatDamping), (double[] Observed, double[] AllHours)> valuesOf, HotspotSetting setting,
        CellGrid grid, (int Dx, int Dy)[] offsets, int choiceBudget)
    {
        var (observed, allHours) = valuesOf(setting.Weighting);
        var own = Score(observed, allHours, setting, grid, offsets, choiceBudget);
        if (setting.Fill is not { } fill)
        {
            return own;
        }
        var (fillObserved, fillAllHours) = valuesOf(fill.Weighting);
        var scores = Score(fillObserved, fillAllHours, fill, grid, offsets, choiceBudget).Scores;
        // Above the fill's best; the first setting's own order among its cells (cells it scores 0 stay where the fill puts them).
        var above = scores.Max();
        foreach (var cell in CellRanking.TopCells(own.Scores, choiceBudget).Where(c => own.Scores[c] > 0))
        {
            scores[cell] = above + own.Scores[cell];
        }
        return own with { Scores = scores };
    }

    /// <summary>One setting's scores (its fill aside).</summary>
    internal static WindowScores Score(double[] observed, double[] allHours, HotspotSetting setting, CellGrid grid, (int Dx, int Dy)[] offsets,
        int choiceBudget)
    {
        var windowTotal = observed.Sum();
        var allTotal = allHours.Sum();
        var share = allTotal > 0 ? windowTotal / allTotal : 0;
        var blended = new double[grid.CellCount];
        for (var cell = 0; cell < blended.Length; cell++)
        {
            blended[cell] = observed[cell] + setting.WindowPriorStrength * share * allHours[cell];
        }
        var z = setting.Method == HotspotMethod.GiPatches ? GetisOrd.CountZScores(blended, grid, offsets) : null;
        var smoothed = setting.NeighbourWeight > 0 ? AddNeighbours(blended, grid, setting.NeighbourWeight) : blended;
        var scores = setting.Method switch
        {
            HotspotMethod.GiPatches => z!,
            HotspotMethod.Density => DensityFirst(smoothed, grid, choiceBudget),
            _ => smoothed,
        };
        return new WindowScores(observed, blended, scores, z);
    }

    private static double[] AddNeighbours(double[] values, CellGrid grid, double weight)
    {
        var neighbourSums = grid.SumOver(values, Ring);
        var result = new double[values.Length];
        for (var cell = 0; cell < values.Length; cell++)
        {
            result[cell] = values[cell] + weight * neighbourSums[cell] / Ring.Length;
        }
        return result;
    }

    /// <summary>
    /// DBSCAN as the density alternative: the best five times <paramref name="budget"/> cells are the candidates; DBSCAN
    /// (ε 1.5 cells, so the 8 neighbours; at least 3 candidates) groups them, and a cell of a cluster scores its own value plus the cluster's
    /// total, so dense groups rank before lone cells of the same value.
    /// </summary>
    private static double[] DensityFirst(double[] values, CellGrid grid, int budget)
    {
        var candidates = CellRanking.TopCells(values, 5 * budget).Where(c => values[c] > 0).ToArray();
        var labels = Dbscan.Labels([.. candidates.Select(grid.Centre)], 1.5 * grid.CellSize, minPoints: 3);
        var mass = new Dictionary<int, double>();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (labels[i] != Dbscan.Noise)
            {
                mass[labels[i]] = mass.GetValueOrDefault(labels[i]) + values[candidates[i]];
            }
        }
        var scores = (double[])values.Clone();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (labels[i] != Dbscan.Noise)
            {
                scores[candidates[i]] += mass[labels[i]];
            }
        }
        return scores;
    }

    /// <param name="weightingOf">A weighting's column in the bins and its all-hours values of the group.</param>
    private static WindowHotspots ComputeWindow(
        EventBins bins, Func<(RecencyDecay?, RepeatDamping), (int Column, double[] AllHours)> weightingOf, CellGrid grid, TimeWindow window,
        CategoryGroup group, List<string> categories, (int Dx, int Dy)[] offsets, double exposureHours, HotspotSetting setting, int choiceBudget,
        int servedBudget, HotspotParameters parameters)
    {
        var mask = Mask(window, group, categories);
        var own = weightingOf(setting.Weighting);
        var observedValues = Sum(bins, own.Column, mask, grid.CellCount);
        var windowTotal = observedValues.Sum();
        if (windowTotal == 0)
        {
            // Nothing in the window (a category that never comes at this hour): no hotspot can be observed.
            return new WindowHotspots(window.Name, group.Name, setting.Name, 0, 0, exposureHours, [],
                parameters.KeepCellScores ? new double[grid.CellCount] : null);
        }
        (double[], double[]) ValuesOf((RecencyDecay?, RepeatDamping) weighting)
        {
            if (weighting == setting.Weighting)
            {
                return (observedValues, own.AllHours);
            }
            var (column, allHours) = weightingOf(weighting);
            return (Sum(bins, column, mask, grid.CellCount), allHours);
        }
        var scored = Score(ValuesOf, setting, grid, offsets, choiceBudget);
        var observed = scored.Observed;
        var z = scored.Z ?? GetisOrd.CountZScores(scored.Blended, grid, offsets);
        var fdr = parameters.FalseDiscoveryRate;
        // Below a level of 0.5 only cells with z > 0 can be significant (p < 0.5): the others need no tail probability.
        var adjusted = Statistics.BenjaminiHochberg([.. z.Select(v => v > 0 || fdr >= 0.5 ? Statistics.UpperTailProbability(v) : 1)], fdr);
        var selected = setting.Method == HotspotMethod.GiPatches
            ? Enumerable.Range(0, grid.CellCount).Where(cell => z[cell] > 0 && adjusted[cell] <= fdr && observed[cell] > 0).ToList()
            : [.. CellRanking.TopCells(scored.Scores, servedBudget).Where(cell => scored.Scores[cell] > 0)];

        var expectedPerCell = windowTotal / grid.CellCount;
        // A ranked patch without one significant cell is noise of a sparse window: not a hotspot (the briefing would drop it too).
        var patches = CellUnion.Patches(selected, grid).Where(patch => patch.Any(c => adjusted[c] <= fdr)).ToList();
        // Rank on the cheap sums first; only the hotspots reported get a dissolved polygon and a trend.
        var best = patches
            .Select(patch => (Cells: patch, Observed: patch.Sum(c => observed[c]), Expected: expectedPerCell * patch.Length))
            .OrderByDescending(h => h.Observed - h.Expected)
            .Take(parameters.MaxHotspotsPerWindow)
            .ToList();
        var (activity, periodTotals) = PeriodActivity(bins, mask, [.. best.Select(h => h.Cells)], parameters.TrendPeriods);
        var hotspots = best
            .Select((h, index) =>
            {
                var polygon = CellUnion.Dissolve(h.Cells, grid);
                var trend = TrendClassifier.Classify(
                [
                    .. Enumerable.Range(0, parameters.TrendPeriods).Select(p => new PeriodActivity(
                        activity[index][p], periodTotals[p] * h.Cells.Length / grid.CellCount)),
                ]);
                return new Hotspot(index + 1, window.Name, group.Name, polygon, polygon.Centroid, h.Cells.Length, h.Observed, h.Expected,
                    h.Cells.Max(c => z[c]), h.Cells.Min(c => adjusted[c]), h.Observed - h.Expected, trend,
                    exposureHours > 0 ? h.Observed / exposureHours : 0, h.Cells);
            })
            .ToList();
        return new WindowHotspots(window.Name, group.Name, setting.Name, windowTotal, patches.Count, exposureHours, hotspots,
            parameters.KeepCellScores ? scored.Scores : null);
    }

    /// <summary>
    /// The masked meldingen per trend period: in each patch (activity[patch][period]) and over the whole grid
    /// (totals[period]), read in one pass over the bins.
    /// </summary>
    private static (double[][] Activity, double[] Totals) PeriodActivity(EventBins bins, bool[] mask, IReadOnlyList<int[]> patches, int periodCount)
    {
        var patchOf = new Dictionary<int, int>();
        for (var p = 0; p < patches.Count; p++)
        {
            foreach (var cell in patches[p])
            {
                patchOf[cell] = p;
            }
        }
        var activity = patches.Select(_ => new double[periodCount]).ToArray();
        var totals = new double[periodCount];
        for (var entry = 0; entry < mask.Length; entry++)
        {
            if (!mask[entry])
            {
                continue;
            }
            for (var i = bins.RunStart[entry]; i < bins.RunStart[entry + 1]; i++)
            {
                var period = bins.Period[i];
                if (period >= periodCount)
                {
                    continue;
                }
                totals[period] += bins.Count[i];
                if (patchOf.TryGetValue(bins.Cell[i], out var patch))
                {
                    activity[patch][period] += bins.Count[i];
                }
            }
        }
        return (activity, totals);
    }
}
