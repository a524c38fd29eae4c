namespace GeoHandhaving.Core.Hotspots;

/// <summary>Per-cell Getis-Ord Gi* z-scores with binary weights (self included), over every cell of the grid.</summary>
public static class GetisOrd
{
    /// <summary>
    /// Gi* for (weighted) counts: the normal p-values of Gi* assume roughly symmetric values, but counts are right-skewed,
    /// which makes uniform noise look hot. The Anscombe transform 2√(x + 3/8) stabilises the variance first.
    /// </summary>
    public static double[] CountZScores(ReadOnlySpan<double> counts, CellGrid grid, (int Dx, int Dy)[] offsets)
    {
        var stabilised = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            stabilised[i] = 2 * Math.Sqrt(counts[i] + 0.375);
        }
        return ZScores(stabilised, grid, offsets);
    }

    /// <summary>
    /// z_i = (Σ_j w_ij x_j − x̄ W_i) / (S √((n W_i − W_i²)/(n−1))), with W_i the number of neighbours inside the grid,
    /// x̄ and S the mean and standard deviation of all n cells. All zeros when the values do not vary.
    /// </summary>
    public static double[] ZScores(ReadOnlySpan<double> values, CellGrid grid, (int Dx, int Dy)[] offsets)
    {
        var n = values.Length;
        double sum = 0, sumOfSquares = 0;
        foreach (var v in values)
        {
            sum += v;
            sumOfSquares += v * v;
        }
        var mean = sum / n;
        var deviation = Math.Sqrt(Math.Max(0, sumOfSquares / n - mean * mean));
        var z = new double[n];
        if (deviation <= 1e-12 * Math.Max(1, Math.Abs(mean)) || n < 2)
        {
            return z;
        }
        var local = grid.SumOver(values, offsets);
        var weights = InGridCounts(grid, offsets);
        for (var cell = 0; cell < n; cell++)
        {
            double weight = weights[cell];
            var denominator = deviation * Math.Sqrt((n * weight - weight * weight) / (n - 1));
            z[cell] = denominator > 0 ? (local[cell] - mean * weight) / denominator : 0;
        }
        return z;
    }

    private sealed record InGridCountsOf(int Columns, int Rows, (int Dx, int Dy)[] Offsets, int[] Counts);

    /// <summary>The last grid's in-grid neighbour counts: a recompute scores hundreds of windows on one grid.</summary>
    private static InGridCountsOf? _lastCounts;

    private static int[] InGridCounts(CellGrid grid, (int Dx, int Dy)[] offsets)
    {
        if (_lastCounts is { } last && last.Columns == grid.Columns && last.Rows == grid.Rows && last.Offsets.AsSpan().SequenceEqual(offsets))
        {
            return last.Counts;
        }
        var counts = grid.CountOver(offsets);
        _lastCounts = new InGridCountsOf(grid.Columns, grid.Rows, [.. offsets], counts);
        return counts;
    }
}
