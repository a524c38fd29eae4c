using GeoHandhaving.Core.Hotspots;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class CellUnionTests
{
    private static readonly CellGrid Grid = new(1000, 2000, 100, 20, 20);

    private static int Cell(int column, int row) => row * Grid.Columns + column;

    [Fact]
    public void Ring_of_eight_cells_dissolves_into_a_square_with_a_square_hole()
    {
        int[] ring = [.. from r in Enumerable.Range(3, 3) from c in Enumerable.Range(3, 3) where !(r == 4 && c == 4) select Cell(c, r)];
        var polygon = CellUnion.Dissolve(ring, Grid);

        Assert.True(polygon.IsValid);
        Assert.Equal(80_000, polygon.Area, 6);
        Assert.Single(polygon.Holes);
        Assert.True(Orientation.IsCCW(polygon.Shell.CoordinateSequence));
        Assert.Equal(5, polygon.Shell.NumPoints); // collinear corners are dropped
    }

    [Fact]
    public void Hole_touching_the_outline_at_a_corner_gives_a_valid_polygon()
    {
        // A U of cells closed by a cell that touches the U only at a corner: the enclosed cell is a hole pinched at that corner.
        int[] patch = [Cell(0, 0), Cell(1, 0), Cell(2, 0), Cell(2, 1), Cell(2, 2), Cell(1, 2), Cell(0, 2), Cell(0, 1), Cell(1, 3), Cell(3, 1)];
        patch = [.. patch.Where(c => c != Cell(0, 1))]; // open the west side: the hole at (1,1) now touches outside only at corners
        Assert.All(CellUnion.Patches(patch, Grid), p => Assert.True(CellUnion.Dissolve(p, Grid).IsValid));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Traced_outline_equals_the_overlay_union_of_the_cells(int seed)
    {
        var random = new Random(seed);
        var cells = Enumerable.Range(0, Grid.CellCount).Where(_ => random.NextDouble() < 0.55).ToList();
        foreach (var patch in CellUnion.Patches(cells, Grid))
        {
            var traced = CellUnion.Dissolve(patch, Grid);
            var overlay = CascadedPolygonUnion.Union([.. patch.Select(Grid.CellPolygon)]);
            Assert.True(traced.IsValid, $"patch at cell {patch[0]} gives an invalid polygon");
            Assert.True(traced.EqualsTopologically(overlay), $"patch at cell {patch[0]} differs from the overlay union");
        }
    }
}
