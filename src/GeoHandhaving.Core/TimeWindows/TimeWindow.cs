namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// A recurring local-time window (e.g. school drop-off), defined in wall-clock time and evaluated with Europe/Amsterdam's
/// DST rules. <see cref="Categories"/> empty means all categories. With <see cref="SchoolDaysOnly"/> the day the range
/// starts on must be a school day.
/// </summary>
public sealed record TimeWindow(
    string Name,
    IReadOnlyList<TimeWindowPart> Parts,
    IReadOnlySet<string> Categories,
    bool SchoolDaysOnly)
{
    /// <summary>Whether the window contains <paramref name="instant"/>, read as Amsterdam wall-clock time.</summary>
    /// <remarks>
    /// Without a calendar every weekday counts as a school day. In the October overlap both instants of 02:30 read as 02:30
    /// and are inside a window covering it; in the March gap 02:00–03:00 no instant reads as such a time.
    /// </remarks>
    public bool Contains(DateTimeOffset instant, SchoolCalendar? calendar = null, SchoolRegio regio = SchoolRegio.Noord) =>
        ContainsWallClock(AmsterdamTime.ToLocal(instant).DateTime, IsSchoolDayRule(calendar, regio));

    /// <summary>Whether the window contains a wall-clock time in any zone (e.g. a Boston event's local time).</summary>
    public bool ContainsWallClock(DateTime local, Func<DateOnly, bool> isSchoolDay)
    {
        var offset = StartDayOffset(local.DayOfWeek, TimeOnly.FromDateTime(local));
        if (offset is not { } days)
        {
            return false;
        }
        return !SchoolDaysOnly || isSchoolDay(DateOnly.FromDateTime(local).AddDays(days));
    }

    /// <summary>
    /// 0 when a part that started on <paramref name="day"/> contains <paramref name="time"/>, -1 when one that started the
    /// day before does, null when none does. The engine uses this to turn the window into a mask over week slots.
    /// </summary>
    public int? StartDayOffset(DayOfWeek day, TimeOnly time)
    {
        int? found = null;
        foreach (var part in Parts)
        {
            var offset = part.StartDayOffset(day, time);
            if (offset == 0)
            {
                return 0;
            }
            found ??= offset;
        }
        return found;
    }

    public static Func<DateOnly, bool> IsSchoolDayRule(SchoolCalendar? calendar, SchoolRegio regio) =>
        calendar is null ? SchoolCalendar.IsWeekday : date => calendar.IsSchoolDay(date, regio);
}
