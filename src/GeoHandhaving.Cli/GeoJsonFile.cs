using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GeoHandhaving.Cli;

/// <summary>
/// A GeoJSON FeatureCollection file with its (pre-RFC 7946) `crs` member. NTS ignores `crs`, so it is read here:
/// EPSG:28992 gives geometries SRID 28992; no `crs` (or CRS84/4326) means lon/lat, SRID 4326. Other CRSs are refused.
/// </summary>
internal sealed record GeoJsonFile(FeatureCollection Features, JsonNode? Crs, int Srid)
{
    public bool IsRd => Srid == RdNew.Srid;

    public static GeoJsonFile Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var crs = JsonNode.Parse(bytes)?["crs"]?.DeepClone();
        var srid = SridOf(crs, path);
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(srid);
        var features = JsonSerializer.Deserialize<FeatureCollection>(bytes, Options(factory))
            ?? throw new InvalidDataException($"{path}: not a GeoJSON FeatureCollection");
        return new GeoJsonFile(features, crs, srid);
    }

    /// <summary>Writes <paramref name="features"/> with this file's `crs` member, rings oriented as RFC 7946 asks.</summary>
    public void WriteWithSameCrs(string path, FeatureCollection features)
    {
        var json = JsonSerializer.SerializeToNode(features, Options(NtsGeometryServices.Instance.CreateGeometryFactory(Srid)))!.AsObject();
        if (Crs is not null)
        {
            json.Insert(1, "crs", Crs.DeepClone());
        }
        File.WriteAllText(path, json.ToJsonString());
    }

    /// <summary>The geometry in RD New (metres), whatever this file's CRS.</summary>
    public Geometry ToRd(Geometry geometry) => IsRd ? geometry : RdNew.ToRd(geometry);

    /// <summary>An RD New geometry back in this file's CRS.</summary>
    public Geometry FromRd(Geometry geometry) => IsRd ? geometry : RdNew.ToWgs84(geometry);

    private static JsonSerializerOptions Options(GeometryFactory factory) => new()
    {
        Converters = { new GeoJsonConverterFactory(factory, false, "id", RingOrientationOption.EnforceRfc9746) },
    };

    private static int SridOf(JsonNode? crs, string path)
    {
        var name = crs?["properties"]?["name"]?.GetValue<string>();
        return name switch
        {
            null => RdNew.Wgs84Srid,
            _ when name.EndsWith("EPSG::28992", StringComparison.OrdinalIgnoreCase) || name.EndsWith("EPSG/0/28992", StringComparison.OrdinalIgnoreCase) =>
                RdNew.Srid,
            _ when name.EndsWith("CRS84", StringComparison.OrdinalIgnoreCase) => RdNew.Wgs84Srid,
            _ => throw new InvalidDataException($"{path}: crs {name} is not supported (use EPSG:28992 or CRS84)"),
        };
    }
}
