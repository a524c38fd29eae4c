using GeoHandhaving.Core.Geometry;

namespace GeoHandhaving.Core.Tests.Geometry;

public class RdNewTests
{
    // Reference points from the shared BAG SOURCE.md (PROJ "Amersfoort to WGS 84 (4)").
    [Theory]
    [InlineData(4.905167, 52.377780, 122177.01, 487877.04)] // De Ruijterkade 105-1
    [InlineData(4.893718, 52.373293, 121394.03, 487383.05)] // Dam 1
    public void Wgs84_to_rd_agrees_with_proj_within_a_metre(double lon, double lat, double x, double y)
    {
        var (rx, ry) = RdNew.ToRd(lon, lat);
        Assert.InRange(rx - x, -1.0, 1.0);
        Assert.InRange(ry - y, -1.0, 1.0);
    }

    [Fact]
    public void Round_trip_rd_wgs84_rd_is_within_two_centimetres()
    {
        var (lon, lat) = RdNew.ToWgs84(121394.03, 487383.05);
        var (x, y) = RdNew.ToRd(lon, lat);
        Assert.InRange(x, 121394.01, 121394.05);
        Assert.InRange(y, 487383.03, 487383.07);
    }

    [Fact]
    public void Points_outside_the_netherlands_are_recognised()
    {
        Assert.True(RdNew.IsInNetherlands(4.9, 52.37));
        Assert.False(RdNew.IsInNetherlands(-71.06, 42.36));
        Assert.False(RdNew.IsInValidArea(500_000, 100_000));
    }
}
