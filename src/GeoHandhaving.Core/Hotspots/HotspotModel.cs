using System.Globalization;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>Hit rate and PAI at 1 % and 5 % of the study area, pooled over the backtest's origins.</summary>
public sealed record BacktestFigures(double HitRate1, double Pai1, double HitRate5, double Pai5);

/// <summary>The pooled hit rates at 1 % and 5 % of one setting of the family, ranking alone.</summary>
public sealed record SettingHitRate(string Setting, double HitRate1, double HitRate5);

/// <summary>
/// What the backtest chose for one window group (all hours, or a named window): the setting, on how many four-week
/// origins and test meldingen, its figures and those of a plain count, and every setting's own hit rates. A setting
/// named <c>first+fill</c> ranks the first 1 % by the first and the rest by the fill (<see cref="HotspotSetting.FilledWith"/>).
/// </summary>
public sealed record WindowChoice(string Window, string Setting, int Origins, int TestEvents, BacktestFigures Chosen, BacktestFigures Count,
    IReadOnlyList<SettingHitRate> Candidates)
{
    /// <summary>The choice in one Dutch sentence, for the run and the briefing.</summary>
    public string Zin()
    {
        if (Origins == 0 || TestEvents == 0)
        {
            return "Te weinig geschiedenis om de hotspots te toetsen (minder dan acht weken met meldingen); ze zijn een telling.";
        }
        var periode = Origins == 1 ? "vier weken" : $"{Origins} perioden van vier weken";
        var vergelijking = Setting == HotspotSetting.Count.Name
            ? "dit is een telling van de meldingen: geen andere instelling voorspelde beter."
            : $"een telling {Procent(Count.HitRate1)} en {Procent(Count.HitRate5)}.";
        return $"In de afgelopen {periode} vingen deze hotspots {Procent(Chosen.HitRate1)} van de meldingen in 1 % van het gebied en " +
            $"{Procent(Chosen.HitRate5)} in 5 %; {vergelijking}";
    }

    private static string Procent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * share):0} %");
}

/// <summary>The hotspots of a run and, per window group, what its backtest chose.</summary>
public sealed record HotspotModelResult(HotspotResult Hotspots, IReadOnlyList<WindowChoice> Choices);

/// <summary>
/// The hotspot model the service runs and <c>geoh hotspots predict/evaluate</c> measure: per window group it backtests every
/// setting of <see cref="HotspotSetting.Family"/> on the history before the reference (rolling four-week origins, each
/// predicted from the events before it), ranks the first 1 % of the area with the best hit rate there (a count unless
/// something beats it) and the rest of the 5 % with the setting that catches most after it, and computes the hotspots
/// with the choices. Window groups: all
/// hours and every window that is not an hour of the week; the 168 hour windows (and the category groups of a window
/// without categories) take the all-hours choice, because one hour holds too few meldingen to choose on.
/// </summary>
public static class HotspotModel
{
    /// <summary>Rolling origins: the last six four-week periods before the reference, fewer when the history is shorter.</summary>
    public const int Origins = 6;

    public static TimeSpan Horizon { get; } = TimeSpan.FromDays(28);

    /// <summary>
    /// A setting replaces the count at 1 %, and a fill the first setting's own ranking at 5 %, only when its pooled hit rate
    /// there is more than this much (relative) higher.
    /// </summary>
    public const double NearTie = 0.02;

    public static HotspotModelResult Run(IReadOnlyList<HotspotEvent> events, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters)
    {
        var placed = HotspotEngine.Place(events, parameters);
        var groups = new[] { DefaultTimeWindows.AllHours }.Concat(windows.Where(w => !IsHourOfWeek(w)))
            .DistinctBy(w => w.Name).ToList();
        var choices = Backtest(placed, groups, parameters);
        var chosen = choices.ToDictionary(c => c.Window, c => HotspotSetting.Named(c.Setting));
        var hotspots = HotspotEngine.Compute(placed, windows, parameters,
            window => chosen.GetValueOrDefault(window.Name) ?? chosen[DefaultTimeWindows.AllHours.Name]);
        return new HotspotModelResult(hotspots, choices);
    }

    private static readonly HashSet<string> HourNames = [.. DefaultTimeWindows.HoursOfWeek.Select(w => w.Name)];

    private static bool IsHourOfWeek(TimeWindow window) => HourNames.Contains(window.Name);

