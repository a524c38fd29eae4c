namespace GeoHandhaving.Api.Platform;

/// <summary>
/// Europe/Amsterdam wall-clock time of a timestamptz column in SQL: the one place the zone is named to PostgreSQL
/// (<see cref="Core.TimeWindows.AmsterdamTime"/> is the one place in C#).
/// </summary>
internal static class AmsterdamTimeSql
{
    /// <summary>The local timestamp (without zone) of <paramref name="column"/>.</summary>
    public static string Local(string column) => $"({column} AT TIME ZONE 'Europe/Amsterdam')";

    /// <summary>The ISO weekday (1 = maandag … 7 = zondag) in Amsterdam.</summary>
    public static string Weekdag(string column) => $"extract(isodow FROM {Local(column)})";

    /// <summary>The hour (0–23) on the Amsterdam clock.</summary>
    public static string Uur(string column) => $"extract(hour FROM {Local(column)})";
}
