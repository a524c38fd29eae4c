namespace GeoHandhaving.Core.Hotspots;

/// <summary>How a setting picks a window's hotspot cells from its cell scores.</summary>
public enum HotspotMethod
{
    /// <summary>The best-scoring cells within the area budget.</summary>
    RankedCells,
    /// <summary>Cells significant by Getis-Ord Gi* after Benjamini–Hochberg; ranked by z.</summary>
    GiPatches,
    /// <summary>The candidate cells in DBSCAN density clusters first, by cluster weight; the best cells within the area budget.</summary>
    Density,
}

/// <summary>
/// One way to turn a window's history into cell scores: recency (null: every event counts fully), repeat damping per
/// address and melder, borrowing from all hours (a window's cell value + <see cref="WindowPriorStrength"/> × the window's
/// share × the all-hours value), neighbour smoothing (+ this × the mean of the 8 surrounding cells) and the method.
/// </summary>
public sealed record HotspotSetting(
    string Name, RecencyDecay? Recency, RepeatDamping Damping, double WindowPriorStrength, double NeighbourWeight, HotspotMethod Method)
{
    private static readonly RecencyDecay Hyperbolic30 = new(DecayShape.Hyperbolic, TimeSpan.FromDays(30));
    private static readonly RecencyDecay Hyperbolic90 = new(DecayShape.Hyperbolic, TimeSpan.FromDays(90));
    private static readonly RecencyDecay Exponential180 = new(DecayShape.Exponential, TimeSpan.FromDays(180));
    private static readonly RecencyDecay Exponential365 = new(DecayShape.Exponential, TimeSpan.FromDays(365));

    /// <summary>The plain count of the same history: the crime-science baseline, and what a run uses when nothing beats it.</summary>
    public static HotspotSetting Count { get; } = new("telling", null, RepeatDamping.None, 0, 0, HotspotMethod.RankedCells);

    /// <summary>
    /// The fixed family the backtest chooses from, simplest first (a near-tie goes to the earlier one). Generic choices
    /// (no city's figures): recency from a month to a year, hyperbolic (recent dominates, old places keep a floor) and
    /// exponential; damping none, √n, 1 + ln n; borrowing and smoothing on or off; ranked cells, Gi* patches, DBSCAN density.
    /// </summary>
    public static IReadOnlyList<HotspotSetting> Family { get; } =
    [
        Count,
        new("telling-leent-buren", null, RepeatDamping.None, 1, 0.1, HotspotMethod.RankedCells),
        new("exp-365d", Exponential365, RepeatDamping.None, 1, 0, HotspotMethod.RankedCells),
        new("exp-180d", Exponential180, RepeatDamping.None, 1, 0, HotspotMethod.RankedCells),
        new("hyp-90d", Hyperbolic90, RepeatDamping.None, 1, 0.1, HotspotMethod.RankedCells),
        new("hyp-30d", Hyperbolic30, RepeatDamping.None, 1, 0.1, HotspotMethod.RankedCells),
        new("hyp-30d-wortel", Hyperbolic30, RepeatDamping.SquareRoot, 1, 0.1, HotspotMethod.RankedCells),
        new("hyp-30d-log", Hyperbolic30, RepeatDamping.Logarithmic, 1, 0.1, HotspotMethod.RankedCells),
        new("dichtheid-hyp-30d", Hyperbolic30, RepeatDamping.None, 1, 0, HotspotMethod.Density),
        new("gi-exp-365d-wortel", Exponential365, RepeatDamping.SquareRoot, 1, 0, HotspotMethod.GiPatches),
        new("gi-hyp-30d", Hyperbolic30, RepeatDamping.None, 1, 0, HotspotMethod.GiPatches),
    ];

    /// <summary>What weighs one event: settings sharing it share one weight column of the bins.</summary>
    internal (RecencyDecay? Recency, RepeatDamping Damping) Weighting => (Recency, Damping);
}
