using System.Globalization;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// A set of lon/lat events projected around their centroid, with the study area named the crime-science way: the convex
/// hull of all events. The address key is the address text, else the coordinates (geocode stacking is an address too).
/// </summary>
public sealed record EventStudy(LocalProjection Projection, IReadOnlyList<HotspotEvent> Events, NetTopologySuite.Geometries.Geometry Hull)
{
    public double StudyArea => Hull.Area;

    public static EventStudy FromCsv(IReadOnlyList<CsvEvent> rows)
    {
        var projection = LocalProjection.AroundCentroid(rows.Select(r => (r.Lon, r.Lat)));
        var events = rows.Select(r =>
        {
            var (x, y) = projection.ToPlanar(r.Lon, r.Lat);
            var addressKey = string.IsNullOrWhiteSpace(r.Address)
                ? string.Create(CultureInfo.InvariantCulture, $"{r.Lat:F6},{r.Lon:F6}")
                : r.Address.Trim().ToUpperInvariant();
            return new HotspotEvent(r.Row, x, y, r.At, r.Category, AddressKey: addressKey);
        }).ToList();
        var hull = new GeometryFactory().CreateMultiPointFromCoords([.. events.Select(e => new Coordinate(e.X, e.Y))]).ConvexHull();
        return new EventStudy(projection, events, hull);
    }
}
