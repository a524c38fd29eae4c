using System.Globalization;

namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// Parses the compact window form: parts separated by ';', each "DAYS HH:mm-HH:mm", days as a comma list of days or day
/// ranges in Dutch or English (<c>ma-vr 07:45-08:45</c>, <c>mon-fri 07:00-09:00</c>, <c>ma,di,do,vr 14:15-15:30; wo 12:00-13:00</c>).
/// An end of 24:00 means midnight.
/// </summary>
public static class TimeWindowParser
{
    private static readonly Dictionary<string, DayOfWeek> DayNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ma"] = DayOfWeek.Monday, ["di"] = DayOfWeek.Tuesday, ["wo"] = DayOfWeek.Wednesday, ["do"] = DayOfWeek.Thursday,
        ["vr"] = DayOfWeek.Friday, ["za"] = DayOfWeek.Saturday, ["zo"] = DayOfWeek.Sunday,
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday, ["thu"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    public static TimeWindow Parse(string name, string text, IEnumerable<string>? categories = null, bool schoolDaysOnly = false)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"time window '{name}' is empty; expected e.g. 'ma-vr 07:45-08:45'");
        }
        var parts = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select((part, index) => ParsePart(part, $"time window '{name}', part {index + 1} '{part}'"))
            .ToList();
        return new TimeWindow(name, parts, new HashSet<string>(categories ?? [], StringComparer.OrdinalIgnoreCase), schoolDaysOnly);
    }

    private static TimeWindowPart ParsePart(string part, string where)
    {
        var pieces = part.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (pieces.Length != 2)
        {
            throw new FormatException($"{where}: expected 'DAYS HH:mm-HH:mm' (days and time range separated by a space)");
        }
        var days = ParseDays(pieces[0], where);
        var (start, end) = ParseRange(pieces[1], where);
        return new TimeWindowPart(days, start, end);
    }

    private static HashSet<DayOfWeek> ParseDays(string text, string where)
    {
        var days = new HashSet<DayOfWeek>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var ends = item.Split('-', '–');
            if (ends.Length > 2)
            {
                throw new FormatException($"{where}: day range '{item}' has more than two ends");
            }
            var first = ParseDay(ends[0], where);
            var last = ends.Length == 2 ? ParseDay(ends[1], where) : first;
            // Ranges may wrap around the week (vr-ma); Monday is day 0 in the Dutch week.
            for (var day = MondayIndex(first); ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)((day + 1) % 7));
                if (day == MondayIndex(last))
                {
                    break;
                }
            }
        }
        return days;
    }

    private static int MondayIndex(DayOfWeek day) => ((int)day + 6) % 7;

    private static DayOfWeek ParseDay(string text, string where) =>
        DayNames.TryGetValue(text.Trim(), out var day)
            ? day
            : throw new FormatException($"{where}: unknown day '{text}' (use ma di wo do vr za zo or mon tue wed thu fri sat sun)");

    private static (TimeOnly Start, TimeOnly End) ParseRange(string text, string where)
    {
        var ends = text.Split('-', '–');
        if (ends.Length != 2)
        {
            throw new FormatException($"{where}: time range '{text}' is not HH:mm-HH:mm");
        }
        var start = ParseTime(ends[0], where);
        var end = ParseTime(ends[1], where);
        // 00:00-24:00 is a whole day; any other equal start and end is a typo.
        if (start == end && ends[1] != "24:00")
        {
            throw new FormatException($"{where}: time range '{text}' is empty (start equals end)");
        }
        return (start, end);
    }

    private static TimeOnly ParseTime(string text, string where)
    {
        if (text == "24:00")
        {
            return TimeOnly.MinValue;
        }
        return TimeOnly.TryParseExact(text, "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new FormatException($"{where}: time '{text}' is not HH:mm (00:00–24:00)");
    }
}
