using System.Globalization;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The one parser for a point given in query parameters: lon/lat (WGS84) or x/y (RD New). Returns RD New and
/// refuses points outside the Netherlands, naming the coordinate.
/// </summary>
public static class PointParameters
{
    public static ((double X, double Y)? Rd, ProblemHttpResult? Problem) Parse(double? lon, double? lat, double? x, double? y)
    {
        if (lon is { } lo && lat is { } la)
        {
            if (!RdNew.IsInNetherlands(lo, la))
            {
                return (null, Problems.Unprocessable("outside-netherlands", "Punt buiten Nederland",
                    $"({Format(lo)}, {Format(la)}) ligt buiten Nederland; lon/lat in WGS84 verwacht (lon eerst).",
                    new Dictionary<string, object?> { ["field"] = "lon/lat", ["coordinate"] = new[] { lo, la } }));
            }
            return (RdNew.ToRd(lo, la), null);
        }
        if (x is { } rx && y is { } ry)
        {
            if (!RdNew.IsInValidArea(rx, ry))
            {
                return (null, Problems.Unprocessable("outside-rd-area", "Punt buiten RD New",
                    $"({Format(rx)}, {Format(ry)}) ligt buiten het geldigheidsgebied van RD New (EPSG:28992).",
                    new Dictionary<string, object?> { ["field"] = "x/y", ["coordinate"] = new[] { rx, ry } }));
            }
            return ((rx, ry), null);
        }
        return (null, Problems.InvalidField("lon/lat", "geef lon en lat (WGS84) of x en y (RD New)."));
    }

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
