namespace GeoHandhaving.Core.TimeWindows;

/// <summary>
/// The one time zone of the service and the one conversion between wall-clock time and instants: windows, briefings,
/// school days and times given without an offset are Europe/Amsterdam wall-clock time; instants are stored UTC.
/// </summary>
public static class AmsterdamTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The instant with Amsterdam's offset at that instant, so <c>.DateTime</c> is the local wall clock.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>
    /// Amsterdam wall-clock time to an instant. A time in the spring-forward gap (last Sunday of March, 02:00–03:00)
    /// lands an hour on (02:30 is 03:30 summer time); a time in the autumn double hour is read as winter time (the later one).
    /// </summary>
    public static DateTimeOffset ToInstant(DateTime local) => ToInstant(local, Zone);

    /// <summary>The same rule in another zone, for data sets from elsewhere (the backtest on Boston's 311 events).</summary>
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(wallClock, zone.GetUtcOffset(wallClock));
    }
}
