using System.Globalization;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Platform;

/// <summary>The one parser for a bbox query parameter "minLon,minLat,maxLon,maxLat" (CRS84), returned as an RD New envelope.</summary>
public static class Bbox
{
    public static (Envelope? Rd, ProblemHttpResult? Problem) ParseCrs84(string? value, string field = "bbox")
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        var parts = value.Split(',');
        var numbers = new double[parts.Length];
        if (parts.Length != 4 || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).Any())
        {
            return (null, Problems.InvalidField(field, "vier getallen: minLon,minLat,maxLon,maxLat (CRS84).", value));
        }
        var (minLon, minLat, maxLon, maxLat) = (numbers[0], numbers[1], numbers[2], numbers[3]);
        if (minLon > maxLon || minLat > maxLat)
        {
            return (null, Problems.InvalidField(field, "min groter dan max; volgorde is minLon,minLat,maxLon,maxLat.", value));
        }
        if (!RdNew.IsInNetherlands(minLon, minLat) && !RdNew.IsInNetherlands(maxLon, maxLat))
        {
            return (null, Problems.Unprocessable("outside-netherlands", "Bbox buiten Nederland",
                $"bbox {value} ligt buiten Nederland (CRS84, lon eerst).", new Dictionary<string, object?> { ["field"] = field }));
        }
        var envelope = new Envelope();
        foreach (var (lon, lat) in new[] { (minLon, minLat), (minLon, maxLat), (maxLon, minLat), (maxLon, maxLat) })
        {
            var (x, y) = RdNew.ToRd(Math.Clamp(lon, RdNew.NetherlandsLonLat.MinX, RdNew.NetherlandsLonLat.MaxX),
                Math.Clamp(lat, RdNew.NetherlandsLonLat.MinY, RdNew.NetherlandsLonLat.MaxY));
            envelope.ExpandToInclude(x, y);
        }
        return (envelope, null);
    }
}
