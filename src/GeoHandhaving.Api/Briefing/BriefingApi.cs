using System.Globalization;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Briefing;

/// <summary>A dienst (shift) of the handhavingsteam, in Europe/Amsterdam local hours; diensten follow each other without gaps.</summary>
/// <param name="Naam">As the team says it: "vroege dienst".</param>
public sealed record Dienst(string Code, int VanUur, int Uren, string Naam)
{
    public static readonly IReadOnlyList<Dienst> Alle =
        [new("vroeg", 7, 8, "vroege dienst"), new("laat", 15, 8, "late dienst"), new("nacht", 23, 8, "nachtdienst")];

    /// <summary>The dienst that ends when this one begins (nacht before vroeg).</summary>
    public Dienst Vorige => Alle.Single(d => (d.VanUur + d.Uren) % 24 == VanUur);
}

/// <summary>A stretch of the dienst in local time, "07:45" to "08:45".</summary>
public sealed record BriefingTijdvak(string Van, string Tot)
{
    public static BriefingTijdvak Uit(LocalSpan span)
    {
        var tekst = DutchDates.Span(span); // "07:45–08:45"; an end at midnight reads 24:00
        return new(tekst[..5], tekst[^5..]);
    }
}

/// <param name="Nummer">As on the wijk's map.</param>
/// <param name="Tijden">The time spans in words ("07:45–08:45 en 14:15–15:30"); <paramref name="Tijdvakken"/> the same as data.</param>
/// <param name="VerwachtPerUur">Meldingen expected per hour the place is active (the ranking).</param>
/// <param name="Trend">Machine code (new, intensifying, persistent, diminishing, sporadic); <paramref name="TrendTekst"/> in words.</param>
/// <param name="Hotspots">The ids of the merged hotspots (GET /api/v1/hotspots).</param>
public sealed record BriefingPlaats(int Nummer, string Plaats, string[] Straten, string? Buurt, string[] Scholen, string Wat, string[] Categorieen,
    string[] Vensters, string Tijden, IReadOnlyList<BriefingTijdvak> Tijdvakken, double VerwachtPerUur, double VerwachtInDienst,
    string Trend, string TrendTekst, string Reden, double Lon, double Lat, long[] Hotspots);

/// <param name="Verwacht">Meldingen expected at the place in this hour block (below the floor in a block the place is only
/// partly active in, such as 07:45–08:00).</param>
/// <param name="Tijdvak">The part of the hour in which the place is active.</param>
public sealed record BlokPlaats(int Nummer, double Verwacht, BriefingTijdvak Tijdvak);

/// <param name="Uur">The hour, "07:00–08:00".</param>
/// <param name="Tijdvak">The part of the hour in which its places are active ("07:45"–"08:00"); null when none is.</param>
/// <param name="Plaatsen">Every place of the list active in this hour, most meldingen expected first.</param>
public sealed record BriefingBlok(string Uur, BriefingTijdvak? Tijdvak, IReadOnlyList<BlokPlaats> Plaatsen);

/// <param name="Adres">The address in words (the BAG address, "bij …" the nearest one for a dropped pin).</param>
/// <param name="LaatstePoging">Outcome code of the last call-back attempt, if any (niet_bereikt, voicemail).</param>
public sealed record Terugbelverzoek(long MeldingId, string Categorie, string Adres, DateTimeOffset GemeldOp, int DagenOud, string Status,
    int Pogingen, string? LaatstePoging, string? LaatstePogingTekst);

public sealed record Telling(string Categorie, string Bron, int Aantal);
public sealed record OpenSindsVorigeDienst(long MeldingId, string Categorie, string Bron, string Straat, DateTimeOffset GemeldOp);

/// <param name="Vanaf">When the previous dienst began (local time).</param>
/// <param name="Open">The oldest still open ones, by street (at most 25).</param>
/// <param name="OpenTotaal">How many of them are still open in all.</param>
public sealed record SindsVorigeDienst(string Vanaf, int Meldingen, int Dagrapportages, IReadOnlyList<Telling> PerCategorieEnBron,
    IReadOnlyList<OpenSindsVorigeDienst> Open, int OpenTotaal);

/// <param name="Terugbellen">The oldest call-back requests, at most Briefing:MaxTerugbellenPerWijk.</param>
/// <param name="TerugbellenTotaal">How many call-back requests the wijk has in all, the listed ones included.</param>
public sealed record BriefingWijk(string Wijk, string Naam, string[] Wijkboas, IReadOnlyList<BriefingPlaats> Plaatsen,
    IReadOnlyList<BriefingBlok> Blokken, IReadOnlyList<Terugbelverzoek> Terugbellen, int TerugbellenTotaal, SindsVorigeDienst SindsVorigeDienst);

