using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Equirectangular projection around a centre, in metres: for data outside the Netherlands (no RD New). Over a city
/// (tens of km) distances are off by well under 1 %, far below a 100 m cell.
/// </summary>
public sealed class LocalProjection(double centreLon, double centreLat)
{
    private const double EarthRadius = 6_371_008.8;
    private const double Radians = Math.PI / 180;
    private readonly double _metresPerDegreeLon = EarthRadius * Radians * Math.Cos(centreLat * Radians);
    private const double MetresPerDegreeLat = EarthRadius * Radians;

    public double CentreLon { get; } = centreLon;
    public double CentreLat { get; } = centreLat;

    /// <summary>Centred on the mean of the points, so the data's own area is where distances are best.</summary>
    public static LocalProjection AroundCentroid(IEnumerable<(double Lon, double Lat)> points)
    {
        double lon = 0, lat = 0;
        long count = 0;
        foreach (var point in points)
        {
            lon += point.Lon;
            lat += point.Lat;
            count++;
        }
        return count == 0 ? throw new ArgumentException("no points to centre on", nameof(points)) : new(lon / count, lat / count);
    }

    public (double X, double Y) ToPlanar(double lon, double lat) =>
        ((lon - CentreLon) * _metresPerDegreeLon, (lat - CentreLat) * MetresPerDegreeLat);

    public (double Lon, double Lat) ToLonLat(double x, double y) =>
        (CentreLon + x / _metresPerDegreeLon, CentreLat + y / MetresPerDegreeLat);

    /// <summary>A lon/lat copy of a planar geometry (vertices rounded to 1e-7°).</summary>
    public NetTopologySuite.Geometries.Geometry ToLonLat(NetTopologySuite.Geometries.Geometry geometry)
    {
        var copy = geometry.Copy();
        copy.Apply(new LonLatFilter(this));
        return copy;
    }

    private sealed class LonLatFilter(LocalProjection projection) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var (lon, lat) = projection.ToLonLat(seq.GetX(i), seq.GetY(i));
                seq.SetX(i, Math.Round(lon, 7));
                seq.SetY(i, Math.Round(lat, 7));
            }
        }
    }
}
