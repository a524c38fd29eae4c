namespace GeoHandhaving.Core.Districting;

/// <summary>What a wijkindeling proposal should optimise. Wijk indexes are 0-based; the generated codes are 1-based.</summary>
public sealed record DistrictingOptions
{
    public required int WijkCount { get; init; }

    /// <summary>Same seed, same input: same proposal.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Relative deviation from the mean workload that a wijk may have before balance is penalised steeply;
    /// within it, balance (max + mean relative deviation) is traded against compactness.
    /// </summary>
    public double BalanceTolerance { get; init; } = 0.05;

    /// <summary>Weight of (1 − mean Polsby–Popper) against balance.</summary>
    public double CompactnessWeight { get; init; } = 1;

    /// <summary>Weight of the share of today's internal wijk boundaries (by length) that the proposal cuts through.</summary>
    public double KeepCurrentWeight { get; init; }

    /// <summary>Today's wijk code per buurt code: used by <see cref="KeepCurrentWeight"/> and for the comparison.</summary>
    public IReadOnlyDictionary<string, string>? CurrentWijkByBuurt { get; init; }

    /// <summary>Buurt code → wijk index (0-based) the buurt must end up in.</summary>
    public IReadOnlyDictionary<string, int>? LockedWijkByBuurt { get; init; }

    /// <summary>Single-buurt moves tried (simulated annealing, after recombination); 0 skips them.</summary>
    public int Iterations { get; init; } = 1_000_000;

    /// <summary>
    /// Merge-and-split steps of two adjacent wijken (see <see cref="Recombination"/>), before the single-buurt moves;
    /// null: <see cref="RecombinationStepsPerWijk"/> per wijk, as more wijken need longer chains to even out.
    /// 0 with 0 iterations gives the region-growing start as is.
    /// </summary>
    public int? RecombinationSteps { get; init; }

    public const int RecombinationStepsPerWijk = 1000;

    /// <summary>
    /// Independent starts at most (each region growing, recombination and annealing); the search stops at the first
    /// within the tolerance, otherwise the best objective wins. More starts escape more local optima, at run time.
    /// </summary>
    public int Starts { get; init; } = DefaultStarts;

    public const int DefaultStarts = 4;

    internal int RecombinationBudget => RecombinationSteps ?? RecombinationStepsPerWijk * WijkCount;

    public string CodePrefix { get; init; } = "W";

    public double BoundaryToleranceM { get; init; } = BuurtGraph.DefaultToleranceM;

    public double MinSharedBoundaryM { get; init; } = BuurtGraph.DefaultMinSharedLengthM;

    /// <summary>The wijk count that puts about <paramref name="targetWorkloadPerWijk"/> in each wijk.</summary>
    public static int WijkCountForTarget(double totalWorkload, double targetWorkloadPerWijk) =>
        Math.Max(1, (int)Math.Round(totalWorkload / targetWorkloadPerWijk));
}
