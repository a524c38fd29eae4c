using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The CRS a response speaks: CRS84 (WGS84 lon/lat, RFC 7946) by default, RD New when asked with
/// <c>crs=http://www.opengis.net/def/crs/EPSG/0/28992</c>. Every geometry response names it in Content-Crs.
/// </summary>
public sealed record OutputCrs(string Uri, int Srid)
{
    public static readonly OutputCrs Crs84 = new(RdNew.Crs84Uri, RdNew.Wgs84Srid);
    public static readonly OutputCrs RdNewCrs = new(RdNew.CrsUri, RdNew.Srid);
    public static readonly IReadOnlyList<string> Supported = [Crs84.Uri, RdNewCrs.Uri];

    /// <summary>Parses the crs query parameter; null when it names a CRS this API does not serve.</summary>
    public static OutputCrs? Parse(string? value) => value?.Trim() switch
    {
        null or "" => Crs84,
        RdNew.Crs84Uri or "CRS84" or "urn:ogc:def:crs:OGC:1.3:CRS84" => Crs84,
        RdNew.CrsUri or "EPSG:28992" or "urn:ogc:def:crs:EPSG::28992" => RdNewCrs,
        _ => null,
    };

    public string ContentCrsHeader => $"<{Uri}>";

    /// <summary>Converts a stored RD New geometry to this CRS; polygons leave with counter-clockwise outer rings (RFC 7946).</summary>
    public NetTopologySuite.Geometries.Geometry FromStorage(NetTopologySuite.Geometries.Geometry rd)
    {
        var output = Srid == RdNew.Srid ? rd.Copy() : RdNew.ToWgs84(rd);
        return OrientForGeoJson(output);
    }

    /// <summary>Converts an incoming geometry in this CRS to RD New for storage.</summary>
    public NetTopologySuite.Geometries.Geometry ToStorage(NetTopologySuite.Geometries.Geometry input)
    {
        if (Srid == RdNew.Srid)
        {
            var copy = RdNew.RdFactory.CreateGeometry(input);
            return copy;
        }
        return RdNew.ToRd(input);
    }

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
