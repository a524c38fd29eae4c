using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// The week as 672 quarter-hour slots (Monday 00:00 first), times whether the event's day and the day before were school
/// days: events are binned into these keys once, and each window becomes a mask over the keys. Windows are resolved at
/// quarter-hour starts, which is exact for every shipped window.
/// </summary>
public static class WeekSlots
{
    public const int SlotsPerWeek = 7 * 24 * 4;
    public const int KeyCount = SlotsPerWeek * 4;

    public static int Key(DateTime local, Func<DateOnly, bool> isSchoolDay)
    {
        var date = DateOnly.FromDateTime(local);
        var slot = (((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour) * 4 + local.Minute / 15;
        return slot + (isSchoolDay(date) ? SlotsPerWeek : 0) + (isSchoolDay(date.AddDays(-1)) ? 2 * SlotsPerWeek : 0);
    }

    /// <summary>Which keys the window contains (the school-day rule applied to the day the window started).</summary>
    public static bool[] Mask(TimeWindow window)
    {
        var mask = new bool[KeyCount];
        for (var slot = 0; slot < SlotsPerWeek; slot++)
        {
            var day = (DayOfWeek)((slot / 96 + 1) % 7);
            var time = new TimeOnly(slot % 96 / 4, slot % 4 * 15);
            if (window.StartDayOffset(day, time) is not { } offset)
            {
                continue;
            }
            for (var schoolBits = 0; schoolBits < 4; schoolBits++)
            {
                var startDayIsSchoolDay = offset == 0 ? (schoolBits & 1) != 0 : (schoolBits & 2) != 0;
                mask[slot + schoolBits * SlotsPerWeek] = !window.SchoolDaysOnly || startDayIsSchoolDay;
            }
        }
        return mask;
    }
}
