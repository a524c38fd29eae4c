using System.Globalization;

namespace GeoHandhaving.Core.TimeWindows;

public enum SchoolRegio { Noord, Midden, Zuid }

/// <summary>One published school holiday: inclusive local dates; <see cref="Regio"/> null means all regions.</summary>
public sealed record SchoolHoliday(string Schooljaar, string Name, SchoolRegio? Regio, DateOnly From, DateOnly To);

/// <summary>
/// School days per regio from data/schoolvakanties.csv: weekdays that are no public holiday and outside a holiday of that
/// regio. The file covers whole school years; beyond them (see <see cref="Covers"/>) the school holidays are unknown, and
/// whoever relies on the answer must say so.
/// </summary>
public sealed class SchoolCalendar(IReadOnlyList<SchoolHoliday> holidays)
{
    public IReadOnlyList<SchoolHoliday> Holidays { get; } = holidays;

    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public bool IsSchoolDay(DateOnly date, SchoolRegio regio) =>
        IsWeekday(date) && !DutchPublicHolidays.IsHoliday(date)
        && !Holidays.Any(h => (h.Regio is null || h.Regio == regio) && date >= h.From && date <= h.To);

    /// <summary>The first day the calendar knows: 1 August of its first school year (null: an empty calendar).</summary>
    public DateOnly? CoveredFrom => Holidays.Count == 0 ? null : new DateOnly(Holidays.Min(h => SchoolYearStart(h.Schooljaar)), 8, 1);

    /// <summary>The last day the calendar knows for the regio: the end of its last holiday there (the summer holiday).</summary>
    public DateOnly? CoveredUntil(SchoolRegio regio) =>
        Holidays.Where(h => h.Regio is null || h.Regio == regio).Select(h => (DateOnly?)h.To).Max();

    public bool Covers(DateOnly date, SchoolRegio regio) => date >= CoveredFrom && date <= CoveredUntil(regio);

    private static int SchoolYearStart(string schooljaar) =>
        int.TryParse(schooljaar.AsSpan(0, Math.Min(4, schooljaar.Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var year) ? year : int.MaxValue;

    public static SchoolCalendar Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    /// <summary>Reads the documented format; lines starting with '#' are comments, the first other line is the header.</summary>
    public static SchoolCalendar Parse(TextReader reader, string sourceName)
    {
        var holidays = new List<SchoolHoliday>();
        var headerSeen = false;
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.StartsWith('#') || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (!headerSeen)
            {
                headerSeen = true;
                continue;
            }
            holidays.Add(ParseRow(line, $"{sourceName} line {lineNumber} '{line}'"));
        }
        return new SchoolCalendar(holidays);
    }

    private static SchoolHoliday ParseRow(string line, string where)
    {
        var fields = line.Split(',', StringSplitOptions.TrimEntries);
        if (fields.Length != 5)
        {
            throw new FormatException($"{where}: expected 5 fields schooljaar,vakantie,regio,van,tot, found {fields.Length}");
        }
        SchoolRegio? regio = fields[2].ToLowerInvariant() switch
        {
            "alle" => null,
            "noord" => SchoolRegio.Noord,
            "midden" => SchoolRegio.Midden,
            "zuid" => SchoolRegio.Zuid,
            _ => throw new FormatException($"{where}: regio '{fields[2]}' is not noord, midden, zuid or alle"),
        };
        var from = ParseDate(fields[3], "van", where);
        var to = ParseDate(fields[4], "tot", where);
        if (to < from)
        {
            throw new FormatException($"{where}: tot {to:yyyy-MM-dd} is before van {from:yyyy-MM-dd}");
        }
        return new SchoolHoliday(fields[0], fields[1], regio, from, to);
    }

    private static DateOnly ParseDate(string text, string field, string where) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new FormatException($"{where}: {field} '{text}' is not a date yyyy-MM-dd");
}
