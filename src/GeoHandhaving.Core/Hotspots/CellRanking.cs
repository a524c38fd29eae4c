namespace GeoHandhaving.Core.Hotspots;

/// <summary>Ranking cells by score, and the kernel density baseline evaluations compare against.</summary>
public static class CellRanking
{
    /// <summary>The <paramref name="count"/> best cells, best first; ties go to the lower cell number so runs are repeatable.</summary>
    public static int[] TopCells(double[] scores, int count)
    {
        var cells = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(cells, (a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return cells[..Math.Min(count, cells.Length)];
    }

    /// <summary>
    /// A composite ranking: the first <paramref name="head"/> cells of <paramref name="first"/>, then the cells of
    /// <paramref name="fill"/> not among them, <paramref name="count"/> in all (both lists best first, as <see cref="TopCells"/> gives them).
    /// </summary>
    public static IEnumerable<int> Composite(int[] first, int[] fill, int head, int count)
    {
        var firstCells = first[..Math.Min(head, first.Length)];
        var taken = firstCells.ToHashSet();
        return firstCells.Concat(fill.Where(c => !taken.Contains(c))).Take(count);
    }

    /// <summary>Kernel density: Gaussian smoothing (σ metres, cut at 3σ) of cell values.</summary>
    public static double[] KernelDensity(double[] values, CellGrid grid, double sigma)
    {
        var reach = (int)Math.Ceiling(3 * sigma / grid.CellSize);
        var kernel = Enumerable.Range(-reach, 2 * reach + 1)
            .Select(d => Math.Exp(-0.5 * Math.Pow(d * grid.CellSize / sigma, 2)))
            .ToArray();
        // The Gaussian is separable: smooth along rows, then along columns.
        var rows = Convolve(values, grid, kernel, reach, alongRows: true);
        return Convolve(rows, grid, kernel, reach, alongRows: false);
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
