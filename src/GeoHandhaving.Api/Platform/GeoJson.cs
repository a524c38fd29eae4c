using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Platform;

/// <summary>An OGC / HAL style link.</summary>
public sealed record Link(string Href, string Rel, string? Type = null, string? Title = null);

/// <summary>A GeoJSON Feature as this API writes it; the geometry is already in the response CRS.</summary>
public sealed record GeoJsonFeature(object Id, Geometry? Geometry, IReadOnlyDictionary<string, object?> Properties)
{
    public string Type => "Feature";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Link>? Links { get; init; }
}

/// <summary>A GeoJSON FeatureCollection; the OGC members (numberMatched, links, ...) appear only when set.</summary>
public sealed record GeoJsonFeatureCollection(IReadOnlyList<GeoJsonFeature> Features)
{
    public string Type => "FeatureCollection";
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? NumberMatched { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? NumberReturned { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? TimeStamp { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Link>? Links { get; init; }
}

public static class GeoJsonFeatures
{
    /// <summary>A feature whose geometry is converted from storage (RD New) to the output CRS.</summary>
    public static GeoJsonFeature Create(Geometry? rd, Crs crs, object id, IReadOnlyDictionary<string, object?> properties) =>
        new(id, rd is null ? null : crs.FromStorage(rd), properties);
}
