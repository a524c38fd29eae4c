using System.Text.Json;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Writes hotspots (of the model, see <see cref="HotspotModel"/>) as an RFC 7946 FeatureCollection: lon/lat, outer rings
/// counter-clockwise, holes clockwise.
/// </summary>
public static class HotspotGeoJson
{
    public static void Write(Stream stream, IEnumerable<Hotspot> hotspots, LocalProjection projection, IReadOnlyDictionary<string,
        string> collectionProperties)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        foreach (var (key, value) in collectionProperties)
        {
            json.WriteString(key, value);
        }
        json.WriteStartArray("features");
        foreach (var hotspot in hotspots)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            json.WriteNumber("rank", hotspot.Rank);
            json.WriteString("window", hotspot.Window);
            json.WriteNumber("score", Math.Round(hotspot.Score, 3));
            json.WriteNumber("observed", Math.Round(hotspot.Observed, 3));
            json.WriteNumber("per_hour", Math.Round(hotspot.PerHour, 4));
            json.WriteNumber("max_z", Math.Round(hotspot.MaxZ, 3));
            json.WriteNumber("min_adjusted_p", hotspot.MinAdjustedP);
            json.WriteNumber("cells", hotspot.CellCount);
            json.WriteNumber("area_m2", Math.Round(hotspot.Polygon.Area));
            json.WriteEndObject();
            WriteGeometry(json, projection.ToLonLat(hotspot.Polygon));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter json, NetTopologySuite.Geometries.Geometry geometry)
    {
        json.WriteStartObject("geometry");
        var polygons = Enumerable.Range(0, geometry.NumGeometries).Select(i => (Polygon)geometry.GetGeometryN(i)).ToList();
        json.WriteString("type", polygons.Count == 1 ? "Polygon" : "MultiPolygon");
        json.WriteStartArray("coordinates");
        foreach (var polygon in polygons)
        {
            if (polygons.Count > 1)
            {
                json.WriteStartArray();
            }
            WriteRing(json, polygon.Shell, counterClockwise: true);
            foreach (var hole in polygon.Holes)
            {
                WriteRing(json, hole, counterClockwise: false);
            }
            if (polygons.Count > 1)
            {
                json.WriteEndArray();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRing(Utf8JsonWriter json, LineString ring, bool counterClockwise)
    {
        var coordinates = ring.Coordinates;
        if (Orientation.IsCCW(coordinates) != counterClockwise)
        {
            coordinates = [.. coordinates.Reverse()];
        }
        json.WriteStartArray();
        foreach (var c in coordinates)
        {
            json.WriteStartArray();
            json.WriteNumberValue(c.X);
            json.WriteNumberValue(c.Y);
            json.WriteEndArray();
        }
        json.WriteEndArray();
    }
}
