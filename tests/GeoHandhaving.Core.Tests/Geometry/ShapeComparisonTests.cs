using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Tests.Geometry;

public class ShapeComparisonTests
{
    private static readonly GeometryFactory Rd = RdNew.RdFactory;

    private static Polygon Square(double x, double y, double size) =>
        Rd.CreatePolygon([new(x, y), new(x + size, y), new(x + size, y + size), new(x, y + size), new(x, y)]);

    [Fact]
    public void Same_square_with_another_start_vertex_orientation_and_as_multipolygon_is_the_same_shape()
    {
        var a = Square(121_000, 487_000, 100);
        var b = Rd.CreateMultiPolygon([(Polygon)Rd.CreatePolygon([new(121_100, 487_100), new(121_100, 487_000), new(121_000, 487_000),
            new(121_000, 487_100), new(121_100, 487_100)])]);
        Assert.True(ShapeComparison.SameShape(a, b, 0.01));
    }

    [Fact]
    public void Vertices_moved_by_millimetres_are_the_same_shape_and_by_centimetres_are_not()
    {
        var a = Square(121_000, 487_000, 100);
        Assert.True(ShapeComparison.SameShape(a, Square(121_000.006, 486_999.995, 100), 0.01));
        Assert.False(ShapeComparison.SameShape(a, Square(121_000.02, 487_000, 100), 0.01));
        Assert.False(ShapeComparison.SameShape(a, Square(121_000, 487_000, 100.5), 0.01));
    }

    [Fact]
    public void A_square_with_a_hole_is_not_the_same_shape_as_the_square()
    {
        var shell = Rd.CreateLinearRing([new(0 + 121_000, 487_000), new(121_100, 487_000), new(121_100, 487_100), new(121_000, 487_100), new(121_000, 487_000)]);
        var hole = Rd.CreateLinearRing([new(121_040, 487_040), new(121_040, 487_060), new(121_060, 487_060), new(121_060, 487_040), new(121_040, 487_040)]);
        Assert.False(ShapeComparison.SameShape(Square(121_000, 487_000, 100), Rd.CreatePolygon(shell, [hole]), 0.01));
    }

    [Fact]
    public void A_polygon_read_back_through_wgs84_is_the_same_shape_within_a_centimetre()
    {
        // A wijk-sized ring with many vertices across Amsterdam, round-tripped as the API does for a CRS84 client.
        var ring = Enumerable.Range(0, 360).Select(i => new Coordinate(121_000 + 3_000 * Math.Cos(i * Math.PI / 180),
            487_000 + 3_000 * Math.Sin(i * Math.PI / 180))).ToList();
        ring.Add(ring[0]);
        var rd = Rd.CreatePolygon(ring.ToArray());
        var back = RdNew.ToRd(RdNew.ToWgs84(rd));
        var max = rd.Coordinates.Zip(back.Coordinates).Max(p => p.First.Distance(p.Second));
        Assert.True(ShapeComparison.SameShape(rd, back, 0.01), $"max {max}");
    }
}

public class BoundarySnappingTests
{
    private static readonly GeometryFactory Rd = RdNew.RdFactory;
    private static readonly SliverRule Rule = new(MaxWidthM: 1, MaxAreaM2: 100, NoiseM2: 0.01);

    private static MultiPolygon Rect(double west, double east, double south = 487_000, double north = 488_000) =>
        Rd.CreateMultiPolygon([Rd.CreatePolygon([new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)])]);

    [Fact]
    public void A_thin_overlap_is_given_to_the_neighbour_and_reported_where_it_was()
    {
        var snap = BoundarySnapping.Snap(Rect(121_000, 122_000.4), [("B", Rect(122_000, 123_000))], Rule);
        Assert.Empty(snap.Overlappen);
        var sliver = Assert.Single(snap.Gecorrigeerd);
        Assert.Equal(("sliver-overlap", "B"), (sliver.Soort, sliver.Buur));
        Assert.Equal(400, sliver.OppervlakteM2, 1);
        Assert.Equal(122_000.2, sliver.Locatie.X, 1);
        Assert.InRange(snap.Geometrie.Intersection(Rect(122_000, 123_000)).Area, 0, Rule.NoiseM2);
        Assert.Equal(1_000_000, snap.Geometrie.Area, 1);
    }

    [Fact]
    public void A_wide_overlap_is_real_whatever_its_area_and_left_untouched()
    {
        var changed = Rect(121_000, 122_005, 487_000, 487_010);
        var snap = BoundarySnapping.Snap(changed, [("B", Rect(122_000, 123_000))], Rule);
        var overlap = Assert.Single(snap.Overlappen);
        Assert.Equal(("B", 50.0), (overlap.Buur, overlap.OppervlakteM2));
        Assert.Empty(snap.Gecorrigeerd);
        Assert.Equal(changed.Area, snap.Geometrie.Area, 3);
    }

    [Fact]
    public void A_thin_gap_enclosed_by_the_neighbour_is_taken_in_but_an_open_strip_is_not()
    {
        var notched = Rd.CreateMultiPolygon([Rd.CreatePolygon([new(121_000, 487_000), new(122_000, 487_000), new(122_000, 487_400),
            new(121_999.5, 487_400), new(121_999.5, 487_600), new(122_000, 487_600), new(122_000, 488_000), new(121_000, 488_000),
            new(121_000, 487_000)])]);
        var snap = BoundarySnapping.Snap(notched, [("B", Rect(122_000, 123_000))], Rule);
        var gat = Assert.Single(snap.Gecorrigeerd);
        Assert.Equal(("sliver-gat", "B", 100.0), (gat.Soort, gat.Buur, gat.OppervlakteM2));
        Assert.Equal(1_000_000, snap.Geometrie.Area, 1);

        var strip = BoundarySnapping.Snap(Rect(121_000, 121_999.5), [("B", Rect(122_000, 123_000))], Rule);
        Assert.Empty(strip.Gecorrigeerd);
    }

    [Fact]
    public void A_thin_strip_the_polygon_had_before_is_kept_and_a_wide_one_given_up_on_purpose_is_not()
    {
        var stored = Rect(121_000, 122_000);
        var thin = BoundarySnapping.Snap(Rect(121_000.3, 122_000), [("B", Rect(122_000, 123_000))], Rule, stored);
        var kept = Assert.Single(thin.Gecorrigeerd);
        Assert.Equal(("sliver-gat", ""), (kept.Soort, kept.Buur));
        Assert.Equal(stored.Area, thin.Geometrie.Area, 3);

        var wide = BoundarySnapping.Snap(Rect(121_050, 122_000), [("B", Rect(122_000, 123_000))], Rule, stored);
        Assert.Empty(wide.Gecorrigeerd);
        Assert.Equal(950_000, wide.Geometrie.Area, 3);
    }

    [Fact]
    public void Noise_and_thinness_follow_the_one_rule()
    {
        Assert.True(Rule.IsNoise(0.005));
        Assert.True(Rule.IsThin(area: 300, perimeter: 2000.6));
        Assert.False(Rule.IsThin(area: 50, perimeter: 30));
        Assert.True(Rule.IsSliver(area: 50, perimeter: 30));
        Assert.False(Rule.IsSliver(area: 500, perimeter: 100));
    }
}
