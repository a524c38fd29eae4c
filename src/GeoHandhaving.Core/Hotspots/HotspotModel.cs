using System.Globalization;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>Hit rate and PAI at 1 % and 5 % of the study area, pooled over the backtest's origins.</summary>
public sealed record BacktestFigures(double HitRate1, double Pai1, double HitRate5, double Pai5);

/// <summary>The pooled hit rate at 1 % of one setting of the family.</summary>
public sealed record SettingHitRate(string Setting, double HitRate1);

/// <summary>
/// What the backtest chose for one window group (all hours, or a named window): the setting, on how many four-week
/// origins and test meldingen, its figures and those of a plain count, and every setting's hit rate at 1 %.
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
            : $"een telling {Procent(Count.HitRate1)}.";
        return $"In de afgelopen {periode} vingen deze hotspots {Procent(Chosen.HitRate1)} van de meldingen in 1 % van het gebied; {vergelijking}";
    }

    private static string Procent(double share) => string.Create(CultureInfo.InvariantCulture, $"{Math.Round(100 * share):0} %");
}

/// <summary>The hotspots of a run and, per window group, what its backtest chose.</summary>
public sealed record HotspotModelResult(HotspotResult Hotspots, IReadOnlyList<WindowChoice> Choices);

/// <summary>
/// The hotspot model the service runs and <c>geoh hotspots predict/evaluate</c> measure: per window group it backtests every
/// setting of <see cref="HotspotSetting.Family"/> on the history before the reference (rolling four-week origins, each
/// predicted from the events before it), picks the best hit rate at 1 % of the area (a near-tie goes to the simpler
/// setting, so a count stays unless something beats it), and computes the hotspots with the choices. Window groups: all
/// hours and every window that is not an hour of the week; the 168 hour windows (and the category groups of a window
/// without categories) take the all-hours choice, because one hour holds too few meldingen to choose on.
/// </summary>
public static class HotspotModel
{
    /// <summary>Rolling origins: the last six four-week periods before the reference, fewer when the history is shorter.</summary>
    public const int Origins = 6;

    public static TimeSpan Horizon { get; } = TimeSpan.FromDays(28);

    /// <summary>A setting beats a simpler one only when its hit rate at 1 % is more than this much (relative) higher.</summary>
    public const double NearTie = 0.02;

    public static HotspotModelResult Run(IReadOnlyList<HotspotEvent> events, IReadOnlyList<TimeWindow> windows, HotspotParameters parameters)
    {
        var placed = HotspotEngine.Place(events, parameters);
        var groups = new[] { DefaultTimeWindows.AllHours }.Concat(windows.Where(w => !IsHourOfWeek(w)))
            .DistinctBy(w => w.Name).ToList();
        var choices = Backtest(placed, groups, parameters);
        var chosen = choices.ToDictionary(c => c.Window, c => HotspotSetting.Family.Single(s => s.Name == c.Setting));
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
        var hits5 = new long[groups.Count, family.Count];
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
                var group = g;
                Parallel.For(0, family.Count, s =>
                {
                    var w = weightings.IndexOf(family[s].Weighting);
                    var scores = HotspotEngine.Score(observed[w], allHours[w], family[s], grid, offsets, budget1).Scores;
                    var top = CellRanking.TopCells(scores, budget5);
                    hits1[group, s] = hits1[group, s] + (long)top.Take(budget1).Sum(c => testCounts[c]);
                    hits5[group, s] = hits5[group, s] + (long)top.Sum(c => testCounts[c]);
                });
            }
        }
        return
        [
            .. groups.Select((window, g) =>
            {
                BacktestFigures Figures(int s)
                {
                    var (h1, h5) = tested[g] == 0 ? (0.0, 0.0) : ((double)hits1[g, s] / tested[g], (double)hits5[g, s] / tested[g]);
                    return new BacktestFigures(h1, h1 / HotspotEngine.ChoiceShare, h5, h5 / HotspotEngine.ServedShare);
                }
                var rates = Enumerable.Range(0, family.Count).Select(s => Figures(s).HitRate1).ToArray();
                var best = rates.Max();
                // Family order is simplest first, the count first of all: the first within the near-tie of the best wins.
                var chosen = tested[g] == 0 ? 0 : Array.FindIndex(rates, r => r >= best * (1 - NearTie));
                return new WindowChoice(window.Name, family[chosen].Name, usedOrigins[g], (int)tested[g], Figures(chosen), Figures(0),
                    [.. family.Select((s, i) => new SettingHitRate(s.Name, rates[i]))]);
            }),
        ];
    }

    private static CategoryGroup GroupOf(TimeWindow window) =>
        window.Categories.Count > 0 ? new CategoryGroup(string.Join('+', window.Categories), window.Categories) : CategoryGroup.All;
}
