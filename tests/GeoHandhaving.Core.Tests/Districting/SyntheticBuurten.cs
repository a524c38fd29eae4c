using GeoHandhaving.Core.Districting;
using GeoHandhaving.Core.Geometry;

namespace GeoHandhaving.Core.Tests.Districting;

internal static class SyntheticBuurten
{
    /// <summary>Square buurten of 100 m, codes "r{row}c{column}"; diagonal neighbours touch at a corner only.</summary>
    public static List<Buurt> Grid(int rows, int columns, double originX = 0, double originY = 0) =>
        (from row in Enumerable.Range(0, rows)
         from column in Enumerable.Range(0, columns)
         select Square($"r{row}c{column}", originX + column * 100, originY + row * 100, 100)).ToList();

    public static Buurt Square(string code, double x, double y, double size) =>
        new(code, RdNew.RdFactory.ToGeometry(new NetTopologySuite.Geometries.Envelope(x, x + size, y, y + size)));
}
