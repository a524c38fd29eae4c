namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// One (weekdays, local time range) piece of a window. <see cref="Days"/> are the days a range STARTS on: a range whose end is
/// not after its start crosses midnight, so <c>vr 22:00-04:00</c> covers Friday 22:00 up to Saturday 04:00. End is exclusive.
/// </summary>
public sealed record TimeWindowPart(IReadOnlySet<DayOfWeek> Days, TimeOnly Start, TimeOnly End)
{
    public bool CrossesMidnight => End <= Start;

    /// <summary>
    /// 0 when a range that started today contains <paramref name="time"/>, -1 when one that started yesterday does
    /// (the part after midnight), null when none does.
    /// </summary>
    public int? StartDayOffset(DayOfWeek day, TimeOnly time)
    {
        if (!CrossesMidnight)
        {
            return Days.Contains(day) && time >= Start && time < End ? 0 : null;
        }
        if (Days.Contains(day) && time >= Start)
        {
            return 0;
        }
        var yesterday = (DayOfWeek)(((int)day + 6) % 7);
        return Days.Contains(yesterday) && time < End ? -1 : null;
    }
}
