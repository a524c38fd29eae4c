using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class EventsCsvReaderTests
{
    private static readonly TimeZoneInfo Boston = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Timestamp_with_offset_keeps_its_wall_clock_and_quoted_address_keeps_its_comma()
    {
        const string csv = "requested_at,service_request_id,category,status,lat,lon,address\n" +
                           "2019-04-02T08:13:05-04:00,1,Illegal Parking,closed,42.35,-71.06,\"25 Sheridan St, Jamaica Plain\"\n";
        var row = Assert.Single(EventsCsvReader.Read(new StringReader(csv), "test.csv", TimeZoneInfo.Utc));
        Assert.Equal(new DateTime(2019, 4, 2, 8, 13, 5), row.At.DateTime);
        Assert.Equal(TimeSpan.FromHours(-4), row.At.Offset);
        Assert.Equal("25 Sheridan St, Jamaica Plain", row.Address);
        Assert.Equal(-71.06, row.Lon);
    }

    [Fact]
    public void Timestamp_without_offset_is_wall_clock_in_the_given_zone() =>
        Assert.Equal(TimeSpan.FromHours(-5), EventsCsvReader.ParseTimestamp("2019-01-15T08:00:00", Boston).Offset);

    [Fact]
    public void Bad_coordinate_names_row_and_column()
    {
        const string csv = "requested_at,category,lat,lon\n2019-04-02T08:13:05-04:00,X,42.35,west\n";
        var error = Assert.Throws<FormatException>(() => EventsCsvReader.Read(new StringReader(csv), "test.csv", Boston));
        Assert.Contains("test.csv row 2: lon 'west'", error.Message);
    }

    [Fact]
    public void Local_projection_measures_a_hundredth_degree_of_latitude_as_1112_metres()
    {
        var projection = new LocalProjection(-71.06, 42.35);
        var (_, y) = projection.ToPlanar(-71.06, 42.36);
        Assert.Equal(1111.95, y, 1);
        var (lon, lat) = projection.ToLonLat(projection.ToPlanar(-71.1, 42.3).X, projection.ToPlanar(-71.1, 42.3).Y);
        Assert.Equal(-71.1, lon, 9);
        Assert.Equal(42.3, lat, 9);
    }
}
