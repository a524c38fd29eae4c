using GeoHandhaving.Core.Districting;

namespace GeoHandhaving.Core.Tests.Districting;

public class WijkProposerTests
{
    private static readonly List<Buurt> Grid = SyntheticBuurten.Grid(6, 6);
    private static readonly double[] EqualWorkload = Enumerable.Repeat(10.0, 36).ToArray();

    [Fact]
    public void Equal_buurten_on_a_grid_split_into_four_equal_contiguous_wijken()
    {
        var result = WijkProposer.Propose(Grid, EqualWorkload, new DistrictingOptions { WijkCount = 4, Seed = 3 });

        Assert.Equal(36, result.Wijken.Sum(w => w.BuurtCount));
        Assert.Equal(Grid.Select(b => b.Code).Order(), result.Wijken.SelectMany(w => w.BuurtCodes).Order());
        Assert.All(result.Wijken, w => Assert.True(w.IsContiguous, w.Code));
        Assert.All(result.Wijken, w => Assert.True(w.Geometry.IsValid, w.Code));
        Assert.Equal(0, result.Stats.MaxRelativeDeviation, 9);
    }

    [Fact]
    public void Wijken_joined_only_at_a_corner_are_not_contiguous()
    {
        var graph = BuurtGraph.Build(Grid);
        var assignment = Enumerable.Repeat(1, 36).ToArray();
        (assignment[0], assignment[7]) = (0, 0); // r0c0 and r1c1

        var wijken = WijkProposer.Summarise(graph, EqualWorkload, assignment, ["diagonal", "rest"]);

        Assert.False(wijken[0].IsContiguous);
        Assert.True(wijken[1].IsContiguous);
    }

    [Fact]
    public void Locked_buurten_end_up_in_their_wijk()
    {
        var locks = new Dictionary<string, int> { ["r0c0"] = 2, ["r0c1"] = 2, ["r5c5"] = 0, ["r5c0"] = 1 };

        var result = WijkProposer.Propose(Grid, EqualWorkload,
            new DistrictingOptions { WijkCount = 3, Seed = 5, LockedWijkByBuurt = locks });

        Assert.Equal("W03", result.WijkByBuurt["r0c0"]);
        Assert.Equal("W03", result.WijkByBuurt["r0c1"]);
        Assert.Equal("W01", result.WijkByBuurt["r5c5"]);
        Assert.Equal("W02", result.WijkByBuurt["r5c0"]);
        Assert.All(result.Wijken, w => Assert.True(w.IsContiguous, w.Code));
    }

    [Fact]
    public void An_island_joins_a_wijk_over_its_virtual_edge_and_is_reported()
    {
        var buurten = SyntheticBuurten.Grid(3, 3);
        buurten.Add(SyntheticBuurten.Square("island", 1300, 150, 100));

        var result = WijkProposer.Propose(buurten, Enumerable.Repeat(1.0, 10).ToArray(), new DistrictingOptions { WijkCount = 2 });

        Assert.Equal(2, result.Islands.ComponentCount);
        Assert.Single(result.Islands.VirtualEdges);
        Assert.Equal(result.WijkByBuurt["r1c2"], result.WijkByBuurt["island"]);
        Assert.All(result.Wijken, w => Assert.True(w.IsContiguous, w.Code));
        Assert.Equal(0, result.Stats.MaxRelativeDeviation, 9);
    }

    [Fact]
    public void Same_seed_gives_the_same_proposal()
    {
        var workload = Enumerable.Range(0, 36).Select(i => 1.0 + i % 7).ToArray();
        var options = new DistrictingOptions { WijkCount = 5, Seed = 42 };

        var first = WijkProposer.Propose(Grid, workload, options);
        var second = WijkProposer.Propose(Grid, workload, options);

        Assert.Equal(first.WijkByBuurt, second.WijkByBuurt);
    }

    [Fact]
    public void Keeping_current_wijken_with_a_high_weight_returns_them_when_they_are_balanced()
    {
        var current = Grid.ToDictionary(b => b.Code, b => b.Code[..2] is "r0" or "r1" or "r2" ? "north" : "south");

        var result = WijkProposer.Propose(Grid, EqualWorkload,
            new DistrictingOptions { WijkCount = 2, Seed = 9, CurrentWijkByBuurt = current, KeepCurrentWeight = 10 });

        Assert.Equal(2, result.WijkByBuurt.GroupBy(kv => (kv.Value, current[kv.Key])).Count());
        Assert.NotNull(result.Current);
        Assert.Equal(0, result.Current.Stats.MaxRelativeDeviation, 9);
    }

    [Fact]
    public void A_buurt_heavier_than_the_tolerance_allows_is_named_as_the_reason_the_balance_is_missed()
    {
        var workload = EqualWorkload.ToArray();
        workload[14] = 200; // r2c2: with 4 wijken the mean is 137.5, so this buurt alone is 45 % above it

        var result = WijkProposer.Propose(Grid, workload, new DistrictingOptions { WijkCount = 4, Seed = 3 });

        Assert.False(result.Balance.WithinTolerance);
        Assert.Equal(["r2c2"], result.Balance.OversizedBuurten);
        Assert.Equal(200 / 137.5 - 1, result.Balance.ProvenBound, 9);
        Assert.Contains("r2c2", result.Balance.Reason);
        Assert.Equal(result.Balance.ProvenBound, result.Stats.MaxRelativeDeviation, 9);
    }

    [Fact]
    public void Buurten_locked_together_above_the_tolerance_are_named_as_the_reason()
    {
        var locks = Grid.Take(12).ToDictionary(b => b.Code, _ => 0); // two rows: 120 of a mean of 90

        var result = WijkProposer.Propose(Grid, EqualWorkload, new DistrictingOptions { WijkCount = 4, Seed = 3, LockedWijkByBuurt = locks });

        Assert.False(result.Balance.WithinTolerance);
        Assert.Equal(["W01"], result.Balance.OverloadedLockedWijken);
        Assert.Contains("W01", result.Balance.Reason);
    }

    [Fact]
    public void Progress_runs_through_the_phases_in_order_and_ends_complete()
    {
        var reports = new List<DistrictingProgress>();
        var progress = new SynchronousProgress<DistrictingProgress>(reports.Add);

        WijkProposer.Propose(Grid, EqualWorkload, new DistrictingOptions { WijkCount = 4, Seed = 3, Iterations = 20_000 }, progress);

        var phases = reports.Select(r => r.Phase).Distinct().ToList();
        Assert.Equal(Enum.GetValues<DistrictingPhase>(), phases);
        Assert.Equal(reports.Select(r => r.Fraction).Order(), reports.Select(r => r.Fraction));
        Assert.Equal(1, reports[^1].Fraction, 9);
        Assert.Contains(reports, r => r.Phase == DistrictingPhase.Annealing && r.Step == 20_000 && r.Steps == 20_000);
    }

    [Fact]
    public void A_cancelled_proposal_stops_with_OperationCanceledException()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            WijkProposer.Propose(Grid, EqualWorkload, new DistrictingOptions { WijkCount = 4 }, cancellation: cancellation.Token));
    }

    [Fact]
    public void Wijk_count_for_a_target_workload_rounds_to_the_nearest_count()
    {
        Assert.Equal(22, DistrictingOptions.WijkCountForTarget(525_450, 24_000));
        Assert.Equal(1, DistrictingOptions.WijkCountForTarget(10, 1_000));
    }
}
