using System.IO.Compression;
using System.Text.Json;
using GeoHandhaving.Core.Districting;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Tests.Districting;

/// <summary>
/// The shared Amsterdam gebiedsindeling and BAG counts, read once per test run. Core has no GeoJSON reader, and the
/// files hold only RD (multi)polygons, so a few lines of System.Text.Json do.
/// </summary>
internal static class AmsterdamGebieden
{
    private static readonly Lazy<string> Folder = new(() => GeoHandhaving.Testing.SharedData.Path("nl/amsterdam"));

    private static readonly Lazy<IReadOnlyList<(Buurt Buurt, string WijkCode, string StadsdeelCode)>> AllBuurten = new(() =>
        ReadFeatures(Path.Combine(Folder.Value, "gebieden", "buurten.geojson"))
            .Select(f => (new Buurt(f.Properties.GetProperty("buurtcode").GetString()!, f.Geometry),
                f.Properties.GetProperty("wijkcode").GetString()!, f.Properties.GetProperty("stadsdeelcode").GetString()!))
            .ToList());

    private static readonly Lazy<IReadOnlyDictionary<string, int>> AddressCounts = new(() =>
    {
        using var reader = new StreamReader(new GZipStream(
            File.OpenRead(Path.Combine(Folder.Value, "bag", "adressen_bag2018.csv.gz")), CompressionMode.Decompress));
        var column = Array.IndexOf(reader.ReadLine()!.Split(','), "buurtcode");
        var counts = new Dictionary<string, int>();
        while (reader.ReadLine() is { } line)
        {
            var code = line.Split(',')[column];
            counts[code] = counts.GetValueOrDefault(code) + 1;
        }
        return counts;
    });

    public static IReadOnlyList<Buurt> Buurten => AllBuurten.Value.Select(b => b.Buurt).ToList();

    public static IReadOnlyDictionary<string, string> WijkByBuurt => AllBuurten.Value.ToDictionary(b => b.Buurt.Code, b => b.WijkCode);

    public static IReadOnlyDictionary<string, string> StadsdeelByBuurt =>
        AllBuurten.Value.ToDictionary(b => b.Buurt.Code, b => b.StadsdeelCode);

    /// <summary>BAG-2018 addresses per buurt (the CSV's own point-in-polygon `buurtcode`).</summary>
    public static double[] AddressCountPerBuurt() => Buurten.Select(b => (double)AddressCounts.Value.GetValueOrDefault(b.Code)).ToArray();

    public static IReadOnlyList<(string Code, NetTopologySuite.Geometries.Geometry Geometry)> Wijken() =>
        ReadFeatures(Path.Combine(Folder.Value, "gebieden", "wijken.geojson"))
            .Select(f => (f.Properties.GetProperty("wijkcode").GetString()!, f.Geometry)).ToList();

    private static IEnumerable<(JsonElement Properties, NetTopologySuite.Geometries.Geometry Geometry)> ReadFeatures(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        return document.RootElement.GetProperty("features").EnumerateArray()
            .Select(f => (f.GetProperty("properties").Clone(), ReadGeometry(f.GetProperty("geometry"))))
            .ToList();
    }

    private static NetTopologySuite.Geometries.Geometry ReadGeometry(JsonElement geometry)
    {
        var coordinates = geometry.GetProperty("coordinates");
        return geometry.GetProperty("type").GetString() switch
        {
            "Polygon" => ReadPolygon(coordinates),
            "MultiPolygon" => RdNew.RdFactory.CreateMultiPolygon(coordinates.EnumerateArray().Select(ReadPolygon).ToArray()),
            var other => throw new NotSupportedException(other),
        };
    }

    private static Polygon ReadPolygon(JsonElement rings)
    {
        var linearRings = rings.EnumerateArray().Select(ring => RdNew.RdFactory.CreateLinearRing(
            ring.EnumerateArray().Select(p => new Coordinate(p[0].GetDouble(), p[1].GetDouble())).ToArray())).ToArray();
        return RdNew.RdFactory.CreatePolygon(linearRings[0], linearRings[1..]);
    }
}
