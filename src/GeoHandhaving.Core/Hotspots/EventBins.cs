namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Events aggregated once into (cell, category, week-slot key, period) bins holding the summed weight and the raw count.
/// Every window is then a sum over matching bins: no window re-reads the points.
/// </summary>
internal sealed class EventBins
{
    public required int[] Cell { get; init; }
    public required int[] Category { get; init; }
    public required int[] SlotKey { get; init; }
    public required int[] Period { get; init; }
    public required double[] Weight { get; init; }
    public required int[] Count { get; init; }
    public int Length => Cell.Length;

    /// <param name="period">0 = current period, 1 = previous, …; events outside the grid (cell −1) are dropped.</param>
    public static EventBins Build(int[] cells, int[] categories, int[] slotKeys, int[] periods, double[] weights, int categoryCount, int periodCount)
    {
        // Pack the bin coordinates into one sortable key; runs of equal keys are one bin.
        long Stride(int level) => level switch
        {
            0 => (long)categoryCount * WeekSlots.KeyCount * periodCount,
            1 => (long)WeekSlots.KeyCount * periodCount,
            _ => periodCount,
        };
        var keys = new long[cells.Length];
        var order = new int[cells.Length];
        var kept = 0;
        for (var i = 0; i < cells.Length; i++)
        {
            if (cells[i] < 0)
            {
                continue;
            }
            keys[kept] = cells[i] * Stride(0) + categories[i] * Stride(1) + slotKeys[i] * Stride(2) + periods[i];
            order[kept++] = i;
        }
        Array.Sort(keys, order, 0, kept);

        var bins = new List<(long Key, double Weight, int Count)>();
        for (var i = 0; i < kept; i++)
        {
            if (bins.Count > 0 && bins[^1].Key == keys[i])
            {
                bins[^1] = (keys[i], bins[^1].Weight + weights[order[i]], bins[^1].Count + 1);
            }
            else
            {
                bins.Add((keys[i], weights[order[i]], 1));
            }
        }
        return new EventBins
        {
            Cell = [.. bins.Select(b => (int)(b.Key / Stride(0)))],
            Category = [.. bins.Select(b => (int)(b.Key % Stride(0) / Stride(1)))],
            SlotKey = [.. bins.Select(b => (int)(b.Key % Stride(1) / Stride(2)))],
            Period = [.. bins.Select(b => (int)(b.Key % Stride(2)))],
            Weight = [.. bins.Select(b => b.Weight)],
            Count = [.. bins.Select(b => b.Count)],
        };
    }
}
