using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class TimeWindowTests
{
    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void Both_instants_of_0230_on_the_last_Sunday_of_October_are_inside_a_window_covering_0230()
    {
        var window = TimeWindowParser.Parse("nacht", "zo 02:00-03:00");
        var summerTimeReading = Utc(2026, 10, 25, 0, 30); // 02:30 CEST (+02:00)
        var winterTimeReading = Utc(2026, 10, 25, 1, 30); // 02:30 CET (+01:00), one hour later
        Assert.True(window.Contains(summerTimeReading));
        Assert.True(window.Contains(winterTimeReading));
        Assert.False(window.Contains(Utc(2026, 10, 25, 2, 0))); // 03:00 CET
    }

    [Fact]
    public void No_instant_falls_in_the_missing_hour_on_the_last_Sunday_of_March()
    {
        var missingHour = TimeWindowParser.Parse("gat", "zo 02:00-03:00");
        var night = TimeWindowParser.Parse("nacht", "zo 01:00-04:00");
        var minutes = Enumerable.Range(0, 240).Select(m => Utc(2026, 3, 28, 23, 0).AddMinutes(m)).ToList();

        Assert.DoesNotContain(minutes, m => missingHour.Contains(m));
        Assert.Equal(120, minutes.Count(m => night.Contains(m))); // three wall-clock hours last two real hours
    }

    [Theory]
    [InlineData("2026-11-27T22:30", true)]  // Friday night
    [InlineData("2026-11-28T03:59", true)]  // after midnight, started Friday
    [InlineData("2026-11-28T04:00", false)] // end is exclusive
    [InlineData("2026-11-29T02:00", true)]  // after midnight, started Saturday
    [InlineData("2026-11-30T02:00", false)] // Sunday night did not start a window
    [InlineData("2026-11-27T02:00", false)] // Friday early morning belongs to Thursday night
    public void Window_across_midnight_belongs_to_the_day_it_starts(string local, bool inside)
    {
        var window = TimeWindowParser.Parse("uitgaan", "vr,za 22:00-04:00");
        Assert.Equal(inside, window.ContainsWallClock(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), SchoolCalendar.IsWeekday));
    }

    [Fact]
    public void Schoolhalen_uses_the_wednesday_part_only_on_wednesday()
    {
        var halen = DefaultTimeWindows.Schoolhalen;
        Assert.True(halen.ContainsWallClock(new DateTime(2026, 11, 25, 12, 30, 0), SchoolCalendar.IsWeekday));  // Wednesday
        Assert.False(halen.ContainsWallClock(new DateTime(2026, 11, 25, 14, 30, 0), SchoolCalendar.IsWeekday));
        Assert.True(halen.ContainsWallClock(new DateTime(2026, 11, 26, 14, 30, 0), SchoolCalendar.IsWeekday));  // Thursday
    }

    [Fact]
    public void School_window_is_closed_in_the_autumn_holiday_of_the_regio_only()
    {
        var calendar = SchoolCalendar.Load(TestData.SchoolHolidaysPath);
        var mondayInNoordHoliday = new DateTimeOffset(2026, 10, 19, 8, 0, 0, TimeSpan.FromHours(2));
        Assert.False(DefaultTimeWindows.Schoolbrengen.Contains(mondayInNoordHoliday, calendar, SchoolRegio.Noord));
        Assert.True(DefaultTimeWindows.Schoolbrengen.Contains(mondayInNoordHoliday, calendar, SchoolRegio.Zuid));
    }

    [Fact]
    public void Active_windows_at_tuesday_0800_are_schoolbrengen_and_the_tuesday_0800_hour()
    {
        var active = DefaultTimeWindows.All.ActiveWindows(new DateTime(2026, 11, 24, 8, 0, 0));
        Assert.Equal(["schoolbrengen", "uur-di-08"], active.Select(w => w.Name));
    }

    [Fact]
    public void The_week_grid_has_168_hours_covering_every_hour_once()
    {
        Assert.Equal(168, DefaultTimeWindows.HoursOfWeek.Count);
        var monday = new DateTime(2026, 11, 23);
        for (var hour = 0; hour < 168; hour++)
        {
            var local = monday.AddHours(hour).AddMinutes(30);
            Assert.Single(DefaultTimeWindows.HoursOfWeek, w => w.ContainsWallClock(local, SchoolCalendar.IsWeekday));
        }
    }
}
