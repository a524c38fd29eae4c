namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// The <c>datum</c> of as-of queries: a date means the end of that day in Amsterdam, a timestamp means that instant.
/// Always UTC, because Npgsql writes only offset 0 to timestamptz.
/// </summary>
public static class AsOf
{
    /// <summary>An instant; a bare date means the end of that day in Amsterdam (the state "on" that date).</summary>
    public static DateTimeOffset? Parse(string? value) => Parse(value, endOfDay: true);

    /// <summary>
    /// An OGC API Features interval <c>start/end</c>, either end open as <c>..</c> or empty; a bare start date begins that
    /// day, a bare end date includes it. Null when malformed or when the start lies after the end.
    /// </summary>
    public static (DateTimeOffset? Van, DateTimeOffset? Tot)? ParseInterval(string value)
    {
        var parts = value.Split('/');
        if (parts.Length != 2) return null;
        DateTimeOffset? Side(string text, bool endOfDay) => text is "" or ".." ? null : Parse(text, endOfDay);
        var (van, tot) = (Side(parts[0], endOfDay: false), Side(parts[1], endOfDay: true));
        var malformed = (van is null && parts[0] is not ("" or "..")) || (tot is null && parts[1] is not ("" or ".."));
        return malformed || van > tot ? null : (van, tot);
    }

    private static DateTimeOffset? Parse(string? value, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date))
        {
            var midnight = (endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue);
            var start = Core.TimeWindows.AmsterdamTime.ToInstant(midnight);
            return (endOfDay ? start.AddTicks(-1) : start).ToUniversalTime();
        }
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUniversalTime() : null;
    }
}
