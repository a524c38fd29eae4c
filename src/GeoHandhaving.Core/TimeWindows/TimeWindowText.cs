using System.Globalization;

namespace GeoHandhaving.Core.TimeWindows;

/// <summary>Writes a window back in the compact Dutch form the parser reads, e.g. "ma,di,do,vr 14:15-15:30; wo 12:00-13:00".</summary>
public static class TimeWindowText
{
    private static readonly DayOfWeek[] WeekOrder =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];
    private static readonly string[] DutchDays = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    public static string Format(TimeWindow window) => string.Join("; ", window.Parts.Select(Format));

    public static string Format(TimeWindowPart part)
    {
        var days = string.Join(",", WeekOrder.Select((d, i) => (d, i)).Where(t => part.Days.Contains(t.d)).Select(t => DutchDays[t.i]));
        var end = part.End == TimeOnly.MinValue && part.Start == TimeOnly.MinValue ? "24:00" : part.End.ToString("HH:mm", CultureInfo.InvariantCulture);
        return $"{days} {part.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{end}";
    }
}
