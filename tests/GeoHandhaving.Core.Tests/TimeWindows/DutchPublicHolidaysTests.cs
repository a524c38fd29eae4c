using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class DutchPublicHolidaysTests
{
    private static readonly SchoolCalendar Shipped = SchoolCalendar.Load(TestData.SchoolHolidaysPath);

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2027, "2027-03-28")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_sunday_is_computed(int year, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), DutchPublicHolidays.EasterSunday(year));

    [Theory]
    [InlineData("2026-04-03", "Goede Vrijdag")]
    [InlineData("2026-04-06", "Tweede Paasdag")]
    [InlineData("2026-04-27", "Koningsdag")]
    [InlineData("2025-04-26", "Koningsdag")] // 27 April 2025 was a Sunday
    [InlineData("2025-05-05", "Bevrijdingsdag")] // a lustrum year
    [InlineData("2026-05-14", "Hemelvaartsdag")]
    [InlineData("2026-05-25", "Tweede Pinksterdag")]
    [InlineData("2026-12-25", "Eerste Kerstdag")]
    [InlineData("2027-01-01", "Nieuwjaarsdag")]
    public void Public_holidays_are_named(string date, string name) => Assert.Equal(name, DutchPublicHolidays.Name(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-05-05")] // Bevrijdingsdag outside a lustrum year is a school day
    [InlineData("2025-04-27")] // the Sunday Koningsdag moved away from
    [InlineData("2026-05-13")]
    public void Ordinary_days_are_no_holiday(string date) => Assert.Null(DutchPublicHolidays.Name(DateOnly.Parse(date)));

    [Theory]
    [InlineData("2026-05-14")] // Hemelvaart: outside the school holidays of the file, still no school
    [InlineData("2026-05-25")] // Tweede Pinksterdag
    [InlineData("2026-04-03")] // Goede Vrijdag
    [InlineData("2026-04-06")] // Tweede Paasdag
    [InlineData("2026-04-27")] // Koningsdag
    public void Public_holidays_are_no_school_days_in_any_regio(string date)
    {
        foreach (var regio in Enum.GetValues<SchoolRegio>()) Assert.False(Shipped.IsSchoolDay(DateOnly.Parse(date), regio), $"{date} {regio}");
    }

    [Fact]
    public void A_calendar_that_ends_says_until_when_it_knows_each_regio()
    {
        Assert.Equal(new DateOnly(2024, 8, 1), Shipped.CoveredFrom);
        Assert.Equal(new DateOnly(2027, 8, 29), Shipped.CoveredUntil(SchoolRegio.Noord));
        Assert.Equal(new DateOnly(2027, 8, 15), Shipped.CoveredUntil(SchoolRegio.Zuid));
        Assert.True(Shipped.Covers(new DateOnly(2026, 12, 1), SchoolRegio.Noord));
        Assert.True(Shipped.Covers(new DateOnly(2027, 8, 20), SchoolRegio.Noord));
        Assert.False(Shipped.Covers(new DateOnly(2027, 8, 20), SchoolRegio.Zuid));
        Assert.False(Shipped.Covers(new DateOnly(2027, 9, 1), SchoolRegio.Noord));
        Assert.False(Shipped.Covers(new DateOnly(2024, 7, 1), SchoolRegio.Noord));
        Assert.False(new SchoolCalendar([]).Covers(new DateOnly(2026, 12, 1), SchoolRegio.Noord));
    }
}
