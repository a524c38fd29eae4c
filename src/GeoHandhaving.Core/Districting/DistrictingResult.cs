namespace GeoHandhaving.Core.Districting;

/// <summary>One wijk: its buurten, figures and the union of its buurten (valid).</summary>
public sealed record WijkSummary(
    string Code,
    IReadOnlyList<string> BuurtCodes,
    double Workload,
    double AreaM2,
    double PerimeterM,
    double PolsbyPopper,
    bool IsContiguous,
    NetTopologySuite.Geometries.Geometry Geometry)
{
    public int BuurtCount => BuurtCodes.Count;

    /// <summary>(workload − mean) / mean.</summary>
    public double RelativeDeviation(double meanWorkload) => meanWorkload == 0 ? 0 : (Workload - meanWorkload) / meanWorkload;
}

public sealed record DistrictingStats(int WijkCount, double MeanWorkload, double MaxRelativeDeviation, double MeanPolsbyPopper,
    double MinPolsbyPopper, int NonContiguousWijken)
{
    public static DistrictingStats Of(IReadOnlyList<WijkSummary> wijken)
    {
        var mean = wijken.Average(w => w.Workload);
        return new DistrictingStats(wijken.Count, mean, wijken.Max(w => Math.Abs(w.RelativeDeviation(mean))),
            wijken.Average(w => w.PolsbyPopper), wijken.Min(w => w.PolsbyPopper), wijken.Count(w => !w.IsContiguous));
    }
}

/// <summary>How unconnected parts were handled (always bridging, see <see cref="BuurtGraph"/>) and where.</summary>
public sealed record IslandReport(string Policy, int ComponentCount, IReadOnlyList<BuurtEdge> VirtualEdges);

/// <summary>Today's wijken with the same figures, for comparison.</summary>
public sealed record CurrentWijken(IReadOnlyList<WijkSummary> Wijken, DistrictingStats Stats);

/// <summary>
/// Whether every wijk came within the balance tolerance and, when not, why, so a miss is never silent.
/// <see cref="ProvenBound"/> is the max deviation the input itself forces (a buurt, or the buurten locked to one wijk,
/// heavier than mean × (1 + tolerance)); 0 when the check proves nothing, and then a miss is the search's.
/// </summary>
public sealed record BalanceOutcome(bool WithinTolerance, double Tolerance, double ProvenBound,
    IReadOnlyList<string> OversizedBuurten, IReadOnlyList<string> OverloadedLockedWijken, string? Reason);

public sealed record DistrictingResult(
    IReadOnlyList<WijkSummary> Wijken,
    IReadOnlyDictionary<string, string> WijkByBuurt,
    DistrictingStats Stats,
    IslandReport Islands,
    CurrentWijken? Current,
    TimeSpan Runtime,
    BalanceOutcome Balance,
    int Starts,
    int RecombinationSteps,
    int RecombinationsKept,
    int Iterations,
    int AcceptedMoves);
