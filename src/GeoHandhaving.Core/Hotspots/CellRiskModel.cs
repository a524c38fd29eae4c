using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <param name="Recency">How old events fade; null = every training event counts fully.</param>
/// <param name="WindowPriorStrength">Empirical-Bayes blend: window count + this × window share × all-hours count.</param>
/// <param name="NeighbourWeight">Adds this × the mean of the 8 surrounding cells' scores (0 = none).</param>
public sealed record CellRiskParameters(
    RecencyDecay? Recency,
    RepeatDamping Damping,
    double WindowPriorStrength,
    double NeighbourWeight)
{
    /// <summary>The method chosen on Boston 311 (see docs/benchmarks.md): generic principles, no city-specific tuning.</summary>
    public static CellRiskParameters Recommended { get; } = new(new RecencyDecay(DecayShape.Hyperbolic, TimeSpan.FromDays(30)), RepeatDamping.None, 1, 0.1);

    /// <summary>Plain training counts per cell (the crime-science baseline).</summary>
    public static CellRiskParameters CountBaseline { get; } = new(null, RepeatDamping.None, 0, 0);
}

/// <summary>Scores every cell of a grid for a coming period: the ranking that prediction and evaluation share.</summary>
public static class CellRiskModel
{
    private static readonly (int Dx, int Dy)[] Ring = [(-1, -1), (0, -1), (1, -1), (-1, 0), (1, 0), (-1, 1), (0, 1), (1, 1)];

    /// <summary>
    /// Score per cell from events before <paramref name="reference"/>; window membership on the events' own wall clock.
    /// School-day windows count every weekday here: back-test data from abroad has no Dutch school calendar.
    /// </summary>
    public static double[] Score(
        IReadOnlyList<HotspotEvent> events, CellGrid grid, TimeWindow? window, DateTimeOffset reference, CellRiskParameters parameters)
    {
        var training = events.Where(e => e.At < reference).ToList();
        var weights = EventWeighting.Weights(training, reference, parameters.Recency, parameters.Damping);
        var inWindow = new double[grid.CellCount];
        var allHours = new double[grid.CellCount];
        for (var i = 0; i < training.Count; i++)
        {
            var cell = grid.CellOf(training[i].X, training[i].Y);
            if (cell < 0)
            {
                continue;
            }
            allHours[cell] += weights[i];
            if (window is null || window.ContainsWallClock(training[i].At.DateTime, SchoolCalendar.IsWeekday))
            {
                inWindow[cell] += weights[i];
            }
        }
        var share = window is null ? 0 : inWindow.Sum() / Math.Max(allHours.Sum(), 1e-12);
        var scores = new double[grid.CellCount];
        for (var cell = 0; cell < scores.Length; cell++)
        {
            scores[cell] = inWindow[cell] + parameters.WindowPriorStrength * share * allHours[cell];
        }
        return parameters.NeighbourWeight > 0 ? AddNeighbours(scores, grid, parameters.NeighbourWeight) : scores;
    }

    /// <summary>Kernel density baseline: Gaussian smoothing (σ metres, cut at 3σ) of the plain training counts.</summary>
    public static double[] KernelDensity(IReadOnlyList<HotspotEvent> events, CellGrid grid, TimeWindow? window, DateTimeOffset reference, double sigma)
    {
        var counts = Score(events, grid, window, reference, CellRiskParameters.CountBaseline);
        var reach = (int)Math.Ceiling(3 * sigma / grid.CellSize);
        var kernel = Enumerable.Range(-reach, 2 * reach + 1)
            .Select(d => Math.Exp(-0.5 * Math.Pow(d * grid.CellSize / sigma, 2)))
            .ToArray();
        // The Gaussian is separable: smooth along rows, then along columns.
        var rows = Convolve(counts, grid, kernel, reach, alongRows: true);
        return Convolve(rows, grid, kernel, reach, alongRows: false);
    }

    /// <summary>The <paramref name="count"/> best cells, best first; ties go to the lower cell number so runs are repeatable.</summary>
    public static int[] TopCells(double[] scores, int count)
    {
        var cells = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(cells, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return cells[..Math.Min(count, cells.Length)];
    }

    private static double[] AddNeighbours(double[] scores, CellGrid grid, double weight)
    {
        var result = new double[scores.Length];
        for (var cell = 0; cell < scores.Length; cell++)
        {
            var neighbourSum = grid.Neighbours(cell, Ring).Sum(n => scores[n]);
            result[cell] = scores[cell] + weight * neighbourSum / Ring.Length;
        }
        return result;
    }

    private static double[] Convolve(double[] values, CellGrid grid, double[] kernel, int reach, bool alongRows)
    {
        var result = new double[values.Length];
        for (var row = 0; row < grid.Rows; row++)
        {
            for (var column = 0; column < grid.Columns; column++)
            {
                var value = values[row * grid.Columns + column];
                if (value == 0)
                {
                    continue;
                }
                for (var d = -reach; d <= reach; d++)
                {
                    int c = alongRows ? column + d : column, r = alongRows ? row : row + d;
                    if (c >= 0 && r >= 0 && c < grid.Columns && r < grid.Rows)
                    {
                        result[r * grid.Columns + c] += value * kernel[d + reach];
                    }
                }
            }
        }
        return result;
    }
}
