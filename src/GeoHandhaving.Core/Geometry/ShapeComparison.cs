using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace GeoHandhaving.Core.Geometry;

/// <summary>
/// Whether two polygonal geometries are the same shape within a tolerance (in their own units, metres in RD New):
/// every vertex of each lies within the tolerance of the other's boundary, and they have as many polygons and rings.
/// Ring start, orientation, Polygon vs MultiPolygon and repeated vertices do not matter, so the same wijk read back from
/// a GeoPackage, or after a round trip through WGS84, compares equal.
/// </summary>
public static class ShapeComparison
{
    public static bool SameShape(NetTopologySuite.Geometries.Geometry a, NetTopologySuite.Geometries.Geometry b, double tolerance)
    {
        if (a.IsEmpty || b.IsEmpty) return a.IsEmpty && b.IsEmpty;
        if (!Expanded(a.EnvelopeInternal, tolerance).Contains(b.EnvelopeInternal)
            || !Expanded(b.EnvelopeInternal, tolerance).Contains(a.EnvelopeInternal))
        {
            return false;
        }
        if (a.NumGeometries != b.NumGeometries || Rings(a) != Rings(b)) return false;
        return WithinOf(a, b.Boundary, tolerance) && WithinOf(b, a.Boundary, tolerance);
    }

    private static bool WithinOf(NetTopologySuite.Geometries.Geometry vertices, NetTopologySuite.Geometries.Geometry boundary, double tolerance)
    {
        var index = new IndexedFacetDistance(boundary);
        return vertices.Coordinates.All(c => index.Distance(boundary.Factory.CreatePoint(c)) <= tolerance);
    }

    private static int Rings(NetTopologySuite.Geometries.Geometry g) =>
        Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>().Sum(p => 1 + p.NumInteriorRings);

    private static Envelope Expanded(Envelope e, double by)
    {
        var copy = e.Copy();
        copy.ExpandBy(by);
        return copy;
    }
}
