using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class SchoolCalendarTests
{
    private static SchoolCalendar Parse(string rows) =>
        SchoolCalendar.Parse(new StringReader("# comment\nschooljaar,vakantie,regio,van,tot\n" + rows), "test.csv");

    [Fact]
    public void Shipped_calendar_loads_and_christmas_holiday_applies_to_all_regions()
    {
        var calendar = SchoolCalendar.Load(TestData.SchoolHolidaysPath);
        foreach (var regio in Enum.GetValues<SchoolRegio>())
        {
            Assert.False(calendar.IsSchoolDay(new DateOnly(2025, 12, 22), regio));
        }
        Assert.True(calendar.IsSchoolDay(new DateOnly(2026, 1, 5), SchoolRegio.Noord));
    }

    [Fact]
    public void Holiday_of_one_regio_is_a_school_day_elsewhere_and_ends_inclusive()
    {
        var calendar = Parse("2025-2026,herfstvakantie,zuid,2025-10-11,2025-10-19\n");
        Assert.False(calendar.IsSchoolDay(new DateOnly(2025, 10, 13), SchoolRegio.Zuid));
        Assert.True(calendar.IsSchoolDay(new DateOnly(2025, 10, 13), SchoolRegio.Noord));
        Assert.True(calendar.IsSchoolDay(new DateOnly(2025, 10, 20), SchoolRegio.Zuid));
    }

    [Fact]
    public void Weekends_are_never_school_days()
    {
        var calendar = Parse("");
        Assert.False(calendar.IsSchoolDay(new DateOnly(2026, 11, 28), SchoolRegio.Noord));
        Assert.True(calendar.IsSchoolDay(new DateOnly(2026, 11, 27), SchoolRegio.Noord));
    }

    [Theory]
    [InlineData("2025-2026,herfst,oost,2025-10-11,2025-10-19", "regio 'oost'")]
    [InlineData("2025-2026,herfst,zuid,2025-10-11,19-10-2025", "tot '19-10-2025'")]
    [InlineData("2025-2026,herfst,zuid,2025-10-19,2025-10-11", "is before van")]
    [InlineData("2025-2026,herfst,zuid,2025-10-19", "expected 5 fields")]
    public void Bad_row_is_reported_with_its_line_number(string row, string expected)
    {
        var error = Assert.Throws<FormatException>(() => Parse(row));
        Assert.Contains("test.csv line 3", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
