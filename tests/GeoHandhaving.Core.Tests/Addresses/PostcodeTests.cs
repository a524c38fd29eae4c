using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class PostcodeTests
{
    [Theory]
    [InlineData("1012JS", "1012JS")]
    [InlineData("1012 js", "1012JS")]
    [InlineData(" 1011ab ", "1011AB")]
    [InlineData("1011  AB", "1011AB")]
    public void Valid_spellings_parse_to_the_canonical_form(string text, string expected)
    {
        Assert.True(Postcode.TryParse(text, out var postcode));
        Assert.Equal(expected, postcode.Value);
    }

    [Theory]
    [InlineData("0123AB")] // first digit 0
    [InlineData("1234SA")]
    [InlineData("1234sd")]
    [InlineData("1234 SS")]
    [InlineData("123AB")]
    [InlineData("1234A1")]
    [InlineData("12345AB")]
    [InlineData("")]
    public void Invalid_postcodes_are_refused(string text) => Assert.False(Postcode.TryParse(text, out _));

    [Fact]
    public void Parse_of_an_invalid_postcode_says_what_was_wrong() =>
        Assert.Contains("1234SA", Assert.Throws<FormatException>(() => Postcode.Parse("1234SA")).Message);
}
