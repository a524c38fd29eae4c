using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.TimeWindows;
using Npgsql;

namespace GeoHandhaving.Api.Heatmap;

/// <summary>
/// A Core <see cref="TimeWindow"/> as a SQL condition on a timestamptz column (and its categories on a categorie column), read as
/// Europe/Amsterdam wall-clock time:
/// the heatmap's venster filter then counts exactly the meldingen <see cref="TimeWindow.Contains"/> counts for the
/// hotspots (the same parts, midnight crossing, categories and school days from the schoolvakantie table).
/// </summary>
internal static class TimeWindowSql
{
    public static string Condition(TimeWindow window, string column, string categorieColumn, SchoolRegio regio, NpgsqlCommand command)
    {
        var local = AmsterdamTimeSql.Local(column);
        var yesterday = $"({local} - interval '1 day')";
        var ranges = new List<string>();
        for (var i = 0; i < window.Parts.Count; i++)
        {
            var part = window.Parts[i];
            var days = $"@venster_dagen_{i}";
            command.Parameters.AddWithValue(days[1..], part.Days.Select(IsoDay).ToArray());
            command.Parameters.AddWithValue($"venster_van_{i}", part.Start);
            command.Parameters.AddWithValue($"venster_tot_{i}", part.End);
            if (!part.CrossesMidnight)
            {
                ranges.Add($"({StartsOn(local, days, window)} AND {local}::time >= @venster_van_{i} AND {local}::time < @venster_tot_{i})");
                continue;
            }
            // The part after midnight belongs to the range that started the day before (TimeWindowPart.StartDayOffset = -1).
            ranges.Add($"({StartsOn(local, days, window)} AND {local}::time >= @venster_van_{i})");
            ranges.Add($"({StartsOn(yesterday, days, window)} AND {local}::time < @venster_tot_{i})");
        }
        var condition = "(" + string.Join(" OR ", ranges) + ")";
        if (window.SchoolDaysOnly)
        {
            command.Parameters.AddWithValue("venster_regio", regio.ToString().ToLowerInvariant());
            command.Parameters.AddWithValue("venster_feestdagen", Feestdagen);
        }
        if (window.Categories.Count > 0)
        {
            command.Parameters.AddWithValue("venster_categorieen", window.Categories.ToArray());
            condition += $" AND {categorieColumn} = ANY(@venster_categorieen)";
        }
        return condition;
    }

    /// <summary>The range started on one of the part's days (and, for a school window, on a school day: SchoolCalendar.IsSchoolDay).</summary>
    private static string StartsOn(string localStart, string days, TimeWindow window) =>
        $"extract(isodow FROM {localStart})::int = ANY({days})" + (window.SchoolDaysOnly
            ? $" AND extract(isodow FROM {localStart}) < 6 AND NOT EXISTS (SELECT 1 FROM schoolvakantie sv WHERE sv.regio IN ('alle', @venster_regio) AND " +
                $"{localStart}::date BETWEEN sv.van AND sv.tot)"
              + $" AND NOT ({localStart}::date = ANY(@venster_feestdagen))"
            : "");

    /// <summary>The public holidays (no school days) of every year meldingen can plausibly carry.</summary>
    private static readonly DateOnly[] Feestdagen = [.. DutchPublicHolidays.Between(2000, 2100)];

    private static int IsoDay(DayOfWeek day) => day == DayOfWeek.Sunday ? 7 : (int)day;
}
