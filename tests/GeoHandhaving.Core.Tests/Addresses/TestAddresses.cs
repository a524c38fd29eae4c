using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

/// <summary>Test indexes: the Apollobuurt fixture (real BAG rows) and a few city-centre and Weesp rows in the minimal CSV layout.</summary>
internal static class TestAddresses
{
    private static readonly Lazy<Geocoder> ApollobuurtGeocoder = new(() =>
    {
        var errors = new List<BagCsvRowError>();
        var index = AddressIndex.Build(BagCsvReader.ReadFile(FixturePath("fixture_apollobuurt/adressen.csv"), errors).ToList());
        Assert.Empty(errors);
        return new Geocoder(index);
    });

    private static readonly Lazy<Geocoder> CentreAndWeespGeocoder = new(() => GeocoderFromCsv(CentreAndWeespCsv));

    public static Geocoder Apollobuurt => ApollobuurtGeocoder.Value;

    /// <summary>Real BAG-2018 rows, some toevoegingen adapted to exercise spellings; Kerkstraat exists in Amsterdam and Weesp.</summary>
    public static Geocoder CentreAndWeesp => CentreAndWeespGeocoder.Value;

    public const string CentreAndWeespCsv =
        """
        straat,huisnummer,huisletter,toevoeging,postcode,woonplaats,x_rd,y_rd
        Dam,1,,,1012JS,Amsterdam,121394.03,487383.05
        De Ruijterkade,105,,1,1011AB,Amsterdam,122177.01,487877.04
        De Ruijterkade,105,,2,1011AB,Amsterdam,122177.01,487877.04
        De Ruijterkade,105,,H,1011AB,Amsterdam,122177.01,487877.04
        Burgemeester Röellstraat,12,,,1064BN,Amsterdam,117361.99,487444.97
        Eerste Constantijn Huygensstraat,20,,H,1054BR,Amsterdam,119999.03,486459.98
        Eerste Constantijn Huygensstraat,20,,1,1054BR,Amsterdam,119999.03,486459.98
        Eerste Constantijn Huygensstraat,20,,3,1054BR,Amsterdam,119999.03,486459.98
        Kerkstraat,1,,,1017GA,Amsterdam,120734.98,486613.04
        Kerkstraat,3,,,1017GA,Amsterdam,120738.02,486609.01
        Kerkstraat,1,,,1381XN,Weesp,131553.87,479998.25
        Kerkstraat,9,,,1381XN,Weesp,131545.52,479993.06
        Utrechtseweg,112,,bis,1381GT,Weesp,131000.00,479000.00
        Sint Nicolaasstraat,1,,,1012NJ,Amsterdam,121250.00,487600.00
        Professor Tulpplein,1,,,1018GX,Amsterdam,122100.00,486300.00
        Gerrit van der Veenstraat,11,,,1077DM,Amsterdam,120200.00,484900.00
        """;

    public static Geocoder GeocoderFromCsv(string csv)
    {
        var errors = new List<BagCsvRowError>();
        var addresses = BagCsvReader.Read(new StringReader(csv), errors).ToList();
        Assert.Empty(errors);
        return new Geocoder(AddressIndex.Build(addresses));
    }

    /// <summary>A file under the shared data folder: <c>../shared/data/nl/amsterdam/</c> next to the repository root.</summary>
    public static string FixturePath(string relativeToAmsterdam) =>
        GeoHandhaving.Testing.SharedData.Path(Path.Combine("nl", "amsterdam", relativeToAmsterdam));
}
