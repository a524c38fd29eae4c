using System.Diagnostics.CodeAnalysis;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The one CRS type of the API, for what comes in and what goes out: CRS84 (WGS84 lon/lat, RFC 7946) by default, RD New
/// when asked with <c>crs=http://www.opengis.net/def/crs/EPSG/0/28992</c> (or, for a body, the Content-Crs header).
/// Every geometry response names its CRS in Content-Crs; an unknown CRS is refused with 400 listing the supported ones.
/// </summary>
public sealed record Crs(string Uri, int Srid)
{
    public static readonly Crs Crs84 = new(RdNew.Crs84Uri, RdNew.Wgs84Srid);
    public static readonly Crs RdNewCrs = new(RdNew.CrsUri, RdNew.Srid);
    public static readonly IReadOnlyList<string> Supported = [Crs84.Uri, RdNewCrs.Uri];

    /// <summary>Parses a CRS name (URI, URN or EPSG code); empty means CRS84; null when this API does not serve it.</summary>
    public static Crs? Parse(string? value) => value?.Trim().Trim('<', '>', ' ') switch
    {
        null or "" => Crs84,
        RdNew.Crs84Uri or "CRS84" or "urn:ogc:def:crs:OGC:1.3:CRS84" => Crs84,
        RdNew.CrsUri or "EPSG:28992" or "urn:ogc:def:crs:EPSG::28992" => RdNewCrs,
        _ => null,
    };

    /// <summary>
    /// The CRS a response speaks (query parameter <c>crs</c>); names it in the Content-Crs header of <paramref name="response"/>.
    /// False with the problem when it is not supported.
    /// </summary>
    public static bool TryForResponse(string? crs, HttpResponse response, [NotNullWhen(true)] out Crs? output,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        output = Parse(crs);
        problem = output is null ? Unsupported("crs", crs) : null;
        if (output is not null) response.Headers["Content-Crs"] = output.ContentCrsHeader;
        return output is not null;
    }

    /// <summary>The CRS of a request body: the Content-Crs header (OGC API Features Part 4), else the <c>crs</c> parameter.</summary>
    public static bool TryForRequest(HttpRequest request, string? crs, [NotNullWhen(true)] out Crs? input,
        [NotNullWhen(false)] out ProblemHttpResult? problem)
    {
        var (field, value) = request.Headers["Content-Crs"].FirstOrDefault() is { Length: > 0 } header ? ("Content-Crs", header) : ("crs", crs);
        input = Parse(value);
        problem = input is null ? Unsupported(field, value) : null;
        return input is not null;
    }

    /// <summary>400 naming the field and the CRSs this API serves.</summary>
    public static ProblemHttpResult Unsupported(string field, string? value) =>
        Problems.InvalidField(field, $"Ondersteund: {string.Join(", ", Supported)}.", value);

    public string ContentCrsHeader => $"<{Uri}>";

    /// <summary>Converts a stored RD New geometry to this CRS; polygons leave with counter-clockwise outer rings (RFC 7946).</summary>
    public NetTopologySuite.Geometries.Geometry FromStorage(NetTopologySuite.Geometries.Geometry rd)
    {
        var output = Srid == RdNew.Srid ? rd.Copy() : RdNew.ToWgs84(rd);
        return OrientForGeoJson(output);
    }

    /// <summary>Converts an incoming geometry in this CRS to RD New for storage.</summary>
    public NetTopologySuite.Geometries.Geometry ToStorage(NetTopologySuite.Geometries.Geometry input) =>
        Srid == RdNew.Srid ? RdNew.RdFactory.CreateGeometry(input) : RdNew.ToRd(input);

    /// <summary>Whether a coordinate in this CRS lies where this API accepts it: the Netherlands (CRS84) or RD New's area.</summary>
    public bool Accepts(double xOrLon, double yOrLat) =>
        Srid == RdNew.Srid ? RdNew.IsInValidArea(xOrLon, yOrLat) : RdNew.IsInNetherlands(xOrLon, yOrLat);

    private static NetTopologySuite.Geometries.Geometry OrientForGeoJson(NetTopologySuite.Geometries.Geometry geometry) => geometry switch
    {
        Polygon p => OrientPolygon(p),
        MultiPolygon mp => mp.Factory.CreateMultiPolygon(mp.Geometries.Cast<Polygon>().Select(OrientPolygon).ToArray()),
        _ => geometry,
    };

    private static Polygon OrientPolygon(Polygon polygon)
    {
        var shell = Orient(polygon.Shell, counterClockwise: true);
        var holes = polygon.Holes.Select(h => Orient(h, counterClockwise: false)).ToArray();
        return polygon.Factory.CreatePolygon(shell, holes);
    }

    private static LinearRing Orient(LinearRing ring, bool counterClockwise) =>
        ring.IsCCW == counterClockwise ? ring : (LinearRing)ring.Reverse();
}
