using System.Text.Json;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>A wijk as a client sends it: a GeoJSON Feature with <c>code</c>, <c>naam</c> and optionally <c>reden</c> in its properties.</summary>
public sealed record WijkFeatureInvoer(Geometry? Geometry, Dictionary<string, JsonElement>? Properties)
{
    public string? Text(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
