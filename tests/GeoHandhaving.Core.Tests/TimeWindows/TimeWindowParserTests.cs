using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class TimeWindowParserTests
{
    [Theory]
    [InlineData("mon-fri 07:00-09:00")]
    [InlineData("ma-vr 07:00-09:00")]
    [InlineData("ma,di,wo,do,vr 07:00-09:00")]
    public void Dutch_and_English_day_ranges_mean_the_same_weekdays(string text)
    {
        var part = Assert.Single(TimeWindowParser.Parse("w", text).Parts);
        Assert.Equal(
            [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday],
            part.Days.OrderBy(d => d));
        Assert.Equal(new TimeOnly(7, 0), part.Start);
        Assert.Equal(new TimeOnly(9, 0), part.End);
    }

    [Fact]
    public void Several_parts_are_separated_by_semicolons()
    {
        var window = TimeWindowParser.Parse("halen", "ma,di,do,vr 14:15-15:30; wo 12:00-13:00");
        Assert.Equal(2, window.Parts.Count);
        Assert.Equal([DayOfWeek.Wednesday], window.Parts[1].Days);
    }

    [Fact]
    public void Day_range_may_wrap_around_the_week()
    {
        var part = Assert.Single(TimeWindowParser.Parse("w", "za-ma 10:00-11:00").Parts);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Monday, DayOfWeek.Saturday], part.Days.OrderBy(d => d));
    }

    [Theory]
    [InlineData("ma-vr 07:45-08:45; xx 12:00-13:00", "part 2 'xx 12:00-13:00': unknown day 'xx'")]
    [InlineData("ma-vr 7.45-08:45", "time '7.45' is not HH:mm")]
    [InlineData("ma-vr 07:45", "time range '07:45' is not HH:mm-HH:mm")]
    [InlineData("ma-vr07:45-08:45", "expected 'DAYS HH:mm-HH:mm'")]
    [InlineData("ma 08:00-08:00", "is empty")]
    [InlineData("ma 25:00-26:00", "time '25:00'")]
    public void Bad_text_names_the_bad_part(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => TimeWindowParser.Parse("test", text));
        Assert.Contains(expected, error.Message);
        Assert.Contains("time window 'test'", error.Message);
    }
}
