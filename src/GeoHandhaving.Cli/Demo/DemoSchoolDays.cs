using System.Globalization;

namespace GeoHandhaving.Cli.Demo;

/// <summary>School days for one regio: weekdays outside the schoolvakanties (from data/schoolvakanties.csv) and feestdagen.</summary>
public sealed class DemoSchoolDays
{
    /// <summary>Feestdagen outside the holidays on which schools are closed (2025-2026 school year).</summary>
    private static readonly DateOnly[] Feestdagen =
    [
        new(2026, 4, 3), // Goede Vrijdag (most schools)
        new(2026, 4, 6), // Tweede Paasdag
        new(2026, 5, 14), // Hemelvaartsdag
        new(2026, 5, 15), // vrijdag na Hemelvaart
        new(2026, 5, 25), // Tweede Pinksterdag
    ];

    private readonly List<(DateOnly Van, DateOnly Tot)> _vakanties;

    private DemoSchoolDays(List<(DateOnly, DateOnly)> vakanties) => _vakanties = vakanties;

    /// <summary>Reads the holidays of <paramref name="regio"/> and of regio "alle" (format: see the file's header comments).</summary>
    public static DemoSchoolDays Load(string path, string regio)
    {
        var vakanties = File.ReadLines(path)
            .Where(line => !line.StartsWith('#') && !line.StartsWith("schooljaar,", StringComparison.Ordinal) && line.Length > 0)
            .Select(line => line.Split(','))
            .Where(f => f[2] == regio || f[2] == "alle")
            .Select(f => (DateOnly.ParseExact(f[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                          DateOnly.ParseExact(f[4], "yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToList();
        return new DemoSchoolDays(vakanties);
    }

    public bool IsHoliday(DateOnly day) =>
        _vakanties.Any(v => day >= v.Van && day <= v.Tot) || Feestdagen.Contains(day);

    public bool IsSchoolDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(day);
}
