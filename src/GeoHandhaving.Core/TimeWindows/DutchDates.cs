using System.Globalization;

namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// Dates and times as a Dutch reader reads them ("dinsdag 1 december 2026", "07:45–08:45 en 14:15–15:30"), written
/// out here rather than taken from the host's culture data, so a briefing reads the same on every machine.
/// </summary>
public static class DutchDates
{
    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] Months =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    public static string Weekday(DayOfWeek day) => Weekdays[(int)day];

    public static string Month(int month) => Months[month - 1];

    /// <summary>"dinsdag 1 december 2026".</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{Weekday(date.DayOfWeek)} {date.Day} {Month(date.Month)} {date.Year}");

    /// <summary>"07:45–08:45"; an end at midnight reads 24:00.</summary>
    public static string Span(LocalSpan span) =>
        $"{Clock(span.From)}–{(span.To.TimeOfDay == TimeSpan.Zero && span.To > span.From ? "24:00" : Clock(span.To))}";

    /// <summary>"07:45–08:45 en 14:15–15:30", or "07:00–08:00, 09:00–10:00 en 11:00–12:00".</summary>
    public static string Spans(IReadOnlyList<LocalSpan> spans) => spans.Count switch
    {
        0 => "",
        1 => Span(spans[0]),
        _ => $"{string.Join(", ", spans.Take(spans.Count - 1).Select(Span))} en {Span(spans[^1])}",
    };

    private static string Clock(DateTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
