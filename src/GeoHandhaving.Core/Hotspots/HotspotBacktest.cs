using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>A ranking method under test: a name and how it scores the grid from events before the cut.</summary>
public sealed record RankingMethod(string Name, Func<IReadOnlyList<HotspotEvent>, CellGrid, TimeWindow?, DateTimeOffset, double[]> Score)
{
    public static RankingMethod FromParameters(string name, CellRiskParameters parameters) =>
        new(name, (events, grid, window, cut) => CellRiskModel.Score(events, grid, window, cut, parameters));

    public static RankingMethod KernelDensity(double sigma) =>
        new($"KDE σ{sigma:0} m", (events, grid, window, cut) => CellRiskModel.KernelDensity(events, grid, window, cut, sigma));
}

public sealed record BacktestRow(string Method, DateTimeOffset Cut, IReadOnlyList<AreaShareScore> Scores);

/// <summary>Train on events before a cut, test on the following days (in the window), at several area shares.</summary>
public static class HotspotBacktest
{
    public static IReadOnlyList<BacktestRow> Run(
        EventStudy study, DateTimeOffset cut, TimeSpan testPeriod, TimeWindow? window, double cellSize,
        IReadOnlyList<double> areaShares, IReadOnlyList<RankingMethod> methods)
    {
        var grid = study.Grid(cellSize);
        var testCounts = new int[grid.CellCount];
        foreach (var e in study.Events)
        {
            if (e.At >= cut && e.At < cut + testPeriod && (window is null || window.ContainsWallClock(e.At.DateTime, SchoolCalendar.IsWeekday)))
            {
                testCounts[grid.CellOf(e.X, e.Y)]++;
            }
        }
        return
        [
            .. methods.Select(method =>
            {
                var scores = method.Score(study.Events, grid, window, cut);
                return new BacktestRow(method.Name, cut,
                    [.. areaShares.Select(share => PredictionEvaluation.Evaluate(scores, testCounts, share, study.StudyArea, grid.CellArea))]);
            }),
        ];
    }
}
