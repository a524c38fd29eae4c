using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class LocalSpanTests
{
    private static readonly DateTime Tuesday = new(2026, 12, 1);

    private static IReadOnlyList<LocalSpan> Spans(string definition, int fromHour = 7, int hours = 8) =>
        LocalSpan.OfWindow(TimeWindowParser.Parse("w", definition), Tuesday.AddHours(fromHour), Tuesday.AddHours(fromHour + hours), SchoolCalendar.IsWeekday);

    [Fact]
    public void Drop_off_and_the_hours_after_it_merge_into_one_span()
    {
        var merged = LocalSpan.Merge([.. Spans("ma-vr 07:45-08:45"), .. Spans("di 08:00-09:00"), .. Spans("di 09:00-10:00")]);
        Assert.Equal("07:45–10:00", DutchDates.Spans(merged));
    }

    [Fact]
    public void Drop_off_and_pick_up_stay_two_spans()
    {
        var merged = LocalSpan.Merge([.. Spans("ma-vr 07:45-08:45"), .. Spans("ma,di,do,vr 14:15-15:30; wo 12:00-13:00")]);
        Assert.Equal("07:45–08:45 en 14:15–15:00", DutchDates.Spans(merged));
    }

    [Fact]
    public void A_night_window_is_cut_to_the_dienst_and_crosses_midnight()
    {
        var saturday = new DateTime(2026, 12, 5, 23, 0, 0);
        var spans = LocalSpan.OfWindow(TimeWindowParser.Parse("uit", "vr,za 22:00-04:00"), saturday, saturday.AddHours(8), SchoolCalendar.IsWeekday);
        Assert.Equal([new LocalSpan(saturday, saturday.AddHours(5))], spans);
        Assert.Equal("23:00–04:00", DutchDates.Span(spans[0]));
        Assert.Equal(TimeSpan.FromMinutes(30), spans[0].Overlap(saturday.AddHours(4).AddMinutes(30), saturday.AddHours(6)));
    }

    [Fact]
    public void A_school_day_window_is_absent_on_a_day_without_school()
    {
        var spans = LocalSpan.OfWindow(TimeWindowParser.Parse("brengen", "ma-vr 07:45-08:45", schoolDaysOnly: true),
            Tuesday.AddHours(7), Tuesday.AddHours(15), _ => false);
        Assert.Empty(spans);
    }

    [Fact]
    public void Dutch_dates_name_weekday_and_month()
    {
        Assert.Equal("dinsdag 1 december 2026", DutchDates.Date(new DateOnly(2026, 12, 1)));
        Assert.Equal("zondag 31 mei 2026", DutchDates.Date(new DateOnly(2026, 5, 31)));
        Assert.Equal("09:00–24:00", DutchDates.Span(new LocalSpan(Tuesday.AddHours(9), Tuesday.AddDays(1))));
    }
}
