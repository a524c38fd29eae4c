using System.Text.Json.Serialization;
using NetTopologySuite.Features;

namespace GeoHandhaving.Api.Platform;

/// <summary>A GeoJSON FeatureCollection with the paging members that OGC API Features also uses.</summary>
public sealed record GeoJsonFeatureCollection(
    IReadOnlyList<IFeature> Features,
    [property: JsonPropertyName("numberMatched")] long? NumberMatched = null,
    [property: JsonPropertyName("numberReturned")] int? NumberReturned = null)
{
    [JsonPropertyName("type")] public string Type => "FeatureCollection";
}

public static class GeoJsonFeatures
{
    /// <summary>The attribute that the GeoJSON converter writes as the feature's top-level "id" member (RFC 7946 §3.2).</summary>
    public const string IdProperty = "id";

    /// <summary>A feature whose geometry is converted from storage (RD New) to the output CRS.</summary>
    public static IFeature Create(NetTopologySuite.Geometries.Geometry? rd, OutputCrs crs, object id, IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var attributes = new AttributesTable { { IdProperty, id } };
        foreach (var (key, value) in properties)
        {
            attributes.Add(key, value);
        }
        return new Feature(rd is null ? null : crs.FromStorage(rd), attributes);
    }
}
