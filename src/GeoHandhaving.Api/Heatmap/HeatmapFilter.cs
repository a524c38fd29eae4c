using System.Globalization;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.AspNetCore.Http.HttpResults;
using Npgsql;

namespace GeoHandhaving.Api.Heatmap;

/// <summary>The query-string filters shared by every tile layer, the TileJSON and the GeoJSON aggregates.</summary>
public sealed record HeatmapFilterParameters(string? Categorie, string? Venster, int? Dag, int? Uur, DateTimeOffset? Van, DateTimeOffset? Tot);

/// <summary>
/// Validated filters; weekday (ISO, 1 = maandag) and hour are Europe/Amsterdam local time. For the layers of meldingen a
/// venster is resolved to the gemeente's own <see cref="TimeWindow"/> (<see cref="VensterDefinitie"/>), the one the
/// hotspots are computed for.
/// </summary>
public sealed record HeatmapFilter(string? Categorie, string? Venster, int? Dag, int? Uur, DateTimeOffset? Van, DateTimeOffset? Tot)
{
    public TimeWindow? VensterDefinitie { get; init; }
    public SchoolRegio SchoolRegio { get; init; }

    public static (HeatmapFilter? Filter, ProblemHttpResult? Problem) From(HeatmapFilterParameters p)
    {
        if (p.Dag is < 1 or > 7) return (null, Problems.InvalidField("dag", "1 (maandag) t/m 7 (zondag).", p.Dag));
        if (p.Uur is < 0 or > 23) return (null, Problems.InvalidField("uur", "0 t/m 23 (lokale tijd, Europe/Amsterdam).", p.Uur));
        if (p.Van is { } van && p.Tot is { } tot && van >= tot) return (null, Problems.InvalidField("tot", "tot moet na van liggen.", p.Tot));
        var venster = string.IsNullOrWhiteSpace(p.Venster) ? null : p.Venster.Trim().ToLowerInvariant();
        if (venster is not null && venster.Length > 64) return (null, Problems.InvalidField("venster", "hoogstens 64 tekens.", p.Venster));
        var categorie = string.IsNullOrWhiteSpace(p.Categorie) ? null : p.Categorie.Trim().ToLowerInvariant();
        return (new HeatmapFilter(categorie, venster, p.Dag, p.Uur, p.Van, p.Tot), null);
    }

