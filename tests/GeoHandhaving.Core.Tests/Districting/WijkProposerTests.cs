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
    public void Wijk_count_for_a_target_workload_rounds_to_the_nearest_count()
    {
        Assert.Equal(22, DistrictingOptions.WijkCountForTarget(525_450, 24_000));
        Assert.Equal(1, DistrictingOptions.WijkCountForTarget(10, 1_000));
    }
}
