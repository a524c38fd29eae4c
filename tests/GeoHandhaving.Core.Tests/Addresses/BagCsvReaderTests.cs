using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class BagCsvReaderTests
{
    [Fact]
    public void The_apollobuurt_fixture_reads_completely_with_codes_and_points()
    {
        var errors = new List<BagCsvRowError>();
        var addresses = BagCsvReader.ReadFile(TestAddresses.FixturePath("fixture_apollobuurt/adressen.csv"), errors).ToList();
        Assert.Empty(errors);
        Assert.Equal(4142, addresses.Count);
        Assert.Equal(
            new BagAddress("Apollolaan", 1, null, null, Postcode.Parse("1077AA"), "Amsterdam", 120677.02, 484535.96, 4.883480, 52.347661, "BU0363KJ06",
                "WK0363KJ"),
            addresses[0]);
    }

    [Fact]
    public void Bad_rows_are_reported_with_row_number_field_and_reason_and_good_rows_are_read()
    {
        const string csv =
            """
            straat,huisnummer,huisletter,toevoeging,postcode,woonplaats,x_rd,y_rd
            Dam,1,,,1012JS,Amsterdam,121394.03,487383.05
            Dam,x,,,1012JS,Amsterdam,121394.03,487383.05
            Dam,2,AB,,1012JS,Amsterdam,121394.03,487383.05
            Dam,3,,12345,1012JS,Amsterdam,121394.03,487383.05
            Dam,4,,,1012SA,Amsterdam,121394.03,487383.05
            Dam,5,,,1012JS,,121394.03,487383.05
            Dam,6,,,1012JS,Amsterdam,abc,487383.05
            Dam,7,,,1012JS,Amsterdam
            ,8,,,1012JS,Amsterdam,121394.03,487383.05
            Dam,9,,,1012JS,Amsterdam,,
            "Dam, achterzijde",10,,,1012JS,Amsterdam,121394.03,487383.05
            """;
        var errors = new List<BagCsvRowError>();
        var addresses = BagCsvReader.Read(new StringReader(csv), errors).ToList();

        Assert.Equal(["Dam", "Dam, achterzijde"], addresses.Select(a => a.Straat));
        Assert.Equal(
            [(3L, "huisnummer"), (4, "huisletter"), (5, "huisnummertoevoeging"), (6, "postcode"), (7, "woonplaatsnaam"), (8, "x_rd"),
             (9, "*"), (10, "openbareruimtenaam"), (11, "x_rd")],
            errors.Select(e => (e.RowNumber, e.Field)));
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Contains("1012SA", errors.Single(e => e.Field == "postcode").Reason);
    }

    [Fact]
    public void Minimal_layout_with_lon_lat_only_gets_rd_computed()
    {
        const string csv = "openbareruimtenaam,huisnummer,postcode,woonplaatsnaam,lon,lat\nDam,1,1012 JS,Amsterdam,4.893718,52.373293\n";
        var address = BagCsvReader.Read(new StringReader(csv), []).Single();
        Assert.Equal(121394.03, address.XRd, 0);
        Assert.Equal(487383.05, address.YRd, 0);
        Assert.Null(address.Huisletter);
    }

    [Fact]
    public void Minimal_layout_with_rd_only_gets_wgs84_computed()
    {
        const string csv = "straat,huisnummer,postcode,woonplaats,x_rd,y_rd\nDam,1,1012JS,Amsterdam,121394.03,487383.05\n";
        var address = BagCsvReader.Read(new StringReader(csv), []).Single();
        Assert.Equal(4.893718, address.Lon, 5);
        Assert.Equal(52.373293, address.Lat, 5);
    }

    [Fact]
    public void Header_without_coordinates_is_refused_with_the_missing_columns() =>
        Assert.Contains("x_rd,y_rd or lon,lat", Assert.Throws<InvalidDataException>(() =>
            BagCsvReader.Read(new StringReader("straat,huisnummer,postcode,woonplaats\n"), []).ToList()).Message);

    [Fact]
    public void Gzipped_files_are_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bag-{Guid.NewGuid():N}.csv.gz");
        try
        {
            using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
            using (var writer = new StreamWriter(gzip))
            {
                writer.Write(TestAddresses.CentreAndWeespCsv);
            }
            var errors = new List<BagCsvRowError>();
            Assert.Equal(16, BagCsvReader.ReadFile(path, errors).Count());
            Assert.Empty(errors);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
