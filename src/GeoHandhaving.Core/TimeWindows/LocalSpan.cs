namespace GeoHandhaving.Core.TimeWindows;

/// <summary>A stretch of Amsterdam wall-clock time, <see cref="To"/> exclusive.</summary>
public sealed record LocalSpan(DateTime From, DateTime To)
{
    public TimeSpan Length => To - From;

    public TimeSpan Overlap(DateTime from, DateTime to) =>
        (To < to ? To : to) - (From > from ? From : from) is var overlap && overlap > TimeSpan.Zero ? overlap : TimeSpan.Zero;

    /// <summary>Where a window is active between <paramref name="from"/> and <paramref name="to"/>, at quarter-hour resolution (as the engine bins).</summary>
    public static IReadOnlyList<LocalSpan> OfWindow(TimeWindow window, DateTime from, DateTime to, Func<DateOnly, bool> isSchoolDay)
    {
        var quarter = TimeSpan.FromMinutes(15);
        var spans = new List<LocalSpan>();
        for (var t = from; t < to; t += quarter)
        {
            if (window.ContainsWallClock(t, isSchoolDay))
            {
                spans.Add(new LocalSpan(t, t + quarter > to ? to : t + quarter));
            }
        }
        return Merge(spans);
    }

    /// <summary>Overlapping or touching spans become one; the result is ordered.</summary>
    public static IReadOnlyList<LocalSpan> Merge(IEnumerable<LocalSpan> spans)
    {
        var merged = new List<LocalSpan>();
        foreach (var span in spans.OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = span.To > merged[^1].To ? span.To : merged[^1].To };
            }
            else
            {
                merged.Add(span);
            }
        }
        return merged;
    }
}
