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
/// With a <see cref="Fill"/> (see <see cref="FilledWith"/>) the ranking is a composite: this setting's best cells in
/// <see cref="HotspotEngine.ChoiceShare"/> of the area first, then the fill's best other cells.
/// </summary>
public sealed record HotspotSetting(
    string Name, RecencyDecay? Recency, RepeatDamping Damping, double WindowPriorStrength, double NeighbourWeight, HotspotMethod Method)
{
    /// <summary>The setting that ranks the cells after this one's best 1 %; null: this one ranks them all.</summary>
    public HotspotSetting? Fill { get; private init; }

    /// <summary>
    /// This setting for the first 1 % of the area, <paramref name="fill"/> for the rest (named <c>first+fill</c>). Gi* patches
    /// are what is significant, not a share of the area: they take no fill.
    /// </summary>
    public HotspotSetting FilledWith(HotspotSetting fill) => Fill is null && fill.Fill is null && fill.Name != Name && Method != HotspotMethod.GiPatches
        ? this with { Name = $"{Name}{FillSeparator}{fill.Name}", Fill = fill }
        : throw new ArgumentException($"{fill.Name} cannot fill {Name}", nameof(fill));

    private const char FillSeparator = '+';

    /// <summary>The setting of a name a run stored: a member of <see cref="Family"/>, or two of them as <c>first+fill</c>.</summary>
    public static HotspotSetting Named(string name)
    {
        HotspotSetting Member(string n) => Family.SingleOrDefault(s => s.Name == n) ?? throw new ArgumentException($"unknown setting {n}", nameof(name));
        var parts = name.Split(FillSeparator);
        return parts.Length == 2 ? Member(parts[0]).FilledWith(Member(parts[1])) : Member(name);
    }

    private static readonly RecencyDecay Hyperbolic30 = new(DecayShape.Hyperbolic, TimeSpan.FromDays(30));
    private static readonly RecencyDecay Hyperbolic90 = new(DecayShape.Hyperbolic, TimeSpan.FromDays(90));
    private static readonly RecencyDecay Exponential180 = new(DecayShape.Exponential, TimeSpan.FromDays(180));
    private static readonly RecencyDecay Exponential365 = new(DecayShape.Exponential, TimeSpan.FromDays(365));

    /// <summary>The plain count of the same history: the crime-science baseline, and what a run uses when nothing beats it.</summary>
    public static HotspotSetting Count { get; } = new("telling", null, RepeatDamping.None, 0, 0, HotspotMethod.RankedCells);

    /// <summary>
    /// The fixed family the backtest chooses from, simplest first (an exact tie goes to the earlier one). Generic choices
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

    /// <summary>The weightings the ranking reads: this setting's, and its fill's.</summary>
    internal IEnumerable<(RecencyDecay? Recency, RepeatDamping Damping)> Weightings => Fill is null ? [Weighting] : [Weighting, Fill.Weighting];
}
