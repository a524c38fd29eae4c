using System.Diagnostics;
using GeoHandhaving.Core.Districting;
using Xunit.Abstractions;

namespace GeoHandhaving.Core.Tests.Districting;

/// <summary>The graph of the 518 Amsterdam buurten and their BAG-2018 address counts, built once for the class.</summary>
public sealed class AmsterdamGraphFixture
{
    public AmsterdamGraphFixture()
    {
        var stopwatch = Stopwatch.StartNew();
        Graph = BuurtGraph.Build(AmsterdamGebieden.Buurten);
        GraphBuildTime = stopwatch.Elapsed;
        Addresses = AmsterdamGebieden.AddressCountPerBuurt();
    }

    public BuurtGraph Graph { get; }
    public TimeSpan GraphBuildTime { get; }
    public double[] Addresses { get; }

    private readonly Dictionary<int, DistrictingResult> _proposals = [];

    /// <summary>The proposal with default options (seed 1), computed once per class: several tests look at it.</summary>
    public DistrictingResult Propose(int wijkCount)
    {
        lock (_proposals)
        {
            if (!_proposals.TryGetValue(wijkCount, out var result))
            {
                result = WijkProposer.Propose(Graph, Addresses, new DistrictingOptions { WijkCount = wijkCount });
                _proposals[wijkCount] = result;
            }
            return result;
        }
    }
}

/// <summary>Workload = BAG-2018 addresses per buurt. Figures are printed for docs/benchmarks.md.</summary>
public class AmsterdamDistrictingTests(AmsterdamGraphFixture amsterdam, ITestOutputHelper output) : IClassFixture<AmsterdamGraphFixture>
{
    [Fact]
    public void The_518_buurten_form_two_parts_that_are_bridged_by_one_virtual_edge()
    {
        output.WriteLine($"graph: {amsterdam.Graph.Edges.Count} edges in {amsterdam.GraphBuildTime.TotalSeconds:F1} s");

        Assert.Equal(518, amsterdam.Graph.Count);
        Assert.Equal(2, amsterdam.Graph.ComponentCountBeforeBridging);
        var bridge = Assert.Single(amsterdam.Graph.VirtualEdges);
        Assert.StartsWith("BU0363T", bridge.FromCode); // Zuidoost (with Weesp) is the part apart from the main city
        output.WriteLine($"bridge: {bridge}");
    }

    [Theory]
    [InlineData(9)]
    [InlineData(22)]
    [InlineData(40)]
    public void Proposal_puts_every_buurt_in_one_contiguous_wijk_within_5_percent_of_the_mean_workload(int wijkCount)
    {
        var result = amsterdam.Propose(wijkCount);
        output.WriteLine($"{wijkCount} wijken: max deviation {result.Stats.MaxRelativeDeviation:P2}, mean Polsby–Popper " +
            $"{result.Stats.MeanPolsbyPopper:F3} (min {result.Stats.MinPolsbyPopper:F3}), {result.Runtime.TotalSeconds:F1} s, " +
            $"{result.Starts} start(s), {result.RecombinationsKept} of {result.RecombinationSteps} recombinations kept, " +
            $"{result.Iterations} iterations, {result.AcceptedMoves} accepted");

        var codes = result.Wijken.SelectMany(w => w.BuurtCodes).ToList();
        Assert.Equal(518, codes.Count);
        Assert.Equal(518, codes.Distinct().Count());
        Assert.All(result.Wijken, w => Assert.True(w.IsContiguous, w.Code));
        Assert.All(result.Wijken, w => Assert.True(w.Geometry.IsValid, w.Code));
        Assert.InRange(result.Stats.MaxRelativeDeviation, 0, 0.05);
        Assert.True(result.Balance.WithinTolerance);
        Assert.Null(result.Balance.Reason);
        Assert.Empty(result.Balance.OversizedBuurten);
        Assert.InRange(result.Stats.MeanPolsbyPopper, 0.45, 1);
    }

    /// <summary>
    /// Today's 110 wijken grouped into 22 by region growing over whole wijken (the proposer without local search, one start,
    /// on wijk units), and today's 9 stadsdelen as they are.
    /// </summary>
    [Fact]
    public void Proposal_is_better_balanced_than_todays_wijken_grouped_to_the_same_count_and_than_the_stadsdelen()
    {
        var wijken = AmsterdamGebieden.Wijken();
        var wijkOf = AmsterdamGebieden.WijkByBuurt;
        var buurtCodes = amsterdam.Graph.Buurten.Select(b => b.Code).ToList();
        var wijkWorkload = wijken.Select(w =>
            buurtCodes.Select((code, i) => wijkOf[code] == w.Code ? amsterdam.Addresses[i] : 0).Sum()).ToArray();
        var grouped = WijkProposer.Propose(wijken.Select(w => new Buurt(w.Code, w.Geometry)).ToList(), wijkWorkload,
            new DistrictingOptions { WijkCount = 22, Starts = 1, RecombinationSteps = 0, Iterations = 0 });
        var stadsdelen = WijkProposer.Propose(amsterdam.Graph, amsterdam.Addresses,
            new DistrictingOptions { WijkCount = 9, CurrentWijkByBuurt = AmsterdamGebieden.StadsdeelByBuurt }).Current!;

        var proposed22 = amsterdam.Propose(22);
        var proposed9 = amsterdam.Propose(9);
        output.WriteLine($"22: proposal {proposed22.Stats.MaxRelativeDeviation:P1} / PP {proposed22.Stats.MeanPolsbyPopper:F3}, " +
            $"today's wijken grouped {grouped.Stats.MaxRelativeDeviation:P1} / PP {grouped.Stats.MeanPolsbyPopper:F3}");
        output.WriteLine($"9: proposal {proposed9.Stats.MaxRelativeDeviation:P1} / PP {proposed9.Stats.MeanPolsbyPopper:F3}, " +
            $"stadsdelen {stadsdelen.Stats.MaxRelativeDeviation:P1} / PP {stadsdelen.Stats.MeanPolsbyPopper:F3}");

        Assert.True(proposed22.Stats.MaxRelativeDeviation < grouped.Stats.MaxRelativeDeviation);
        Assert.True(proposed9.Stats.MaxRelativeDeviation < stadsdelen.Stats.MaxRelativeDeviation);
    }

    [Fact]
    public void Same_seed_gives_the_same_proposal_and_another_seed_another()
    {
        var options = new DistrictingOptions { WijkCount = 22, Seed = 7, Starts = 1, RecombinationSteps = 5_000, Iterations = 200_000 };
        var first = WijkProposer.Propose(amsterdam.Graph, amsterdam.Addresses, options);
        var again = WijkProposer.Propose(amsterdam.Graph, amsterdam.Addresses, options);
        var other = WijkProposer.Propose(amsterdam.Graph, amsterdam.Addresses, options with { Seed = 8 });

        Assert.Equal(first.WijkByBuurt, again.WijkByBuurt);
        Assert.NotEqual(first.WijkByBuurt, other.WijkByBuurt);
    }
}
