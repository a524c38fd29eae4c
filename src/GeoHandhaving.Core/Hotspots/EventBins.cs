namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Events aggregated once into (category, week-slot key, cell, period) bins holding the summed weight of every weighting
/// (one column per recency × damping variant) and the raw count,
/// in event order, so that all bins of one category × slot key are contiguous: a window reads only the runs its mask selects,
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

    /// <param name="entries">Mask entry per event (category × <see cref="WeekSlots.KeyCount"/> + slot key); the events are ordered by
    /// entry, then cell (<see cref="HotspotEngine"/> places them so once), so a bin is a run of equal entry and cell split by period.</param>
    /// <param name="periods">Trend period per event (see <see cref="HotspotEngine"/>).</param>
    public static EventBins Build(int[] entries, int[] cells, int[] periods, IReadOnlyList<double[]> weights, int entryCount, int periodCount)
    {
        // binOfPeriod[p] is the bin of period p in the current run of equal entry and cell, valid when runOfPeriod[p] is the run.
        var binOfPeriod = new int[periodCount];
        var runOfPeriod = new int[periodCount];
        Array.Fill(runOfPeriod, -1);
        var binCount = 0;
        var run = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            if (i == 0 || entries[i] != entries[i - 1] || cells[i] != cells[i - 1])
            {
                run++;
            }
            if (runOfPeriod[periods[i]] != run)
            {
                runOfPeriod[periods[i]] = run;
                binCount++;
            }
        }
        var bins = new EventBins
        {
            Cell = new int[binCount],
            Period = new int[binCount],
            Weights = [.. weights.Select(_ => new double[binCount])],
            Count = new int[binCount],
            RunStart = new int[entryCount + 1],
        };
        Array.Fill(runOfPeriod, -1);
        var runEnd = new int[entryCount];
        var next = 0;
        run = -1;
        for (var i = 0; i < entries.Length; i++)
        {
            if (i == 0 || entries[i] != entries[i - 1] || cells[i] != cells[i - 1])
            {
                run++;
            }
            var period = periods[i];
            if (runOfPeriod[period] != run)
            {
                runOfPeriod[period] = run;
                binOfPeriod[period] = next;
                bins.Cell[next] = cells[i];
                bins.Period[next] = period;
                runEnd[entries[i]] = ++next;
            }
            var bin = binOfPeriod[period];
            for (var v = 0; v < weights.Count; v++)
            {
                bins.Weights[v][bin] += weights[v][i];
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