    /// <summary>A stable text of the filters, for cache keys and ETags; a redefined venster gives other keys.</summary>
    public string CacheKey => string.Join('|', Categorie, Venster, Dag, Uur,
        Van?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), Tot?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        VensterDefinitie is { } w ? $"{TimeWindowText.Format(w)}|{string.Join(',', w.Categories.Order())}|{w.SchoolDaysOnly}|{SchoolRegio}" : "");

    /// <summary>The filters as a query string (without '?'), for the tile URL template of the TileJSON.</summary>
    public string QueryString
    {
        get
        {
            var parts = new List<string>();
            void Add(string name, object? value)
            {
                if (value is not null) parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
            Add("categorie", Categorie);
            Add("venster", Venster);
            Add("dag", Dag);
            Add("uur", Uur);
            Add("van", Van?.ToString("O", CultureInfo.InvariantCulture));
            Add("tot", Tot?.ToString("O", CultureInfo.InvariantCulture));
            return string.Join('&', parts);
        }
    }

    /// <summary>The conditions on meldingen (alias m) appended to <paramref name="command"/>'s parameters.</summary>
    public string MeldingConditions(NpgsqlCommand command) => Conditions(command, "m.gemeld_op", "m.categorie");

    /// <summary>
    /// The same conditions on the quarter-hour level of the cell table (alias c): each filter reads the quarter's start where
    /// it read the melding's time, which is exact because every filter is whole quarter hours (<see cref="KwartierProbleem"/>).
    /// </summary>
    public string KwartierConditions(NpgsqlCommand command)
    {
        var conditions = Conditions(command, "c.kwartier", "c.categorie");
        if (Weekkwartieren() is not { } kwartieren) return conditions;
        command.Parameters.AddWithValue("weekkwartieren", kwartieren);
        return conditions + " AND c.weekkwartier = ANY(@weekkwartieren)";
    }

    /// <summary>
    /// The quarters of the week (<see cref="HeatmapCelKwartier.Weekkwartier"/>) that dag, uur and the venster's parts can hold,
    /// or null when they hold every one: a condition its index answers first, before the exact ones (school days, categories).
    /// </summary>
    private short[]? Weekkwartieren()
    {
        if (Dag is null && Uur is null && VensterDefinitie is null) return null;
        return [.. Enumerable.Range(0, 7 * 96).Where(q =>
        {
            var (dag, tijd) = (q / 96 + 1, TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(q % 96 * 15)));
            return (Dag is null || Dag == dag) && (Uur is null || Uur == tijd.Hour)
                && (VensterDefinitie is null || VensterDefinitie.Parts.Any(p => p.StartDayOffset((DayOfWeek)(dag % 7), tijd) is not null));
        }).Select(q => (short)q)];
    }

    /// <summary>The conditions on the week level (alias c): its rows for all days and hours, a weekday, an hour of every weekday, or both.</summary>
    public string WeekConditions(NpgsqlCommand command)
    {
        command.Parameters.AddWithValue("weekdag", (short)(Dag ?? 0));
        command.Parameters.AddWithValue("uur", (short)(Uur ?? -1));
        var conditions = (Dag, Uur) switch
        {
            (null, not null) => " AND c.weekdag > 0 AND c.uur = @uur",
            _ => " AND c.weekdag = @weekdag AND c.uur = @uur",
        };
        if (Categorie is not null)
        {
            conditions += " AND c.categorie = @categorie";
            command.Parameters.AddWithValue("categorie", Categorie);
        }
        return conditions;
    }

    /// <summary>
    /// The cell table counts per quarter hour: a van or tot between two quarters, or a venster that starts or ends between
    /// them, cannot be answered from it and is refused naming the field (the map sends whole days, windows are in minutes).
    /// </summary>
    public ProblemHttpResult? KwartierProbleem()
    {
        const string reden = "de heatmap telt per kwartier: een tijdstip op :00, :15, :30 of :45 (zonder seconden).";
        if (Van is { } van && !OpKwartier(van.UtcTicks)) return Problems.InvalidField("van", reden, Van);
        if (Tot is { } tot && !OpKwartier(tot.UtcTicks)) return Problems.InvalidField("tot", reden, Tot);
        if (VensterDefinitie is { } venster && !OpKwartieren(venster))
        {
            return Problems.InvalidField("venster", $"venster '{Venster}' ({TimeWindowText.Format(venster)}) begint of eindigt niet op een heel " +
                "kwartier; de heatmap telt per kwartier.", Venster);
        }
        return null;
    }

    /// <summary>Whether every part of <paramref name="window"/> starts and ends on a quarter hour, so a quarter lies wholly in or out of it.</summary>
    public static bool OpKwartieren(TimeWindow window) => window.Parts.All(p => OpKwartier(p.Start.Ticks) && OpKwartier(p.End.Ticks));

    private static bool OpKwartier(long ticks) => ticks % (15 * TimeSpan.TicksPerMinute) == 0;

    private string Conditions(NpgsqlCommand command, string tijd, string categorie)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }
        if (Categorie is not null) Add($"{categorie} = @categorie", "categorie", Categorie);
        if (Van is not null) Add($"{tijd} >= @van", "van", Van.Value.UtcDateTime);
        if (Tot is not null) Add($"{tijd} < @tot", "tot", Tot.Value.UtcDateTime);
        if (Dag is not null) Add($"{AmsterdamTimeSql.Weekdag(tijd)} = @dag", "dag", Dag.Value);
        if (Uur is not null) Add($"{AmsterdamTimeSql.Uur(tijd)} = @uur", "uur", Uur.Value);
        if (VensterDefinitie is not null) conditions.Add(TimeWindowSql.Condition(VensterDefinitie, tijd, categorie, SchoolRegio, command));
        return conditions.Count == 0 ? "" : " AND " + string.Join(" AND ", conditions);
    }

    /// <summary>The hotspots layer filters on the hotspot's own window and categories.</summary>
    public string HotspotConditions(NpgsqlCommand command)
    {
        var conditions = "";
        if (Categorie is not null)
        {
            conditions += " AND @categorie = ANY(h.categorieen)";
            command.Parameters.AddWithValue("categorie", Categorie);
        }
        if (Venster is not null)
        {
            conditions += " AND h.venster = @venster";
            command.Parameters.AddWithValue("venster", Venster);
        }
        return conditions;
    }
}
