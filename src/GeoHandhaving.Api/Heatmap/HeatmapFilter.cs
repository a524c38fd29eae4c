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
    public string MeldingConditions(NpgsqlCommand command)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            command.Parameters.AddWithValue(name, value);
        }
        if (Categorie is not null) Add("m.categorie = @categorie", "categorie", Categorie);
        if (Van is not null) Add("m.gemeld_op >= @van", "van", Van.Value.UtcDateTime);
        if (Tot is not null) Add("m.gemeld_op < @tot", "tot", Tot.Value.UtcDateTime);
        if (Dag is not null) Add($"{AmsterdamTimeSql.Weekdag("m.gemeld_op")} = @dag", "dag", Dag.Value);
        if (Uur is not null) Add($"{AmsterdamTimeSql.Uur("m.gemeld_op")} = @uur", "uur", Uur.Value);
        if (VensterDefinitie is not null) conditions.Add(TimeWindowSql.Condition(VensterDefinitie, "m.gemeld_op", SchoolRegio, command));
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
