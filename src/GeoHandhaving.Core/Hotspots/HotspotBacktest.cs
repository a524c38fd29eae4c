using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

public sealed record BacktestRow(string Method, IReadOnlyList<AreaShareScore> Scores);

/// <param name="Choice">What the model's own backtest (before the cut) chose for the window.</param>
/// <param name="StudyArea">The area (m²) the shares are of: the model's own at the cut, the convex hull of the events before it.</param>
/// <param name="RatioInterval">Per area share, the 95 % bootstrap interval of model ÷ count on the test period (<see cref="PredictionEvaluation.RatioInterval"/>).</param>
/// <param name="CeilingRatio">Per area share, what a ranking knowing half of the test period reaches ÷ the count (<see cref="HalfKnownCeiling"/>).</param>
public sealed record CutEvaluation(DateTimeOffset Cut, WindowChoice Choice, IReadOnlyList<BacktestRow> Rows, double StudyArea,
    IReadOnlyList<(double Low, double High)> RatioInterval, IReadOnlyList<double> CeilingRatio);

/// <summary>
/// The model judged at a cut: <see cref="HotspotModel"/> with the cut as its reference (exactly what a recompute at that
/// moment would serve), scored on the test period after it, beside a plain count and a kernel density of the same
/// history, all ranked through the one engine; and the ceiling any forecast could reach on that test period.
/// </summary>
public static class HotspotBacktest
{
    public const string Model = "model";
    public const string Count = "count";
    public const string CountAllHours = "count all hours";
    public const string KernelDensity = "KDE σ200 m";

    private static readonly string[] CeilingMemories = ["hyp-30d", "hyp-90d", "exp-180d"];

    public static CutEvaluation AtCut(EventStudy study, DateTimeOffset cut, TimeSpan testPeriod, TimeWindow window, HotspotParameters parameters,
        IReadOnlyList<double> areaShares)
    {
        var atCut = parameters with { Reference = cut, KeepCellScores = true };
        var model = HotspotModel.Run(study.Events, [window], atCut);
        var grid = model.Hotspots.Grid;
        // The shares are of the area the model ranked in, so "1 %" flags as many cells as the model's own 1 %.
        var studyArea = model.Hotspots.StudyArea;
        double[] ScoresOf(TimeWindow w, HotspotSetting setting) => HotspotEngine.Compute(study.Events, [w], atCut, _ => setting).Windows[0].CellScores!;
        double[] CountOf(TimeWindow w) => ScoresOf(w, HotspotSetting.Count);
        var count = CountOf(window);
        var modelScores = model.Hotspots.Windows.Single(w => w.Window == window.Name).CellScores!;
        var methods = new List<(string Name, double[] Scores)>
        {
            (Model, modelScores),
            (Count, count),
            (KernelDensity, CellRanking.KernelDensity(count, grid, 200)),
        };
        if (window.Name != DefaultTimeWindows.AllHours.Name)
        {
            methods.Add((CountAllHours, CountOf(DefaultTimeWindows.AllHours)));
        }

        var isSchoolDay = TimeWindow.IsSchoolDayRule(parameters.SchoolCalendar, parameters.SchoolRegio);
        var testCounts = new int[grid.CellCount];
        var testCells = new List<int>();
        var outside = 0;
        foreach (var e in study.Events.Where(e => e.At >= cut && e.At < cut + testPeriod && window.ContainsWallClock(e.At.DateTime, isSchoolDay)))
        {
            var cell = grid.CellOf(e.X, e.Y);
            if (cell < 0)
            {
                outside++;
            }
            else
            {
                testCounts[cell]++;
                testCells.Add(cell);
            }
        }
        // The ceiling mixes the known half with the count and with a short, a middle and a long memory of the family.
        var histories = new[] { count }.Concat(CeilingMemories.Select(name => ScoresOf(window, HotspotSetting.Named(name)))).ToList();
        var budgets = areaShares.Select(share => PredictionEvaluation.FlaggedCellCount(share, studyArea, grid.CellArea)).ToList();
        return new CutEvaluation(cut, model.Choices.Single(c => c.Window == window.Name),
        [
            .. methods.Select(m => new BacktestRow(m.Name,
                [.. areaShares.Select(share => PredictionEvaluation.Evaluate(m.Scores, testCounts, share, studyArea, grid.CellArea, outside))])),
        ], studyArea, [.. budgets.Select(budget => PredictionEvaluation.RatioInterval(modelScores, count, testCells, budget))],
            HalfKnownCeiling.RatioToCount(testCells, count, histories, budgets));
    }
}
