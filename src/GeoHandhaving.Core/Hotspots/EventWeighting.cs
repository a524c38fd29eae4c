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
        var weights = new double[events.Count];
        var addressCounts = damping == RepeatDamping.None ? null : CountKeys(events, e => e.AddressKey);
        var reporterCounts = damping == RepeatDamping.None ? null : CountKeys(events, e => e.ReporterKey);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var weight = recency?.Weight(reference - e.At) ?? 1.0;
            if (addressCounts is not null && reporterCounts is not null)
            {
                weight *= Math.Min(
                    DampingFactor(damping, e.AddressKey is null ? 1 : addressCounts[e.AddressKey]),
                    DampingFactor(damping, e.ReporterKey is null ? 1 : reporterCounts[e.ReporterKey]));
            }
            weights[i] = weight;
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

    private static Dictionary<string, int> CountKeys(IReadOnlyList<HotspotEvent> events, Func<HotspotEvent, string?> key)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (key(e) is { } k)
            {
                counts[k] = counts.GetValueOrDefault(k) + 1;
            }
        }
        return counts;
    }
}
