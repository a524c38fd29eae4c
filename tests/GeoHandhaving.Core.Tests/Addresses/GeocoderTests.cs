using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class GeocoderTests
{
    private static readonly Geocoder Apollobuurt = TestAddresses.Apollobuurt;
    private static readonly Geocoder Centre = TestAddresses.CentreAndWeesp;

    private static BagAddress AssertMatched(Geocoder geocoder, string query, string expected)
    {
        var result = geocoder.Geocode(query);
        Assert.True(result.Status == GeocodeStatus.Matched, $"'{query}': {result.Status} ({result.Reason})");
        Assert.Equal(expected, result.Address!.ToString());
        return result.Address;
    }

    private static GeocodeResult AssertStatus(Geocoder geocoder, string query, GeocodeStatus status)
    {
        var result = geocoder.Geocode(query);
        Assert.True(result.Status == status, $"'{query}': {result.Status} {result.Address} ({result.Reason})");
        return result;
    }

    [Theory]
    [InlineData("1077BD 1")]
    [InlineData("1077 bd 1")]
    [InlineData("1077bd 1 Amsterdam")]
    [InlineData("Beethovenstraat 1, 1077BD Amsterdam")]
    [InlineData("Beethovenstraat 1 1077 BD")]
    [InlineData("1077 BD, Beethovenstraat 1")]
    public void Postcode_with_space_and_lowercase_letters_matches(string query) =>
        AssertMatched(Apollobuurt, query, "Beethovenstraat 1, 1077BD Amsterdam");

    [Fact]
    public void Postcode_and_number_match_with_full_score_and_the_point_in_both_crs()
    {
        var result = Apollobuurt.Geocode("1077AA 1");
        Assert.Equal(MatchTypes.PostcodeHuisnummer, result.MatchType);
        Assert.Equal(1.0, result.Score);
        Assert.Equal((120677.02, 484535.96), (result.Address!.XRd, result.Address.YRd));
        Assert.Equal((4.883480, 52.347661), (result.Address.Lon, result.Address.Lat));
    }

    [Theory]
    [InlineData("Dam 1, 1012JS Amsterdam", "Dam 1, 1012JS Amsterdam")]
    [InlineData("1012 js 1", "Dam 1, 1012JS Amsterdam")]
    [InlineData("de ruijterkade 105-1 amsterdam", "De Ruijterkade 105-1, 1011AB Amsterdam")]
    [InlineData("De Ruijterkade 105 1", "De Ruijterkade 105-1, 1011AB Amsterdam")]
    [InlineData("Burg. Röellstr. 12 A'dam", "Burgemeester Röellstraat 12, 1064BN Amsterdam")]
    [InlineData("1e Const. Huygensstr 20 hs", "Eerste Constantijn Huygensstraat 20-H, 1054BR Amsterdam")]
    [InlineData("1e Constantijn Huygensstraat 20 huis", "Eerste Constantijn Huygensstraat 20-H, 1054BR Amsterdam")]
    [InlineData("Eerste Constantijn Huygensstraat 20-hs", "Eerste Constantijn Huygensstraat 20-H, 1054BR Amsterdam")]
    [InlineData("Eerste Constantijn Huygensstraat 20 bg", "Eerste Constantijn Huygensstraat 20-H, 1054BR Amsterdam")]
    [InlineData("Eerste Constantijn Huygensstraat 20 III", "Eerste Constantijn Huygensstraat 20-3, 1054BR Amsterdam")]
    [InlineData("Utrechtseweg 112 bis Weesp", "Utrechtseweg 112-bis, 1381GT Weesp")]
    [InlineData("St. Nicolaasstr. 1", "Sint Nicolaasstraat 1, 1012NJ Amsterdam")]
    [InlineData("Prof. Tulppl. 1", "Professor Tulpplein 1, 1018GX Amsterdam")]
    [InlineData("Gerrit v. der Veenstr. 11", "Gerrit van der Veenstraat 11, 1077DM Amsterdam")]
    public void Typical_query_formats_match(string query, string expected) => AssertMatched(Centre, query, expected);

    [Theory]
    [InlineData("Beethovenstraat 105a")]
    [InlineData("Beethovenstraat 105 A")]
    [InlineData("Beethovenstraat 105-a")]
    [InlineData("beethovenstraat 105A amsterdam")]
    public void Huisletter_spellings_match(string query) => AssertMatched(Apollobuurt, query, "Beethovenstraat 105A, 1077HX Amsterdam");

    [Theory]
    [InlineData("Beethovenstraat 12-H")]
    [InlineData("Beethovenstraat 12 hs")]
    [InlineData("Beethovenstraat 12 huis")]
    [InlineData("Beethovenstraat 12-hs")]
    [InlineData("Beethovenstraat 12 H")]
    [InlineData("Beethovenstraat 12h")]
    [InlineData("Beethovenstraat 12 BG")]
    public void Ground_floor_spellings_match_toevoeging_h(string query) => AssertMatched(Apollobuurt, query, "Beethovenstraat 12-H, 1077JG Amsterdam");

    [Theory]
    [InlineData("Beethovenstraat 3A-2")]
    [InlineData("Beethovenstraat 3 a 2")]
    [InlineData("Beethovenstraat 3a-2")]
    public void Huisletter_with_toevoeging_matches(string query) => AssertMatched(Apollobuurt, query, "Beethovenstraat 3A-2, 1077HK Amsterdam");

    [Fact]
    public void Number_without_letter_matches_the_one_address_without_letter_or_toevoeging() =>
        AssertMatched(Apollobuurt, "Beethovenstraat 3", "Beethovenstraat 3, 1077HK Amsterdam");

    [Fact]
    public void Number_without_letter_where_every_address_has_one_is_ambiguous_with_candidates()
    {
        var result = AssertStatus(Apollobuurt, "Beethovenstraat 105", GeocodeStatus.Ambiguous);
        Assert.Equal(Geocoder.MaxCandidates, result.Candidates.Count);
        Assert.All(result.Candidates, c => Assert.Equal(105, c.Huisnummer));
        Assert.Contains("huisletter or toevoeging", result.Reason);
    }

    [Fact]
    public void Huisletter_without_the_toevoeging_its_addresses_need_is_ambiguous()
    {
        var result = AssertStatus(Apollobuurt, "Beethovenstraat 3a", GeocodeStatus.Ambiguous);
        Assert.All(result.Candidates, c => Assert.Equal("A", c.Huisletter));
    }

    [Theory]
    [InlineData("Beethovenstraat 9999", "9999")]
    [InlineData("1077BD 9999", "9999")]
    [InlineData("Beethovenstraat 2", "huisnummer 2 does not exist")]
    public void Number_that_does_not_exist_is_unmatched_with_the_reason(string query, string inReason)
    {
        var result = AssertStatus(Apollobuurt, query, GeocodeStatus.Unmatched);
        Assert.Null(result.Address);
        Assert.Contains(inReason, result.Reason);
    }

    [Fact]
    public void Letter_that_does_not_exist_is_unmatched_and_lists_the_existing_ones()
    {
        var result = AssertStatus(Apollobuurt, "Beethovenstraat 105 Z", GeocodeStatus.Unmatched);
        Assert.Contains("105Z does not exist", result.Reason);
        Assert.Contains("105A", result.Reason);
    }

    [Theory]
    [InlineData("Beethovnstraat 1")] // deletion
    [InlineData("Beethovenstrraat 1")] // insertion
    [InlineData("Beethovenstraet 1")] // substitution
    [InlineData("Beethvoenstraat 1")] // transposition
    [InlineData("beethovemstraat 1 amsterdam")]
    public void One_typo_in_the_street_name_matches_with_a_lower_score(string query)
    {
        var result = Apollobuurt.Geocode(query);
        Assert.Equal(GeocodeStatus.Matched, result.Status);
        Assert.Equal("Beethovenstraat 1, 1077BD Amsterdam", result.Address!.ToString());
        Assert.Equal(MatchTypes.FuzzyStraat, result.MatchType);
        Assert.InRange(result.Score, 0.5, 0.9);
    }

    [Fact]
    public void Typo_that_makes_a_word_look_like_an_abbreviation_still_matches()
    {
        // A swap in "berg" gives "begr", which ends like the abbreviation "gr" (gracht).
        var geocoder = TestAddresses.GeocoderFromCsv("straat,huisnummer,postcode,woonplaats,x_rd,y_rd\nKeverberg,41,1082BD,Amsterdam,119000,481000\n");
        AssertMatched(geocoder, "Keverbegr 41", "Keverberg 41, 1082BD Amsterdam");
    }

    [Fact]
    public void Two_typos_do_not_match() => AssertStatus(Apollobuurt, "Beethvoenstraet 1", GeocodeStatus.Unmatched);

    [Theory]
    [InlineData("Raphaelstraat 1")]
    [InlineData("RAPHAËLSTRAAT 1")]
    [InlineData("raphaëlstraat 1")]
    [InlineData("  raphael-straat   1 ,  amsterdam ")]
    public void Case_diacritics_punctuation_and_spaces_do_not_matter(string query) =>
        AssertMatched(Apollobuurt, query, "Raphaëlstraat 1, 1077PN Amsterdam");

    [Theory]
    [InlineData("Beethovenstraat 1 A'dam")]
    [InlineData("Beethovenstraat 1 Adam")]
    [InlineData("Beethovenstraat 1, Amsterdam-Zuidoost")]
    [InlineData("Beethovenstraat 1 Amsterdam Zuidoost")]
    [InlineData("Beethovenstraat 1")]
    public void Woonplaats_synonyms_or_no_woonplaats_match(string query) =>
        AssertMatched(Apollobuurt, query, "Beethovenstraat 1, 1077BD Amsterdam");

    [Fact]
    public void Woonplaats_synonyms_are_configurable()
    {
        var geocoder = new Geocoder(Apollobuurt.Index, new WoonplaatsSynonyms(new Dictionary<string, string> { ["Mokum"] = "Amsterdam" }));
        AssertMatched(geocoder, "Beethovenstraat 1 Mokum", "Beethovenstraat 1, 1077BD Amsterdam");
    }

    [Fact]
    public void Street_in_another_woonplaats_is_unmatched() =>
        Assert.Contains("not in Weesp", AssertStatus(Apollobuurt, "Beethovenstraat 1 Weesp", GeocodeStatus.Unmatched).Reason);

    [Fact]
    public void Unknown_woonplaats_is_unmatched_and_named() =>
        Assert.Contains("haarlem", AssertStatus(Apollobuurt, "Beethovenstraat 1 Haarlem", GeocodeStatus.Unmatched).Reason);

    [Theory]
    [InlineData("Kerkstraat 1")]
    [InlineData("Kerkstraat 9")] // exists only in Weesp, but the street exists in both woonplaatsen
    public void Street_in_two_woonplaatsen_without_woonplaats_is_ambiguous(string query) =>
        Assert.Contains("Amsterdam and Weesp", AssertStatus(Centre, query, GeocodeStatus.Ambiguous).Reason);

    [Theory]
    [InlineData("Kerkstraat 1 Amsterdam", "Kerkstraat 1, 1017GA Amsterdam")]
    [InlineData("Kerkstraat 1 Weesp", "Kerkstraat 1, 1381XN Weesp")]
    [InlineData("Kerkstraat 1, 1381 XN", "Kerkstraat 1, 1381XN Weesp")]
    public void Street_in_two_woonplaatsen_with_woonplaats_or_postcode_matches(string query, string expected) =>
        AssertMatched(Centre, query, expected);

    [Fact]
    public void Postcode_and_street_that_point_to_different_addresses_are_ambiguous_with_both()
    {
        // 1077BD 1 is Beethovenstraat 1; Apollolaan 1 is 1077AA.
        var result = AssertStatus(Apollobuurt, "Apollolaan 1, 1077BD", GeocodeStatus.Ambiguous);
        Assert.Contains("disagree", result.Reason);
        Assert.Equal(["Beethovenstraat 1, 1077BD Amsterdam", "Apollolaan 1, 1077AA Amsterdam"], result.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Postcode_without_the_number_but_a_street_with_it_is_ambiguous_not_silently_the_street()
    {
        var result = AssertStatus(Apollobuurt, "Beethovenstraat 70, 1077AA", GeocodeStatus.Ambiguous);
        Assert.Contains("check the postcode", result.Reason);
        Assert.Equal("Beethovenstraat 70, 1077JL Amsterdam", Assert.Single(result.Candidates).ToString());
    }

    [Fact]
    public void Postcode_with_a_street_typo_matches_on_the_postcode() =>
        Assert.Equal(MatchTypes.PostcodeHuisnummerStraat, AssertStatus(Apollobuurt, "Beethovnstraat 1, 1077BD", GeocodeStatus.Matched).MatchType);

    [Fact]
    public void Postcode_with_an_unknown_street_matches_on_the_postcode_with_a_lower_score_and_says_so()
    {
        var result = AssertStatus(Apollobuurt, "Xyzzystraat 1, 1077BD", GeocodeStatus.Matched);
        Assert.Equal("Beethovenstraat 1, 1077BD Amsterdam", result.Address!.ToString());
        Assert.True(result.Score < 1.0);
        Assert.Contains("not a known street", result.Reason);
    }

    [Fact]
    public void Postcode_in_another_woonplaats_than_the_query_says_is_ambiguous() =>
        AssertStatus(Centre, "1012JS 1 Weesp", GeocodeStatus.Ambiguous);

    [Theory]
    [InlineData("", "empty query")]
    [InlineData("Beethovenstraat", "no house number")]
    [InlineData("Xyzzystraat 1", "not found")]
    [InlineData("1077ZZ 1", "does not exist")]
    public void Unusable_queries_are_unmatched_with_a_reason(string query, string inReason) =>
        Assert.Contains(inReason, AssertStatus(Apollobuurt, query, GeocodeStatus.Unmatched).Reason);

    [Fact]
    public void Batch_gives_the_same_results_in_order_single_threaded_and_parallel()
    {
        var queries = Apollobuurt.Index.Streets.Select(s => s.Name + " 1").ToList();
        static string Describe(GeocodeResult r) => $"{r.Status} {r.Address} {string.Join(';', r.Candidates)} {r.Reason}";
        var sequential = Apollobuurt.GeocodeBatch(queries).Select(Describe);
        var parallel = Apollobuurt.GeocodeBatch(queries, maxDegreeOfParallelism: 4).Select(Describe);
        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Reverse_finds_the_nearest_address_and_its_distance()
    {
        var nearest = Apollobuurt.Reverse(120677.02 + 3, 484535.96 + 4, 50);
        Assert.NotNull(nearest);
        Assert.Equal("Apollolaan 1, 1077AA Amsterdam", nearest.Address.ToString());
        Assert.Equal(5.0, nearest.DistanceMetres, 3);
    }

    [Fact]
    public void Reverse_beyond_the_radius_finds_nothing() => Assert.Null(Apollobuurt.Reverse(100_000, 400_000, 1_000));

    [Fact]
    public void Reverse_searches_across_grid_cells()
    {
        // 150 m west of Apollolaan 1, between cells, with a radius that reaches it.
        var nearest = Apollobuurt.Reverse(120677.02 - 400, 484535.96, 1_000);
        Assert.NotNull(nearest);
        var expected = Apollobuurt.Index.Streets.SelectMany(s => Enumerable.Range(1, 500).SelectMany(n => Apollobuurt.Index.OnStreet(s, n).ToArray()))
            .Min(a => Math.Sqrt(Math.Pow(a.XRd - (120677.02 - 400), 2) + Math.Pow(a.YRd - 484535.96, 2)));
        Assert.Equal(expected, nearest.DistanceMetres, 6);
    }

    [Fact]
    public void Reverse_refuses_a_radius_beyond_five_kilometres() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Apollobuurt.Reverse(120677, 484535, 50_000));
}
