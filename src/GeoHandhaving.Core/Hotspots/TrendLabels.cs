namespace GeoHandhaving.Core.Hotspots;

/// <summary>How a hotspot behaved over the recent periods (after ESRI's emerging hot spot analysis, simplified).</summary>
public enum TrendLabel
{
    /// <summary>Hot in the current period and in none of the earlier ones.</summary>
    New,
    /// <summary>Hot now and in the previous period, with at least 25 % more events now.</summary>
    Intensifying,
    /// <summary>Hot now and in the previous period, events within −20 % … +25 %.</summary>
    Persistent,
    /// <summary>Hot in the previous period, and now either not hot or hot with at most 80 % of the previous events.</summary>
    Diminishing,
    /// <summary>On and off: hot in some period but not in both of the last two, or hot in none of the periods.</summary>
    Sporadic,
}

/// <summary>Observed and expected (uniform share of the window's events) counts of a hotspot's cells in one period.</summary>
public sealed record PeriodActivity(double Observed, double Expected)
{
    /// <summary>Hot: at least 3 events and a Poisson z of at least 1.96 over the expected count.</summary>
    public bool IsHot => Observed >= 3 && (Observed - Expected) / Math.Sqrt(Math.Max(Expected, 1e-9)) >= 1.96;
}

public static class TrendClassifier
{
    /// <summary>The stable machine code of a label (stored with each hotspot, kept in JSON beside the words).</summary>
    public static string Code(this TrendLabel label) => label.ToString().ToLowerInvariant();

    /// <summary>The label as the briefing says it.</summary>
    public static string Dutch(this TrendLabel label) => label switch
    {
        TrendLabel.New => "nieuw",
        TrendLabel.Intensifying => "toenemend",
        TrendLabel.Persistent => "aanhoudend",
        TrendLabel.Diminishing => "afnemend",
        _ => "sporadisch",
    };

    /// <summary>The label of a stored code; an unknown code reads as sporadic.</summary>
    public static TrendLabel FromCode(string code) =>
        Enum.TryParse<TrendLabel>(code, ignoreCase: true, out var label) ? label : TrendLabel.Sporadic;

    public const double IntensifyingRatio = 1.25;
    public const double DiminishingRatio = 0.8;

    /// <param name="periods">Oldest first; the last is the current period.</param>
    public static TrendLabel Classify(IReadOnlyList<PeriodActivity> periods)
    {
        if (periods.Count == 0)
        {
            return TrendLabel.Sporadic;
        }
        var current = periods[^1];
        var previous = periods.Count > 1 ? periods[^2] : null;
        var hotEarlier = periods.Take(periods.Count - 1).Any(p => p.IsHot);
        return (current.IsHot, previous?.IsHot == true) switch
        {
            (true, false) when !hotEarlier => TrendLabel.New,
            (true, true) when current.Observed >= IntensifyingRatio * previous!.Observed => TrendLabel.Intensifying,
            (true, true) when current.Observed <= DiminishingRatio * previous!.Observed => TrendLabel.Diminishing,
            (true, true) => TrendLabel.Persistent,
            (false, true) => TrendLabel.Diminishing,
            _ => TrendLabel.Sporadic,
        };
    }
}
