namespace GeoHandhaving.Core.TimeWindows;

/// <summary>Which windows are active at a moment: what the briefing asks at the start of a shift.</summary>
public static class ActiveTimeWindows
{
    public static IReadOnlyList<TimeWindow> ActiveWindows(
        this IEnumerable<TimeWindow> windows, DateTimeOffset instant, SchoolCalendar? calendar = null, SchoolRegio regio = SchoolRegio.Noord) =>
        windows.ActiveWindows(AmsterdamTime.ToLocal(instant).DateTime, calendar, regio);

    /// <summary>For an Amsterdam wall-clock time (in the October overlap both readings give the same answer).</summary>
    public static IReadOnlyList<TimeWindow> ActiveWindows(
        this IEnumerable<TimeWindow> windows, DateTime amsterdamLocal, SchoolCalendar? calendar = null, SchoolRegio regio = SchoolRegio.Noord)
    {
        var isSchoolDay = TimeWindow.IsSchoolDayRule(calendar, regio);
        return [.. windows.Where(w => w.ContainsWallClock(amsterdamLocal, isSchoolDay))];
    }
}
