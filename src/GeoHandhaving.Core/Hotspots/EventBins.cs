namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Events aggregated once into (category, week-slot key, cell, period) bins holding the summed weight of every weighting
/// (one column per recency × damping variant) and the raw count,
/// sorted so that all bins of one category × slot key are contiguous: a window reads only the runs its mask selects,
/// and no window re-reads the points.
/// </summary>
internal sealed class EventBins
{
    public required int[] Cell { get; init; }
    public required int[] Period { get; init; }
    /// <summary>Weights[variant][bin]: the summed weight of the bin's events under that weighting.</summary>
    public required double[][] Weights { get; init; }
    public required int[] Count { get; init; }

    /// <summary>Bins of mask entry m (category × <see cref="WeekSlots.KeyCount"/> + slot key) are RunStart[m] .. RunStart[m + 1] − 1.</summary>
    public required int[] RunStart { get; init; }

    /// <param name="periods">Trend period per event (see <see cref="HotspotEngine"/>); events outside the grid (cell −1) are dropped.</param>
    public static EventBins Build(int[] cells, int[] categories, int[] slotKeys, int[] periods, IReadOnlyList<double[]> weights, int categoryCount,
        int periodCount, int cellCount)
    {
        // One sortable key per event: mask entry, then cell, then period. Runs of equal keys are one bin.
        var keys = new long[cells.Length];
        var order = new int[cells.Length];
        var kept = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] < 0)
            {
                continue;
            }
            long maskEntry = categories[i] * WeekSlots.KeyCount + slotKeys[i];
            keys[kept] = (maskEntry * cellCount + cells[i]) * periodCount + periods[i];
            order[kept++] = i;
        }
        Array.Sort(keys, order, 0, kept);

        var binCount = 0;
        for (var i = 0; i < kept; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                binCount++;
            }
        }
        var bins = new EventBins
        {
            Cell = new int[binCount],
            Period = new int[binCount],
            Weights = [.. weights.Select(_ => new double[binCount])],
            Count = new int[binCount],
            RunStart = new int[categoryCount * WeekSlots.KeyCount + 1],
        };
        var runEnd = new int[categoryCount * WeekSlots.KeyCount];
        var bin = -1;
        for (var i = 0; i < kept; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                bin++;
                bins.Cell[bin] = (int)(keys[i] / periodCount % cellCount);
                bins.Period[bin] = (int)(keys[i] % periodCount);
                runEnd[keys[i] / periodCount / cellCount] = bin + 1;
            }
            for (var v = 0; v < weights.Count; v++)
            {
                bins.Weights[v][bin] += weights[v][order[i]];
            }
            bins.Count[bin]++;
        }
        // Empty runs start where the previous run ended.
        for (var m = 0; m < runEnd.Length; m++)
        {
            bins.RunStart[m + 1] = Math.Max(runEnd[m], bins.RunStart[m]);
        }
        return bins;
    }
}
