using System.Globalization;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Ogc;

/// <summary>
/// OGC items carry flat properties: GIS clients show arrays and objects as NULL (QGIS) or as JSON text (GDAL). The
/// boa's of a wijk become text ("Fatima el Amrani (primair), Joost Verhoeven") beside their codes, instants become
/// ISO 8601 in UTC, which both read as date-time fields. The REST API keeps the nested objects.
/// </summary>
public static class OgcProperties
{
    public const string Boas = "boas";
    public const string BoaCodes = "boaCodes";

    public static GeoJsonFeature Flat(GeoJsonFeature feature) => feature with { Properties = Flatten(feature.Properties) };

    private static Dictionary<string, object?> Flatten(IReadOnlyDictionary<string, object?> properties)
    {
        var flat = new Dictionary<string, object?>();
        foreach (var (name, value) in properties)
        {
            switch (value)
            {
                case IEnumerable<BoaRef> boas:
                    var list = boas.ToList();
                    flat[name] = list.Count == 0 ? null : string.Join(", ", list.Select(b => b.Primair ? $"{b.Naam} (primair)" : b.Naam));
                    flat[BoaCodes] = list.Count == 0 ? null : string.Join(", ", list.Select(b => b.Code));
                    break;
                case DateTimeOffset instant:
                    flat[name] = Iso(instant);
                    break;
                default:
                    flat[name] = value;
                    break;
            }
        }
        return flat;
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
