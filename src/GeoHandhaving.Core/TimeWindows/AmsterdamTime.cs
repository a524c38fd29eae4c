namespace GeoHandhaving.Core.TimeWindows;

/// <summary>The one time zone of the service: windows, briefings and school days are Europe/Amsterdam wall-clock time.</summary>
public static class AmsterdamTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    /// <summary>The instant with Amsterdam's offset at that instant, so <c>.DateTime</c> is the local wall clock.</summary>
    public static DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);
}
