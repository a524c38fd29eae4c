using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class AddressQueryTests
{
    private static AddressQuery Parse(string query) => AddressQuery.Parse(query, WoonplaatsSynonyms.Amsterdam);

    [Fact]
    public void Postcode_number_and_woonplaats_are_separated_from_the_street()
    {
        var query = Parse("Dam 1, 1012JS Amsterdam");
        Assert.Equal(("dam", "1012JS", "Amsterdam", 1), (query.Street, query.Postcode?.Value, query.Woonplaats, query.Aanduiding?.Huisnummer));
    }

    [Fact]
    public void Spaced_postcode_before_the_number_is_a_postcode()
    {
        var query = Parse("1012 js 1");
        Assert.Equal(("", "1012JS", 1), (query.Street, query.Postcode?.Value, query.Aanduiding?.Huisnummer));
    }

    [Fact]
    public void Four_digits_and_two_letters_without_another_number_are_a_house_number_with_toevoeging()
    {
        var query = Parse("Prinsengracht 1012 hs");
        Assert.Null(query.Postcode);
        Assert.Equal(new HuisnummerAanduiding(1012, null, "H"), query.Aanduiding);
    }

    [Fact]
    public void Ordinal_at_the_start_belongs_to_the_street()
    {
        var query = Parse("1e Kekerstraat 5");
        Assert.Equal(("1e kekerstraat", 5), (query.Street, query.Aanduiding?.Huisnummer));
    }

    [Fact]
    public void Street_with_digits_in_its_name_keeps_them() => Assert.Equal("plein '40-'45", Parse("Plein '40-'45 3").Street);

    [Fact]
    public void Multi_word_woonplaats_spelling_is_taken_from_the_end()
    {
        var query = Parse("Dam 1 hs Amsterdam Zuid-Oost");
        Assert.Equal(("Amsterdam", "H"), (query.Woonplaats, query.Aanduiding?.Toevoeging));
    }
}