/// <param name="DatumTekst">"dinsdag 1 december 2026".</param>
/// <param name="Boa">The boa whose wijken this briefing covers; null: every wijk.</param>
/// <param name="Waarschuwingen">What the reader must know about the figures (e.g. a school calendar that does not cover the date).</param>
/// <param name="Toetsing">The backtest of the hotspot run used: per window group its chosen setting, figures and sentence.</param>
public sealed record BriefingUitvoer(DateOnly Datum, string DatumTekst, string Dienst, string Van, string Tot, string? Boa, long? HotspotRun,
    string[] Waarschuwingen, IReadOnlyList<BriefingWijk> Wijken, IReadOnlyList<BacktestVensterUitvoer> Toetsing);

/// <summary>
/// The start-of-shift plan: per wijk the places to visit (numbered, with their hours and a map), per hour which of them,
/// the melders to call back and what came in since the previous dienst. JSON, or one printable HTML document (format=html
/// or Accept: text/html). A boa gets his or her own wijken; the teamleider all, or one boa's with boa=CODE.
/// </summary>
public static class BriefingApi
{
    public static IServiceCollection AddBriefing(this IServiceCollection services)
    {
        services.AddOptions<BriefingOptions>().BindConfiguration(BriefingOptions.Section);
        return services.AddScoped<BriefingQueries>();
    }

