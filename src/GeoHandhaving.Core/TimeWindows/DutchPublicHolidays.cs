namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// The Dutch public holidays on which schools are closed, computed for any year (no list to renew): Nieuwjaarsdag, Goede
/// Vrijdag (most schools close; it is not a legal day off, but a school window on it would mostly be a false alarm),
/// Eerste en Tweede Paasdag, Koningsdag (27 April, 26 when the 27th is a Sunday), Bevrijdingsdag in lustrum years (every
/// fifth year, when it is a national day off), Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste en Tweede Kerstdag.
/// </summary>
public static class DutchPublicHolidays
{
    public static bool IsHoliday(DateOnly date) => Name(date) is not null;

    /// <summary>Every holiday of the years <paramref name="fromYear"/> … <paramref name="toYear"/>, in order (for SQL that needs them as a list).</summary>
    public static IEnumerable<DateOnly> Between(int fromYear, int toYear)
    {
        for (var day = new DateOnly(fromYear, 1, 1); day.Year <= toYear; day = day.AddDays(1))
        {
            if (IsHoliday(day)) yield return day;
        }
    }

    /// <summary>The holiday's Dutch name, or null on an ordinary day.</summary>
    public static string? Name(DateOnly date)
    {
        var easter = EasterSunday(date.Year);
        var fromEaster = date.DayNumber - easter.DayNumber;
        return (date.Month, date.Day, fromEaster) switch
        {
            (1, 1, _) => "Nieuwjaarsdag",
            (_, _, -2) => "Goede Vrijdag",
            (_, _, 0) => "Eerste Paasdag",
            (_, _, 1) => "Tweede Paasdag",
            (_, _, 39) => "Hemelvaartsdag",
            (_, _, 49) => "Eerste Pinksterdag",
            (_, _, 50) => "Tweede Pinksterdag",
            (4, 27, _) when date.DayOfWeek != DayOfWeek.Sunday => "Koningsdag",
            (4, 26, _) when date.DayOfWeek == DayOfWeek.Saturday => "Koningsdag",
            (5, 5, _) when date.Year % 5 == 0 => "Bevrijdingsdag",
            (12, 25, _) => "Eerste Kerstdag",
            (12, 26, _) => "Tweede Kerstdag",
            _ => null,
        };
    }

    /// <summary>Easter Sunday of the Gregorian calendar (the anonymous "Meeus/Jones/Butcher" computus).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
