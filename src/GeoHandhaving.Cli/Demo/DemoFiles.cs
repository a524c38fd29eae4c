using System.Globalization;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Cli.Demo;

/// <summary>
/// Writes the demo gemeente in the formats of the shared Amsterdam data (/work/shared/data/nl/amsterdam): GeoJSON in
/// EPSG:28992 with the same "crs" member and mm coordinates, the BAG address CSV with the same header, DUO-like schools.
/// </summary>
public static class DemoFiles
{
    public const string AdressenHeader =
        "openbareruimtenaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam,gemeentenaam_2018," +
        "gemeentecode_2022,typeadresseerbaarobject,lon,lat,x_rd,y_rd,buurtcode,wijkcode,stadsdeelcode,n_bronrijen";

    public const string MeldingenHeader =
        "bron,extern_id,categorie,subcategorie,gemeld_op,waargenomen_op,omschrijving,adres,x_rd,y_rd,melder_naam,melder_email,melder_telefoon";

    public const string BoasHeader = "code,naam,wijkcodes";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8NoBom = new(false);

    private sealed record Feature(IReadOnlyList<(string Key, object? Value)> Properties, Geometry Geometry);

    public static void WriteAll(DemoGemeente demo, string directory)
    {
        Directory.CreateDirectory(directory);
        var town = demo.Town;
        var buurtCount = town.Buurten.GroupBy(b => b.WijkCode).ToDictionary(g => g.Key, g => g.Count());

        WriteGeoJson(Path.Combine(directory, "gemeente.geojson"), "gemeente",
        [
            new([("gemeentecode", DemoTown.GemeenteCode), ("gemeentenaam", DemoTown.GemeenteNaam), ("oppervlakte_m2", Area(town.Gemeente))],
                town.Gemeente),
        ]);
        WriteGeoJson(Path.Combine(directory, "wijken.geojson"), "wijken", town.Wijken.Select(w => new Feature(
            [("wijkcode", w.Code), ("wijknaam", w.Naam), ("gemeentecode", DemoTown.GemeenteCode), ("aantal_buurten", buurtCount[w.Code]),
             ("oppervlakte_m2", Area(w.Geometry))], w.Geometry)));
        WriteGeoJson(Path.Combine(directory, "buurten.geojson"), "buurten", town.Buurten.Select(b => new Feature(
            [("buurtcode", b.Code), ("buurtnaam", b.Naam), ("wijkcode", b.WijkCode), ("gemeentecode", DemoTown.GemeenteCode),
             ("gemeentenaam", DemoTown.GemeenteNaam), ("oppervlakte_m2", Area(b.Geometry))], b.Geometry)));
        WriteGeoJson(Path.Combine(directory, "straten.geojson"), "straten", demo.Streets.Select(s => new Feature(
            [("openbareruimtenaam", s.Naam), ("woonplaatsnaam", DemoTown.Woonplaats), ("buurtcode", s.BuurtCode),
             ("lengte_m", Math.Round(s.Geometry.Length, 1))], s.Geometry)));
        WriteGeoJson(Path.Combine(directory, "scholen.geojson"), "scholen", demo.Schools.Select(SchoolFeature));
        WriteGeoJson(Path.Combine(directory, "plekken.geojson"), "plekken",
            town.Landmarks.Select(l => new Feature([("naam", l.Naam), ("soort", l.Soort), ("straal_m", l.Radius)], Point(l.Location)))
                .Concat(demo.Containers.Select(c => new Feature([("naam", "Container " + c.Code), ("soort", "container"), ("straal_m", 15.0)],
                    Point(c.Location)))));

        WriteCsv(Path.Combine(directory, "adressen.csv"), AdressenHeader, demo.Addresses.Select(a => new[]
        {
            a.Straat, Number(a.Huisnummer), a.Huisletter, a.Toevoeging, a.Postcode, DemoTown.Woonplaats, DemoTown.GemeenteNaam,
            DemoTown.GemeenteCode, "VBO", a.Lon.ToString("0.000000", Invariant), a.Lat.ToString("0.000000", Invariant),
            Rd(a.X), Rd(a.Y), a.BuurtCode, a.WijkCode, "", "1",
        }));
        WriteCsv(Path.Combine(directory, "boas.csv"), BoasHeader, demo.Boas.Select(b => new[] { b.Code, b.Naam, string.Join(';', b.WijkCodes) }));
        WriteCsv(Path.Combine(directory, "meldingen.csv"), MeldingenHeader, demo.Meldingen.Select(m => new[]
        {
            m.Bron, m.ExternId, m.Categorie, m.Subcategorie, Timestamp(m.GemeldOp), Timestamp(m.WaargenomenOp), m.Omschrijving, m.Adres,
            m.Punt is null ? "" : Rd(m.Punt.X), m.Punt is null ? "" : Rd(m.Punt.Y),
            m.Melder?.Naam ?? "", m.Melder?.Email ?? "", m.Melder?.Telefoon ?? "",
        }));
    }

