using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class GeocodeCsvTests
{
    [Fact]
    public void Matched_row_has_the_address_and_both_points()
    {
        var result = TestAddresses.Apollobuurt.Geocode("1077AA 1");
        Assert.Equal("7,matched,1.00,Apollolaan,1,,,1077AA,Amsterdam,120677.02,484535.96,4.883480,52.347661",
            GeocodeCsv.FormatRow("7", result));
    }

    [Fact]
    public void Unmatched_row_keeps_the_columns_and_a_hostile_id_is_neutralised() =>
        Assert.Equal("'=1+1,unmatched,0.00,,,,,,,,,,", GeocodeCsv.FormatRow("=1+1", GeocodeResult.Unmatched("no house number")));

    [Fact]
    public void Header_has_thirteen_columns() => Assert.Equal(13, GeocodeCsv.Header.Split(',').Length);
}
