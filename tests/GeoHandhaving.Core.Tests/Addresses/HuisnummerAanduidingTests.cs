using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Core.Tests.Addresses;

public class HuisnummerAanduidingTests
{
    [Theory]
    [InlineData("12", 12, null, null)]
    [InlineData("12a", 12, "A", null)]
    [InlineData("12 A", 12, "A", null)]
    [InlineData("12-a", 12, null, "A")] // a dash marks a toevoeging; Interpretations() also tries the letter
    [InlineData("105-1", 105, null, "1")]
    [InlineData("105 1", 105, null, "1")]
    [InlineData("20-H", 20, null, "H")]
    [InlineData("20 hs", 20, null, "H")]
    [InlineData("20 huis", 20, null, "H")]
    [InlineData("20-hs", 20, null, "H")]
    [InlineData("20hs", 20, null, "H")]
    [InlineData("12A-2", 12, "A", "2")]
    [InlineData("12 a 2", 12, "A", "2")]
    [InlineData("3 bis", 3, null, "BIS")]
    [InlineData("1 III", 1, null, "III")]
    [InlineData("20 bg", 20, null, "BG")]
    [InlineData("2-4L", 2, null, "4L")]
    public void Common_spellings_parse(string text, int huisnummer, string? huisletter, string? toevoeging)
    {
        Assert.True(HuisnummerAanduiding.TryParse(text, out var aanduiding));
        Assert.Equal(new HuisnummerAanduiding(huisnummer, huisletter, toevoeging), aanduiding);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a12")]
    [InlineData("0")]
    [InlineData("123456")]
    [InlineData("12 haarlem")] // toevoeging longer than four characters
    public void Non_house_numbers_are_refused(string text) => Assert.False(HuisnummerAanduiding.TryParse(text, out _));

    [Fact]
    public void A_lone_letter_is_read_both_as_huisletter_and_as_toevoeging()
    {
        Assert.True(HuisnummerAanduiding.TryParse("20 h", out var aanduiding));
        Assert.Equal([("H", null), (null, "H")], aanduiding.Interpretations().ToArray());
    }

    [Fact]
    public void Bg_and_roman_floors_have_the_amsterdam_readings_as_alternatives()
    {
        Assert.Contains((null, "H"), new HuisnummerAanduiding(20, null, "BG").Interpretations());
        Assert.Contains((null, "3"), new HuisnummerAanduiding(1, null, "III").Interpretations());
    }

    [Fact]
    public void Display_form_is_the_bag_form() => Assert.Equal("12A-2", new HuisnummerAanduiding(12, "A", "2").ToString());
}
