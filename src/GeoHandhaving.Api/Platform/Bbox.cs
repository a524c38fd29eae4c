using System.Globalization;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The one parser for a bbox query parameter: <c>minx,miny,maxx,maxy</c> (or the six numbers of a 3D box) in CRS84
/// (lon first) unless <c>bbox-crs</c> names RD New, returned as an RD New envelope. A box that does not touch the
/// Netherlands is refused, naming it.
/// </summary>
public static class Bbox
{
    public static (Envelope? Rd, ProblemHttpResult? Problem) Parse(string? value, string? bboxCrs = null, string field = "bbox")
    {
        if (string.IsNullOrWhiteSpace(value)) return (null, null);
        if (Crs.Parse(bboxCrs) is not { } crs) return (null, Crs.Unsupported("bbox-crs", bboxCrs));
        var parts = value.Split(',');
        var numbers = new double[parts.Length];
        if (parts.Length is not (4 or 6)
            || parts.Where((p, i) => !double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i])).Any())
        {
            return (null, Problems.InvalidField(field, $"vier getallen: minx,miny,maxx,maxy (in {crs.Uri}; CRS84 is lon,lat).", value));
        }
        var (minX, minY, maxX, maxY) = parts.Length == 4
            ? (numbers[0], numbers[1], numbers[2], numbers[3]) : (numbers[0], numbers[1], numbers[3], numbers[4]);
        if (minX > maxX || minY > maxY)
        {
            return (null, Problems.InvalidField(field, "min groter dan max; volgorde is minx,miny,maxx,maxy.", value));
        }
        var box = new Envelope(minX, maxX, minY, maxY);
        var area = crs.Srid == RdNew.Srid ? RdNew.ValidArea : RdNew.NetherlandsLonLat;
        if (!area.Intersects(box))
        {
            return (null, Problems.Unprocessable("outside-netherlands", "Bbox buiten Nederland",
                $"bbox {value} ligt buiten Nederland (in {crs.Uri}; CRS84 is lon,lat).", new Dictionary<string, object?> { ["field"] = field }));
        }
        box = box.Intersection(area);
        return (crs.Srid == RdNew.Srid ? box : RdNew.ToRd(Densified(RdNew.Wgs84Factory.ToGeometry(box), box.Width / 16)).EnvelopeInternal, null);
    }

    /// <summary>An RD New envelope as a CRS84 bbox [minLon, minLat, maxLon, maxLat] that still contains it.</summary>
    public static double[] ToCrs84(Envelope rd)
    {
        var lonLat = RdNew.ToWgs84(Densified(RdNew.RdFactory.ToGeometry(rd), 100)).EnvelopeInternal;
        return [lonLat.MinX, lonLat.MinY, lonLat.MaxX, lonLat.MaxY];
    }

    /// <summary>The edges densified, so that the box transformed to another CRS still contains the original.</summary>
    private static Geometry Densified(Geometry geometry, double step) => step > 0 ? Densifier.Densify(geometry, step) : geometry;
}
