using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Geometry;

/// <summary>
/// The one rule for the pieces between wijken (an overlap of two, or a gap between them), for validation, import and
/// the coverage check alike. A piece below <see cref="NoiseM2"/> is coordinate rounding and no problem; a piece thinner
/// than <see cref="MaxWidthM"/> (its mean width, twice the area over the perimeter) is a sliver whatever its area, and so
/// is one smaller than <see cref="MaxAreaM2"/>. Thin slivers come from reprojection and are snapped to the shared
/// boundary; small but wide ones are reported by the coverage check, not corrected.
/// </summary>
public sealed record SliverRule(double MaxWidthM, double MaxAreaM2, double NoiseM2)
{
    public bool IsNoise(double area) => area <= NoiseM2;

    /// <summary>Thinner than <see cref="MaxWidthM"/> on average: area &lt; width × perimeter / 2.</summary>
    public bool IsThin(double area, double perimeter) => area < MaxWidthM * perimeter / 2;

    public bool IsSliver(double area, double perimeter) => area < MaxAreaM2 || IsThin(area, perimeter);

    public bool IsNoise(NetTopologySuite.Geometries.Geometry piece) => IsNoise(piece.Area);

    public bool IsThin(NetTopologySuite.Geometries.Geometry piece) => IsThin(piece.Area, piece.Length);

    /// <summary>The polygons of an overlay result (an intersection or difference can also hold lines and points).</summary>
    public static IEnumerable<Polygon> Pieces(NetTopologySuite.Geometries.Geometry overlay)
    {
        for (var i = 0; i < overlay.NumGeometries; i++)
        {
            switch (overlay.GetGeometryN(i))
            {
                case Polygon { IsEmpty: false } p:
                    yield return p;
                    break;
                case GeometryCollection c when c != overlay:
                    foreach (var p in Pieces(c)) yield return p;
                    break;
            }
        }
    }
}
