using GeoHandhaving.Core.Districting;

namespace GeoHandhaving.Core.Tests.Districting;

public class BuurtGraphTests
{
    [Fact]
    public void Grid_squares_touching_only_at_a_corner_are_not_adjacent()
    {
        var graph = BuurtGraph.Build(SyntheticBuurten.Grid(6, 6));

        Assert.False(graph.AreAdjacent(0, 7)); // r0c0 and r1c1
        Assert.True(graph.AreAdjacent(0, 1));
        Assert.True(graph.AreAdjacent(0, 6));
        Assert.Equal(2 * 6 * 5, graph.Edges.Count);
        Assert.All(graph.Edges, e => Assert.Equal(100, e.SharedLengthM, 0.5));
    }

    [Fact]
    public void Boundaries_a_hairline_apart_are_shared_but_a_metre_of_contact_is_not_enough()
    {
        var left = SyntheticBuurten.Square("left", 0, 0, 100);
        var hairline = SyntheticBuurten.Square("hairline", 100.3, 0, 100);
        var corner = SyntheticBuurten.Square("corner", -100, 99.5, 100);

        var graph = BuurtGraph.Build([left, hairline, corner]);

        Assert.True(graph.AreAdjacent(0, 1));
        Assert.Equal(2, graph.ComponentCountBeforeBridging);
        Assert.True(Assert.Single(graph.Edges, e => e.FromCode == "corner" || e.ToCode == "corner").IsVirtual);
    }

    [Fact]
    public void An_island_is_bridged_to_its_nearest_buurt_by_a_flagged_virtual_edge()
    {
        var buurten = SyntheticBuurten.Grid(3, 3);
        buurten.Add(SyntheticBuurten.Square("island", 1300, 150, 100));

        var graph = BuurtGraph.Build(buurten);

        Assert.Equal(2, graph.ComponentCountBeforeBridging);
        var bridge = Assert.Single(graph.VirtualEdges);
        Assert.Equal(("island", "r1c2"), (bridge.FromCode, bridge.ToCode));
        Assert.Equal(1000, bridge.GapM, 6);
        Assert.Equal(0, bridge.SharedLengthM);
    }
}
