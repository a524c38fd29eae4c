namespace GeoHandhaving.Core.Hotspots;

/// <summary>How much the n-th report from one address or reporter still counts: its total contribution grows slower than n.</summary>
public enum RepeatDamping
{
    /// <summary>Every report counts fully.</summary>
    None,
    /// <summary>n reports contribute √n in total.</summary>
    SquareRoot,
    /// <summary>n reports contribute 1 + ln n in total.</summary>
    Logarithmic,
}

public enum DecayShape
{
    /// <summary>2^(−age / half-life): old events fade away completely.</summary>
    Exponential,
    /// <summary>1 / (1 + age / half-life): recent events dominate, but long-standing places keep a floor.</summary>
    Hyperbolic,
}

/// <summary>How an event's weight falls with age; both shapes weigh an event of age <see cref="HalfLife"/> at one half.</summary>
public sealed record RecencyDecay(DecayShape Shape, TimeSpan HalfLife)
{
    public double Weight(TimeSpan age) => Shape switch
    {
        DecayShape.Exponential => Math.Pow(2, -age / HalfLife),
        DecayShape.Hyperbolic => 1 / (1 + age / HalfLife),
        _ => throw new ArgumentOutOfRangeException(nameof(Shape)),
    };
}

/// <summary>Per-event weights: exponential recency decay times repeat-reporter/address damping.</summary>
public static class EventWeighting
{
    /// <summary>
    /// Weight of each event: its recency weight (age before <paramref name="reference"/>; no decay without one),
    /// times the smaller of its address's and reporter's damping factor (total contribution f(n) spread evenly as f(n)/n).
    /// </summary>
    public static double[] Weights(
        IReadOnlyList<HotspotEvent> events, DateTimeOffset reference, RecencyDecay? recency, RepeatDamping damping)
    {
        var addresses = new SourceKeys(events.Select(e => e.AddressKey));
        var reporters = new SourceKeys(events.Select(e => e.ReporterKey));
        var all = Enumerable.Range(0, events.Count).ToArray();
        return Weights(all, [.. events.Select(e => e.At.UtcTicks)], reference, addresses, reporters, recency, damping);
    }

    /// <summary>
    /// The weights of the <paramref name="selected"/> events (indices into the per-event arrays), repeats counted among the
    /// selected only: the one weighting the engine and the public overload share.
    /// </summary>
    internal static double[] Weights(int[] selected, long[] utcTicks, DateTimeOffset reference, SourceKeys addresses, SourceKeys reporters,
        RecencyDecay? recency, RepeatDamping damping)
    {
        var weights = new double[selected.Length];
        var addressCounts = damping == RepeatDamping.None ? null : addresses.Counts(selected);
        var reporterCounts = damping == RepeatDamping.None ? null : reporters.Counts(selected);
        for (var j = 0; j < selected.Length; j++)
        {
            var i = selected[j];
            var weight = recency?.Weight(TimeSpan.FromTicks(reference.UtcTicks - utcTicks[i])) ?? 1.0;
            if (addressCounts is not null && reporterCounts is not null)
            {
                weight *= Math.Min(
                    DampingFactor(damping, addresses.Ids[i] < 0 ? 1 : addressCounts[addresses.Ids[i]]),
                    DampingFactor(damping, reporters.Ids[i] < 0 ? 1 : reporterCounts[reporters.Ids[i]]));
            }
            weights[j] = weight;
        }
        return weights;
    }

    /// <summary>The weight of each of n reports from one source, so that together they count f(n).</summary>
    public static double DampingFactor(RepeatDamping damping, int n) => damping switch
    {
        RepeatDamping.None => 1,
        RepeatDamping.SquareRoot => 1 / Math.Sqrt(n),
        RepeatDamping.Logarithmic => (1 + Math.Log(n)) / n,
        _ => throw new ArgumentOutOfRangeException(nameof(damping)),
    };
}

/// <summary>The address or reporter key of every event as a number (−1: none), so repeats are counted in an array.</summary>
internal sealed class SourceKeys
{
    public int[] Ids { get; }

    public int Distinct { get; }

    public SourceKeys(IEnumerable<string?> keys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        Ids = [.. keys.Select(k => k is null ? -1 : ids.TryGetValue(k, out var id) ? id : ids[k] = ids.Count)];
        Distinct = ids.Count;
    }

    /// <summary>How many of the selected events carry each key.</summary>
    public int[] Counts(int[] selected)
    {
        var counts = new int[Distinct];
        foreach (var i in selected)
        {
            if (Ids[i] >= 0)
            {
                counts[Ids[i]]++;
            }
        }
        return counts;
    }
}