    private static IReadOnlyList<WindowChoice> Backtest(PlacedEvents placed, IReadOnlyList<TimeWindow> groups, HotspotParameters parameters)
    {
        var family = HotspotSetting.Family;
        var grid = placed.Grid;
        var weightings = family.Select(s => s.Weighting).Distinct().ToList();
        var offsets = (parameters.Neighbourhood ?? Neighbourhood.Queen).Offsets(grid.CellSize);
        var budget1 = HotspotEngine.Budget(HotspotEngine.ChoiceShare, placed.StudyArea, grid);
        var budget5 = HotspotEngine.Budget(HotspotEngine.ServedShare, placed.StudyArea, grid);
        var first = placed.Events.Count == 0 ? placed.Reference : placed.Events.Min(e => e.At);
        // An origin needs at least four weeks of history before it.
        var origins = Enumerable.Range(1, Origins).Select(k => placed.Reference - k * Horizon).Where(o => o - Horizon >= first).ToList();
        var hits1 = new long[groups.Count, family.Count];
        // [group, first, fill]: the hits at 5 % of the first setting's best 1 % filled with the fill's best cells (fill = first: alone).
        var hits5 = new long[groups.Count, family.Count, family.Count];
        var tested = new long[groups.Count];
        var usedOrigins = new int[groups.Count];
        var masks = groups.Select(g => (Window: HotspotEngine.Mask(g, GroupOf(g), placed.Categories),
            AllHours: HotspotEngine.Mask(DefaultTimeWindows.AllHours, GroupOf(g), placed.Categories))).ToList();
        foreach (var origin in origins)
        {
            var training = HotspotEngine.Bin(placed, i => placed.Events[i].At < origin, origin, weightings, 0, Horizon);
            var test = HotspotEngine.Bin(placed, i => placed.Events[i].At >= origin && placed.Events[i].At < origin + Horizon, origin,
                [(null, RepeatDamping.None)], 0, Horizon);
            for (var g = 0; g < groups.Count; g++)
            {
                var testCounts = HotspotEngine.Sum(test, null, masks[g].Window, grid.CellCount);
                var n = (long)testCounts.Sum();
                if (n == 0)
                {
                    continue;
                }
                tested[g] += n;
                usedOrigins[g]++;
                var observed = weightings.Select(w => HotspotEngine.Sum(training, weightings.IndexOf(w), masks[g].Window, grid.CellCount)).ToArray();
                var allHours = weightings.Select(w => HotspotEngine.Sum(training, weightings.IndexOf(w), masks[g].AllHours, grid.CellCount)).ToArray();
                var top = new int[family.Count][];
                Parallel.For(0, family.Count, parameters.Parallelism, s =>
                {
                    var w = weightings.IndexOf(family[s].Weighting);
                    // A fill skips at most the first setting's 1 %: enough cells to fill to 5 % after them.
                    top[s] = CellRanking.TopCells(HotspotEngine.Score(observed[w], allHours[w], family[s], grid, offsets, budget1).Scores, budget5 + budget1);
                });
                var group = g;
                Parallel.For(0, family.Count, parameters.Parallelism, a =>
                {
                    hits1[group, a] += (long)top[a].Take(budget1).Sum(c => testCounts[c]);
                    for (var f = 0; f < family.Count; f++)
                    {
                        var cells = f == a ? top[a].Take(budget5) : CellRanking.Composite(top[a], top[f], budget1, budget5);
                        hits5[group, a, f] += (long)cells.Sum(c => testCounts[c]);
                    }
                });
            }
        }
        return [.. groups.Select((window, g) => Choose(window.Name, usedOrigins[g], tested[g], s => hits1[g, s], (a, f) => hits5[g, a, f]))];
    }

    /// <summary>
    /// The choice of one window group from its pooled hits: the best hit rate at 1 % ranks the first 1 % when it beats the
    /// count by more than <see cref="NearTie"/> (else the count does); a fill ranks the rest of the 5 % when that catches
    /// more than <see cref="NearTie"/> more at 5 % than the first setting's own ranking. Exact ties go to the simpler setting.
    /// </summary>
    private static WindowChoice Choose(string window, int origins, long tested, Func<int, long> hits1, Func<int, int, long> hits5)
    {
        var family = HotspotSetting.Family;
        double Rate(long hits) => tested == 0 ? 0 : (double)hits / tested;
        int Best(Func<int, long> hits, IEnumerable<int> among) => among.Aggregate((b, s) => hits(s) > hits(b) ? s : b);
        var best = Best(hits1, Enumerable.Range(0, family.Count));
        var first = Rate(hits1(best)) > Rate(hits1(0)) * (1 + NearTie) ? best : 0;
        var fills = Enumerable.Range(0, family.Count).Where(f => f != first && family[first].Method != HotspotMethod.GiPatches).ToList();
        var fill = fills.Count > 0 ? Best(f => hits5(first, f), fills) : first;
        if (fill != first && Rate(hits5(first, fill)) <= Rate(hits5(first, first)) * (1 + NearTie))
        {
            fill = first;
        }
        BacktestFigures Figures(int a, int f) =>
            new(Rate(hits1(a)), Rate(hits1(a)) / HotspotEngine.ChoiceShare, Rate(hits5(a, f)), Rate(hits5(a, f)) / HotspotEngine.ServedShare);
        var setting = fill == first ? family[first] : family[first].FilledWith(family[fill]);
        return new WindowChoice(window, setting.Name, origins, (int)tested, Figures(first, fill), Figures(0, 0),
            [.. family.Select((s, i) => new SettingHitRate(s.Name, Rate(hits1(i)), Rate(hits5(i, i))))]);
    }

    private static CategoryGroup GroupOf(TimeWindow window) =>
        window.Categories.Count > 0 ? new CategoryGroup(string.Join('+', window.Categories), window.Categories) : CategoryGroup.All;
}