    /// <summary>ISO 8601 with the Europe/Amsterdam offset of that instant (+01:00 in winter, +02:00 in summer).</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        AmsterdamTime.ToLocal(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", Invariant);

    private static Feature SchoolFeature(School s)
    {
        var a = s.Address;
        return new Feature(
        [
            ("vestigingscode", s.Vestigingscode), ("brin", s.Vestigingscode[..4]), ("vestigingsnaam", s.Naam), ("soort", s.Soort),
            ("straatnaam", a.Straat), ("huisnummer_toevoeging", Number(a.Huisnummer)), ("postcode", $"{a.Postcode[..4]} {a.Postcode[4..]}"),
            ("plaatsnaam", DemoTown.Woonplaats.ToUpperInvariant()), ("gemeentenummer", DemoTown.GemeenteCode[2..]),
            ("gemeentenaam", DemoTown.GemeenteNaam.ToUpperInvariant()), ("denominatie", s.Denominatie), ("internetadres", null),
            ("bron", "GeoHandhaving demo-gemeente (fictief)"), ("geocode_methode", "exact"),
            ("bag_match_adres", $"{a.Straat} {a.Aanduiding}, {a.Postcode}"), ("x_rd", a.X), ("y_rd", a.Y),
            ("buurtcode", a.BuurtCode), ("wijkcode", a.WijkCode),
        ], Point(a.Location));
    }

    private static Point Point(Coordinate c) => GeoHandhaving.Core.Geometry.RdNew.RdFactory.CreatePoint(c);

    private static double Area(Geometry g) => Math.Round(g.Area, 1);

    private static string Number(int n) => n.ToString(Invariant);

    private static string Rd(double v) => v.ToString("0.00", Invariant);

    private static void WriteCsv(string path, string header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path, false, Utf8NoBom) { NewLine = "\n" };
        writer.WriteLine(header);
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join(',', row.Select(Quote)));
        }
    }

    /// <summary>RFC 4180: quote a field only when it holds a comma, quote or line break.</summary>
    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;

    private static void WriteGeoJson(string path, string name, IEnumerable<Feature> features)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteString("name", name);
        json.WriteStartObject("crs");
        json.WriteString("type", "name");
        json.WriteStartObject("properties");
        json.WriteString("name", "urn:ogc:def:crs:EPSG::28992");
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("features");
        foreach (var feature in features)
        {
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteStartObject("properties");
            foreach (var (key, value) in feature.Properties)
            {
                switch (value)
                {
                    case null: json.WriteNull(key); break;
                    case string s: json.WriteString(key, s); break;
                    case int i: json.WriteNumber(key, i); break;
                    case double d: json.WriteNumber(key, d); break;
                    default: throw new ArgumentException($"Unsupported property type {value.GetType()} for {key}");
                }
            }
            json.WriteEndObject();
            json.WritePropertyName("geometry");
            WriteGeometry(json, feature.Geometry);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteGeometry(Utf8JsonWriter json, Geometry geometry)
    {
        json.WriteStartObject();
        json.WriteString("type", geometry.GeometryType);
        json.WriteStartArray("coordinates");
        WriteCoordinates(json, geometry);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The content of the "coordinates" array; nesting follows the geometry type.</summary>
    private static void WriteCoordinates(Utf8JsonWriter json, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                WritePosition(json, p.Coordinate, asArray: false);
                break;
            case LineString l:
                foreach (var c in l.Coordinates)
                {
                    WritePosition(json, c, asArray: true);
                }
                break;
            case Polygon p:
                foreach (var ring in new[] { p.Shell }.Concat(p.Holes))
                {
                    json.WriteStartArray();
                    WriteCoordinates(json, ring);
                    json.WriteEndArray();
                }
                break;
            case GeometryCollection collection:
                foreach (var part in collection.Geometries)
                {
                    json.WriteStartArray();
                    WriteCoordinates(json, part);
                    json.WriteEndArray();
                }
                break;
            default:
                throw new ArgumentException($"Unsupported geometry {geometry.GeometryType}");
        }
    }

    private static void WritePosition(Utf8JsonWriter json, Coordinate c, bool asArray)
    {
        if (asArray)
        {
            json.WriteStartArray();
        }
        json.WriteNumberValue(Math.Round(c.X, 3));
        json.WriteNumberValue(Math.Round(c.Y, 3));
        if (asArray)
        {
            json.WriteEndArray();
        }
    }
}
