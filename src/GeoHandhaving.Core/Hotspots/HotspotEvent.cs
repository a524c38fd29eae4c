namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// One melding as the hotspot code sees it: a point in a metric CRS (RD New in NL, <see cref="LocalProjection"/> elsewhere),
/// <see cref="At"/> carrying the local offset so <c>At.DateTime</c> is the wall clock windows are judged on and
/// <c>At.UtcDateTime</c> the instant. Reporter and address keys let repeat reporters be damped.
/// </summary>
public sealed record HotspotEvent(
    long Id,
    double X,
    double Y,
    DateTimeOffset At,
    string Category,
    string? ReporterKey = null,
    string? AddressKey = null);
