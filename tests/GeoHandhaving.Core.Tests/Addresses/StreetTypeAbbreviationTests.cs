using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

/// <summary>The general rule for abbreviated street types (<see cref="StreetNames.Abbreviates"/>), alone and in the geocoder.</summary>
public class StreetTypeAbbreviationTests
{
    private static readonly Geocoder Streets = TestAddresses.GeocoderFromCsv(
        """
        straat,huisnummer,huisletter,toevoeging,postcode,woonplaats,x_rd,y_rd
        Brouwersgracht,10,,,1013GW,Amsterdam,121000,488000
        Zeedijk,5,,,1012AN,Amsterdam,121800,487700
        Nassausingel,3,,,1013AA,Amsterdam,120900,488100
        Stadionweg,3,,,1077RV,Amsterdam,120500,484500
        Vondelstraat,7,,,1054GA,Amsterdam,120000,486000
        Vondelpark,2,,,1071AA,Amsterdam,120100,485900
        Herenstraat,28,,,1015CB,Amsterdam,121100,487900
        Berenstraat,28,,,1016GH,Amsterdam,120800,487400
        Bos en Lommerplein,1,,,1055AD,Amsterdam,118000,488000
        Bos en Lommerplantsoen,1,,,1055AA,Amsterdam,118100,488100
        Dam,1,,,1012JS,Amsterdam,121394,487383
        Spui,4,,,1012WX,Amsterdam,121100,486900
        WG-plein,41,,,1054RA,Amsterdam,119700,486600
        """);

    [Theory]
    [InlineData("str", "straat")]
    [InlineData("strt", "straat")]
    [InlineData("sngl", "singel")]
    [InlineData("sing", "singel")]
    [InlineData("kd", "kade")]
    [InlineData("dk", "dijk")]
    [InlineData("wg", "weg")]
    [InlineData("grcht", "gracht")]
    [InlineData("pln", "plein")]
    [InlineData("drf", "dreef")]
    [InlineData("stg", "steeg")]
    public void A_prefix_or_consonant_skeleton_of_the_type_abbreviates_it(string typed, string type) =>
        Assert.True(StreetNames.Abbreviates(typed, type));

    [Theory]
    [InlineData("s", "straat")] // one letter says too little
    [InlineData("tr", "straat")] // the first letter must be the type's
    [InlineData("stx", "straat")] // a letter the type does not have
    [InlineData("trs", "straat")]
    [InlineData("ksd", "kade")] // letters out of order
    public void Letters_the_type_does_not_have_in_that_order_do_not_abbreviate_it(string typed, string type) =>
        Assert.False(StreetNames.Abbreviates(typed, type));

    [Theory]
    [InlineData("sgnl", "singel")] // swapped neighbours
    [InlineData("strtt", "straat")] // a letter too many
    [InlineData("grxht", "gracht")] // a wrong letter
    public void An_abbreviation_with_one_typo_is_recognised_as_such(string typed, string type)
    {
        Assert.False(StreetNames.Abbreviates(typed, type));
        Assert.True(StreetNames.AbbreviatesWithTypo(typed, type));
    }

    [Theory]
    [InlineData("Brouwersgrcht 10", "Brouwersgracht 10, 1013GW Amsterdam")]
    [InlineData("Brouwers gra. 10", "Brouwersgracht 10, 1013GW Amsterdam")]
    [InlineData("Zeedk 5", "Zeedijk 5, 1012AN Amsterdam")]
    [InlineData("Nassausngl 3 Amsterdam", "Nassausingel 3, 1013AA Amsterdam")]
    [InlineData("Nassau sing. 3", "Nassausingel 3, 1013AA Amsterdam")]
    [InlineData("Vondelstrt 7", "Vondelstraat 7, 1054GA Amsterdam")]
    [InlineData("Vondel st. 7", "Vondelstraat 7, 1054GA Amsterdam")] // "st" last is straat, not Sint
    [InlineData("Vondelpk 2", "Vondelpark 2, 1071AA Amsterdam")]
    [InlineData("WG-pln 41", "WG-plein 41, 1054RA Amsterdam")]
    public void Abbreviated_street_types_match(string query, string expected) => AssertMatched(query, expected, MatchTypes.AfgekorteStraat);

    [Theory]
    [InlineData("Nassausgnl 3", "Nassausingel 3, 1013AA Amsterdam")]
    [InlineData("Brouwersgrhct 10", "Brouwersgracht 10, 1013GW Amsterdam")]
    [InlineData("Brouwrsgrcht 10", "Brouwersgracht 10, 1013GW Amsterdam")]
    [InlineData("Vondlstr. 7", "Vondelstraat 7, 1054GA Amsterdam")]
    public void An_abbreviation_with_a_typo_in_it_or_in_the_name_matches_as_fuzzy(string query, string expected) =>
        AssertMatched(query, expected, MatchTypes.FuzzyStraat);

    [Theory]
    [InlineData("Dma 1", "Dam 1, 1012JS Amsterdam")]
    [InlineData("Spiu 4", "Spui 4, 1012WX Amsterdam")]
    [InlineData("Spu 4", "Spui 4, 1012WX Amsterdam")]
    public void A_typo_in_a_short_name_matches(string query, string expected) => AssertMatched(query, expected, MatchTypes.FuzzyStraat);

    [Theory]
    [InlineData("Erenstr 28")] // one edit from both Herenstraat and Berenstraat, which both have 28
    [InlineData("Bos en Lommer pln 1")] // pln abbreviates plein and plantsoen
    public void An_abbreviation_that_fits_two_streets_is_ambiguous_with_both(string query)
    {
        var result = Streets.Geocode(query);
        Assert.True(result.Status == GeocodeStatus.Ambiguous, $"'{query}': {result.Status} {result.Address} ({result.Reason})");
        Assert.Equal(2, result.Candidates.Count);
    }

    [Theory]
    [InlineData("Vondelpk 7")] // Vondelpark has no 7: never the Vondelstraat 7 next to it
    [InlineData("Vondelstrt 2")] // and Vondelstraat has no 2
    [InlineData("Vondelsx 7")] // x is no letter of a street type
    public void A_near_miss_does_not_match_another_street(string query)
    {
        var result = Streets.Geocode(query);
        Assert.True(result.Status == GeocodeStatus.Unmatched, $"'{query}': {result.Status} {result.Address} ({result.Reason})");
    }

    [Fact]
    public void An_abbreviated_street_with_its_postcode_matches_on_the_postcode() =>
        AssertMatched("Nassausngl 3, 1013AA", "Nassausingel 3, 1013AA Amsterdam", MatchTypes.PostcodeHuisnummerStraat);

    private static void AssertMatched(string query, string expected, string matchType)
    {
        var result = Streets.Geocode(query);
        Assert.True(result.Status == GeocodeStatus.Matched, $"'{query}': {result.Status} ({result.Reason})");
        Assert.Equal(expected, result.Address!.ToString());
        Assert.Equal(matchType, result.MatchType);
    }
}