    public static IEndpointRouteBuilder MapBriefingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/briefing", Lees).RequireAuthorization(Policies.Briefing).CacheOutput(GemeenteReadCache.PerGebruikerName).WithTags("Briefing")
            .WithName("Briefing")
            .WithSummary("Briefing for a dienst (vroeg 07–15, laat 15–23, nacht 23–07, local time): per wijk (or one: wijk=) " +
                "the places to visit with their hours and a map, call-backs, what came in since the previous dienst; " +
                "boa=CODE for one boa's wijken; JSON or HTML")
            .Produces<BriefingUitvoer>(200, "application/json").Produces(200, contentType: "text/html");
        return app;
    }

    internal static async Task<Results<Ok<BriefingUitvoer>, ContentHttpResult, ProblemHttpResult>> Lees(
        [FromQuery] string? datum, [FromQuery] string? dienst, [FromQuery] string? wijk, [FromQuery] string? boa, [FromQuery] string? format,
        HttpRequest request, CurrentHotspots current, BriefingQueries queries, FilterValues filters, CurrentUser user, IOptions<BriefingOptions> options,
        PersoonsgegevensAudit audit, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(datum, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dag))
        {
            return Problems.InvalidField("datum", "een datum als 2026-12-01.", datum);
        }
        var shift = Dienst.Alle.FirstOrDefault(d => d.Code == dienst?.ToLowerInvariant());
        if (shift is null) return Problems.InvalidField("dienst", $"een van: {string.Join(", ", Dienst.Alle.Select(d => d.Code))}.", dienst);
        if (!(await filters.WijkAsync(user.GemeenteId, ct)).TryResolve(wijk, out wijk, out var unknown)) return unknown;

        // A boa (without a wider role) gets his or her own briefing and no other boa's.
        BriefingBoa? voor = null;
        if (MeldingenQueries.AlleenEigenWijkenVoor(user))
        {
            voor = await queries.BoaVanGebruikerAsync(ct);
            if (voor is null) return Problems.Create(403, "geen-boa", "Geen boa gekoppeld",
                $"Aan gebruiker {user.Naam} is geen boa gekoppeld (boa.gebruikersnaam).");
            if (boa is not null && !string.Equals(boa, voor.Code, StringComparison.OrdinalIgnoreCase))
            {
                return Problems.Create(403, "andere-boa", "Alleen de eigen briefing",
                    $"Een boa leest alleen de eigen briefing ({voor.Code}), niet die van {boa}.");
            }
        }
        else if (boa is not null)
        {
            voor = await queries.BoaAsync(boa, ct);
            if (voor is null) return Problems.InvalidField("boa", $"een boa-code van de gemeente: {string.Join(", ", await queries.BoaCodesAsync(ct))}.", boa);
        }

        var settings = options.Value;
        var van = dag.ToDateTime(new TimeOnly(shift.VanUur, 0));
        var snapshot = await current.GetAsync(user.GemeenteId, ct);
        var plaatsen = snapshot is null ? Enumerable.Empty<Plaats>().ToLookup(_ => "")
            : BriefingPlaatsen.PerWijk(snapshot, van, shift.Uren, settings, HotspotRecomputeJob.DefaultParameters.FalseDiscoveryRate);
        var wijken = (await queries.WijkenAsync(voor?.Wijken, ct)).Where(w => wijk is null || w.Code == wijk).ToList();
        var codes = wijken.Select(w => w.Code).ToArray();
        var dienstStart = AmsterdamTime.ToInstant(van);
        var terugbellen = await queries.TerugbellenAsync(codes, dienstStart.AddDays(-settings.TerugbelDagen), dienstStart, settings.MaxTerugbellenPerWijk, ct);
        await audit.RegistreerAsync([.. terugbellen.PerWijk.SelectMany(w => w).Select(t => t.MeldingId)], ContactInzage.InzienMelding,
            "briefing: terugbellen", ct);
        var vorigeVan = van.AddHours(-shift.Uren);
        var sinds = await queries.SindsAsync(codes, AmsterdamTime.ToInstant(vorigeVan), dienstStart, ct);
        var scholen = await queries.ScholenAsync(ct);

        var kaarten = new Dictionary<string, WijkKaart>();
        var uitvoer = new BriefingUitvoer(dag, DutchDates.Date(dag), shift.Code, $"{shift.VanUur:00}:00", $"{(shift.VanUur + shift.Uren) % 24:00}:00",
            voor?.Code, snapshot?.RunId,
            [.. new[] { snapshot is null ? null : SchoolCalendarStore.Waarschuwing(snapshot.Kalender, snapshot.Regio, dag) }.OfType<string>()],
            [.. wijken.Select(w =>
            {
                var wijkPlaatsen = plaatsen[w.Code].ToList();
                kaarten[w.Code] = BriefingKaart.Render(w.Code, w.Naam, w.Geometrie, wijkPlaatsen,
                    [.. scholen.Where(s => w.Geometrie.IsWithinDistance(s.Punt, 300))], settings.BasemapWmsUrl);
                return new BriefingWijk(w.Code, w.Naam, w.Boas, [.. wijkPlaatsen.Select(ToBriefing)],
                    [.. Enumerable.Range(0, shift.Uren).Select(u => Blok(wijkPlaatsen, u, van.AddHours(u)))],
                    [.. terugbellen.PerWijk[w.Code].Select(t => t with { DagenOud = DagenOud(t.GemeldOp, dag) })],
                    terugbellen.Totaal.GetValueOrDefault(w.Code),
                    sinds.TryGetValue(w.Code, out var s) ? s with { Vanaf = $"{vorigeVan:HH:mm}" }
                        : new SindsVorigeDienst($"{vorigeVan:HH:mm}", 0, 0, [], [], 0));
            })], snapshot?.Backtest ?? []);

        var wantsHtml = format == "html" || (format is null && request.Headers.Accept.Any(a => a?.Contains("text/html") == true));
        return wantsHtml ? TypedResults.Content(BriefingHtml.Render(uitvoer, kaarten), "text/html; charset=utf-8") : TypedResults.Ok(uitvoer);
    }

    private static BriefingBlok Blok(List<Plaats> plaatsen, int blok, DateTime uur)
    {
        var actief = plaatsen.Where(p => p.Blokken.ContainsKey(blok)).OrderByDescending(p => p.Blokken[blok]).ThenBy(p => p.Nummer)
            .Select(p => (Plaats: p, Tijd: p.ActiefIn(uur, uur.AddHours(1))!)).ToList();
        var tijdvak = actief.Count == 0 ? null : BriefingTijdvak.Uit(new LocalSpan(actief.Min(a => a.Tijd.From), actief.Max(a => a.Tijd.To)));
        return new BriefingBlok($"{uur:HH}:00–{uur.AddHours(1):HH}:00", tijdvak,
            [.. actief.Select(a => new BlokPlaats(a.Plaats.Nummer, Math.Round(a.Plaats.Blokken[blok], 2), BriefingTijdvak.Uit(a.Tijd)))]);
    }

    private static int DagenOud(DateTimeOffset gemeldOp, DateOnly dag) =>
        dag.DayNumber - DateOnly.FromDateTime(AmsterdamTime.ToLocal(gemeldOp).DateTime).DayNumber;

    private static BriefingPlaats ToBriefing(Plaats p)
    {
        var beste = p.Beste;
        var (lon, lat) = RdNew.ToWgs84(beste.Centroide.X, beste.Centroide.Y);
        var naam = beste.Plaats ?? HotspotReasons.Beschrijf(beste);
        var tijden = DutchDates.Spans(p.Tijden);
        var wat = BriefingPlaatsen.Wat(p);
        var trend = BriefingPlaatsen.Trend(p);
        return new BriefingPlaats(p.Nummer, naam, beste.Straten, beste.BuurtNaam, beste.Scholen, wat,
            [.. p.Hotspots.SelectMany(h => h.Categorieen).Distinct().Order()], [.. p.Hotspots.Select(h => h.Venster).Distinct().Order()], tijden,
            [.. p.Tijden.Select(BriefingTijdvak.Uit)],
            Math.Round(p.VerwachtPerUur, 2), Math.Round(p.VerwachtInDienst, 2), trend.Code(), trend.Dutch(),
            $"{wat} {tijden}, {Math.Round(p.VerwachtPerUur, 1).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',')} per uur ({trend.Dutch()})",
            Math.Round(lon, 6), Math.Round(lat, 6), [.. p.Hotspots.Select(h => h.Id)]);
    }
}
