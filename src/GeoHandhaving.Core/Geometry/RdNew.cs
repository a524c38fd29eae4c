using NetTopologySuite;
using NetTopologySuite.Geometries;
using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;

namespace GeoHandhaving.Core.Geometry;

/// <summary>
/// The one place where RD New (EPSG:28992, storage CRS) and WGS84 (EPSG:4326 / CRS84, the GeoJSON edge) meet.
/// ProjNet with the EPSG TOWGS84 parameters agrees with PostGIS ST_Transform within millimetres for RD New.
/// </summary>
public static class RdNew
{
    public const int Srid = 28992;
    public const int Wgs84Srid = 4326;
    public const string CrsUri = "http://www.opengis.net/def/crs/EPSG/0/28992";
    public const string Crs84Uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    /// <summary>The validity area of RD New (EPSG area of use, rounded outward): x 0–300 km, y 300–625 km.</summary>
    public static readonly Envelope ValidArea = new(-7_000, 300_000, 289_000, 629_000);

    /// <summary>The Netherlands, land and territorial waters, in lon/lat: points outside are refused at the edge.</summary>
    public static readonly Envelope NetherlandsLonLat = new(3.2, 7.3, 50.7, 53.7);

    private const string RdWkt =
        "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\",SPHEROID[\"Bessel 1841\",6377397.155,299.1528128]," +
        "TOWGS84[565.2369,50.0087,465.658,-0.406857,0.350733,-1.87035,4.0812]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]]," +
        "PROJECTION[\"Oblique_Stereographic\"],PARAMETER[\"latitude_of_origin\",52.1561605555556],PARAMETER[\"central_meridian\",5.38763888888889]," +
        "PARAMETER[\"scale_factor\",0.9999079],PARAMETER[\"false_easting\",155000],PARAMETER[\"false_northing\",463000],UNIT[\"metre\",1]," +
        "AUTHORITY[\"EPSG\",\"28992\"]]";

    private static readonly MathTransform ToWgs84Transform;
    private static readonly MathTransform ToRdTransform;

    public static GeometryFactory RdFactory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(Srid);
    public static GeometryFactory Wgs84Factory { get; } = NtsGeometryServices.Instance.CreateGeometryFactory(Wgs84Srid);

    static RdNew()
    {
        var rd = (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(RdWkt);
        var wgs84 = GeographicCoordinateSystem.WGS84;
        var factory = new CoordinateTransformationFactory();
        ToWgs84Transform = factory.CreateFromCoordinateSystems(rd, wgs84).MathTransform;
        ToRdTransform = factory.CreateFromCoordinateSystems(wgs84, rd).MathTransform;
    }

    public static (double Lon, double Lat) ToWgs84(double x, double y)
    {
        var (lon, lat) = ToWgs84Transform.Transform(x, y);
        return (lon, lat);
    }

    /// <summary>
    /// The exact inverse of <see cref="ToWgs84(double, double)"/>: ProjNet's own inverse lands 1–2 cm off its forward
    /// transformation, so a geometry read in CRS84 and written back would move. One Newton step on the forward
    /// transformation (its Jacobian over a metre) brings RD → WGS84 → RD back to well below a millimetre.
    /// </summary>
    public static (double X, double Y) ToRd(double lon, double lat)
    {
        var (x, y) = ToRdTransform.Transform(lon, lat);
        var (lon0, lat0) = ToWgs84Transform.Transform(x, y);
        var (lonX, latX) = ToWgs84Transform.Transform(x + 1, y);
        var (lonY, latY) = ToWgs84Transform.Transform(x, y + 1);
        var (a, b, c, d) = (lonX - lon0, lonY - lon0, latX - lat0, latY - lat0);
        var det = a * d - b * c;
        var (dLon, dLat) = (lon - lon0, lat - lat0);
        return (x + (d * dLon - b * dLat) / det, y + (a * dLat - c * dLon) / det);
    }

    /// <summary>A copy of <paramref name="geometry"/> in WGS84 lon/lat (SRID 4326), vertices rounded to 1e-7° (≈ 1 cm).</summary>
    public static NetTopologySuite.Geometries.Geometry ToWgs84(NetTopologySuite.Geometries.Geometry geometry) =>
        Transform(geometry, Wgs84Factory, ToWgs84, 1e7);

    /// <summary>A copy of <paramref name="geometry"/> (lon/lat) in RD New, vertices rounded to the millimetre.</summary>
    public static NetTopologySuite.Geometries.Geometry ToRd(NetTopologySuite.Geometries.Geometry geometry) =>
        Transform(geometry, RdFactory, ToRd, 1e3);

    public static bool IsInNetherlands(double lon, double lat) => NetherlandsLonLat.Contains(lon, lat);

    public static bool IsInValidArea(double x, double y) => ValidArea.Contains(x, y);

    private static NetTopologySuite.Geometries.Geometry Transform(
        NetTopologySuite.Geometries.Geometry geometry, GeometryFactory target, Func<double, double, (double, double)> transform, double scale)
    {
        var copy = target.CreateGeometry(geometry);
        copy.Apply(new TransformFilter(transform, scale));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class TransformFilter(Func<double, double, (double, double)> transform, double scale) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = transform(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, Math.Round(x * scale) / scale);
            seq.SetY(i, Math.Round(y * scale) / scale);
        }
    }
}
