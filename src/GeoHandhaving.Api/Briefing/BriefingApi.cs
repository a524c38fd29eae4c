using System.Globalization;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace GeoHandhaving.Api.Briefing;

/// <summary>A dienst (shift) of the handhavingsteam, in Europe/Amsterdam local hours.</summary>
public sealed record Dienst(string Code, int VanUur, int Uren)
{
    public static readonly IReadOnlyList<Dienst> Alle = [new("vroeg", 7, 8), new("laat", 15, 8), new("nacht", 23, 8)];
}

public sealed record BriefingHotspot(int Rang, string Reden, string Venster, string Trend, double Score, string[] Scholen, double Lon, double Lat);
public sealed record BriefingBlok(string Uur, IReadOnlyList<BriefingHotspot> Hotspots);
public sealed record Terugbelverzoek(long MeldingId, string Categorie, string? Adres, DateTimeOffset GemeldOp, string Status);
public sealed record BriefingWijk(string Wijk, string Naam, string[] Wijkboas, IReadOnlyList<BriefingBlok> Blokken, IReadOnlyList<Terugbelverzoek> Terugbellen);
public sealed record BriefingUitvoer(DateOnly Datum, string Dienst, string Van, string Tot, long? HotspotRun, IReadOnlyList<BriefingWijk> Wijken);

/// <summary>
/// The start-of-shift plan: per wijk and per hour of the dienst, the hotspots to visit, and the open meldingen whose
/// melder the boa should contact. JSON, or a printable HTML page (format=html or Accept: text/html).
/// </summary>
public static class BriefingApi
{
    private const int MaxHotspotsPerBlok = 5;
    private const int MaxTerugbellen = 15;

    public static IEndpointRouteBuilder MapBriefingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/briefing", Lees).RequireAuthorization(Policies.Briefing).CacheOutput(GemeenteReadCache.Name).WithTags("Briefing").WithName("Briefing")
            .WithSummary("Briefing for a dienst (vroeg 07–15, laat 15–23, nacht 23–07, local time): per wijk (or one: wijk=) and hour the hotspots, and melders to contact; JSON or HTML")
            .Produces<BriefingUitvoer>(200, "application/json").Produces(200, contentType: "text/html");
        return app;
    }

    internal static async Task<Results<Ok<BriefingUitvoer>, ContentHttpResult, ProblemHttpResult>> Lees(
        [FromQuery] string? datum, [FromQuery] string? dienst, [FromQuery] string? wijk, [FromQuery] string? format, HttpRequest request,
        CurrentHotspots current, NpgsqlDataSource dataSource, FilterValues filters, CurrentUser user, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dag))
        {
            return Problems.InvalidField("datum", "een datum als 2026-12-01.", datum);
        }
        var shift = Dienst.Alle.FirstOrDefault(d => d.Code == dienst?.ToLowerInvariant());
        if (shift is null) return Problems.InvalidField("dienst", $"een van: {string.Join(", ", Dienst.Alle.Select(d => d.Code))}.", dienst);
        if (!(await filters.WijkAsync(user.GemeenteId, ct)).TryResolve(wijk, out wijk, out var unknown)) return unknown;

        var snapshot = await current.GetAsync(user.GemeenteId, ct);
        var wijken = (await WijkenMetBoasAsync(dataSource, user.GemeenteId, ct)).Where(w => wijk is null || w.Code == wijk).ToList();
        var terugbellen = await TerugbelverzoekenAsync(dataSource, user.GemeenteId, ct);
        var start = dag.ToDateTime(new TimeOnly(shift.VanUur, 0));
        var uren = Enumerable.Range(0, shift.Uren).Select(i => start.AddHours(i)).ToList();
        // Rank each hour once and split the ranking by wijk (a lookup keeps the order): every wijk shares the hour's ranking.
        var actiefPerUur = uren.Select(uur => (snapshot?.ActiefOp(uur.AddMinutes(30)) ?? [])
            .ToLookup(h => h.WijkCodes.FirstOrDefault() ?? "")).ToList();
        var briefing = new BriefingUitvoer(dag, shift.Code, $"{shift.VanUur:00}:00", $"{(shift.VanUur + shift.Uren) % 24:00}:00", snapshot?.RunId,
            wijken.Select(w => new BriefingWijk(w.Code, w.Naam, w.Boas,
                uren.Select((uur, u) => new BriefingBlok($"{uur:HH}:00–{uur.AddHours(1):HH}:00",
                    actiefPerUur[u][w.Code].Take(MaxHotspotsPerBlok).Select((h, i) => ToBriefing(h, i + 1)).ToList())).ToList(),
                terugbellen[w.Code].ToList())).ToList());

        var wantsHtml = format == "html" || (format is null && request.Headers.Accept.Any(a => a?.Contains("text/html") == true));
        return wantsHtml ? TypedResults.Content(BriefingHtml.Render(briefing), "text/html; charset=utf-8") : TypedResults.Ok(briefing);
    }

    private static BriefingHotspot ToBriefing(HotspotView h, int rang)
    {
        var (lon, lat) = RdNew.ToWgs84(h.Centroide.X, h.Centroide.Y);
        return new BriefingHotspot(rang, HotspotReasons.Beschrijf(h), h.Venster, h.Trend, h.Score, h.Scholen, Math.Round(lon, 6), Math.Round(lat, 6));
    }

    private sealed record WijkMetBoas(string Code, string Naam, string[] Boas);

    private static async Task<List<WijkMetBoas>> WijkenMetBoasAsync(NpgsqlDataSource dataSource, string gemeente, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(BriefingSql.ActieveWijken);
        command.Parameters.AddWithValue("gemeente", gemeente);
        var wijken = new List<WijkMetBoas>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) wijken.Add(new WijkMetBoas(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2)));
        return wijken;
    }

    private static async Task<ILookup<string, Terugbelverzoek>> TerugbelverzoekenAsync(NpgsqlDataSource dataSource, string gemeente, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(BriefingSql.OpenMetMelderContact);
        command.Parameters.AddWithValue("gemeente", gemeente);
        command.Parameters.AddWithValue("perWijk", MaxTerugbellen);
        var rows = new List<(string Wijk, Terugbelverzoek Verzoek)>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add((r.GetString(0), new Terugbelverzoek(r.GetInt64(1), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3),
                r.GetFieldValue<DateTimeOffset>(4), r.GetString(5))));
        }
        return rows.ToLookup(x => x.Wijk, x => x.Verzoek);
    }
}
