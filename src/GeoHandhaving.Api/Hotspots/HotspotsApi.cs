using System.Globalization;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Hotspots;

public sealed record TijdvensterUitvoer(string Code, string Definitie, string[] Categorieen, bool AlleenSchooldagen);

public sealed record HerberekeningUitvoer(string JobId);

/// <param name="Regio">noord, midden or zuid.</param>
/// <param name="Waarschuwing">Set when the school calendar does not cover the coming weeks for this regio.</param>
public sealed record SchoolregioUitvoer(string Regio, string? BekendTot, string? Waarschuwing);

public sealed record SchoolregioInvoer(string? Regio);

public static class HotspotsApi
{
    public const int MaxActief = 200;
    private static readonly string[] DagCodes = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    public static IServiceCollection AddHotspots(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HotspotsOptions>(configuration.GetSection(HotspotsOptions.Section));
        return services
            .AddScoped<HotspotWindows>()
            .AddScoped<SchoolCalendarStore>()
            .AddScoped<HotspotRecomputeJob>()
            .AddScoped<NightlyHotspotRecompute>()
            .AddSingleton<HotspotRecomputeScheduler>()
            .AddSingleton<CurrentHotspots>();
    }

    public static IEndpointRouteBuilder MapHotspotsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/hotspots").WithTags("Hotspots").RequireAuthorization(Policies.HotspotsLezen);
        api.MapGet("/active", LijstActief).WithName("ActieveHotspots").CacheOutput(GemeenteReadCache.Name)
            .WithSummary("Hotspots active at a local time (at=2026-12-01T08:15, Europe/Amsterdam) or weekday+hour (dag=di&uur=8), ranked, with the reason in " +
                "words; GeoJSON, CRS84 unless crs asks RD New");
        api.MapGet("", Lijst).WithName("Hotspots")
            .WithSummary("Hotspots of the current run (all of them, significant after FDR), optionally of one window (venster) or categorie, or at least " +
                "minPerUur meldingen expected per hour; GeoJSON");
        api.MapGet("/runs", LijstRuns).WithName("HotspotRuns")
            .WithSummary("The recent recompute runs with parameters, counts, duration and backtest (per window group the chosen setting, its hit " +
                "rate and PAI at 1 % and 5 % of the area beside a plain count's, and a Dutch sentence)");
        api.MapGet("/runs/{id:long}", LeesRun).WithName("HotspotRun")
            .WithSummary("One recompute run of the gemeente with its backtest; 404 problem details for an unknown id");
        api.MapPost("/herbereken", Herbereken).WithName("HerberekenHotspots").RequireAuthorization(Policies.Beheer)
            .WithSummary("Queue a recompute now (admin); it never runs twice at once");
        app.MapGet("/api/v1/schoolregio", LeesSchoolregio).RequireAuthorization(Policies.HotspotsLezen).WithTags("Hotspots").WithName("LeesSchoolregio")
            .WithSummary("The gemeente's school holiday regio (noord, midden, zuid) and how far the school calendar reaches");
        app.MapPut("/api/v1/schoolregio", WijzigSchoolregio).RequireAuthorization(Policies.Beheer).WithTags("Hotspots").WithName("WijzigSchoolregio")
            .WithSummary("Set the gemeente's school holiday regio (admin); the hotspots are recomputed");
        app.MapGet("/api/v1/tijdvensters", LijstTijdvensters).RequireAuthorization(Policies.HotspotsLezen).WithTags("Hotspots")
            .WithName("Tijdvensters").WithSummary("The time windows hotspots are computed for (Europe/Amsterdam local time)");
        return app;
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> LijstActief(
        [FromQuery] string? at, [FromQuery] string? dag, [FromQuery] int? uur, [FromQuery] string? categorie, [FromQuery] int? limit,
        [FromQuery] double? minPerUur, [FromQuery] string? crs, CurrentHotspots current, FilterValues filters, CurrentUser user, HttpResponse response,
            CancellationToken ct)
    {
        if (minPerUur is < 0) return Problems.InvalidField("minPerUur", "0 of meer (meldingen per uur).", minPerUur);
        if (!Crs.TryForResponse(crs, response, out var output, out var crsProblem)) return crsProblem;
        var (paging, pagingProblem) = Paging.From(null, limit, defaultLimit: 20, maxLimit: MaxActief);
        if (pagingProblem is not null) return pagingProblem;
        var (moment, schoolDagBekend, problem) = ParseMoment(at, dag, uur);
        if (problem is not null) return problem;
        if (!(await filters.CategorieAsync(user.GemeenteId, ct)).TryResolve(categorie, out categorie, out var unknown)) return unknown;
        var snapshot = await current.GetAsync(user.GemeenteId, ct);
        var actief = (snapshot?.ActiefOp(moment, schoolDagBekend) ?? []).Where(h => h.PerUur >= (minPerUur ?? 0));
        if (categorie is not null)
        {
            actief = actief.Where(h => h.Categorieen.Length == 0 || h.Categorieen.Contains(categorie));
        }
        var features = actief.Take(paging!.Value.Limit).Select((h, i) => ToFeature(h, output, i + 1)).ToList();
        return TypedResults.Ok(new GeoJsonFeatureCollection(features) { NumberMatched = features.Count, NumberReturned = features.Count });
    }

    /// <summary>at= is a local date-time; dag+uur a weekday and hour without a date (every weekday then counts as a school day).</summary>
    private static (DateTime Moment, bool SchoolDagBekend, ProblemHttpResult? Problem) ParseMoment(string? at, string? dag, int? uur)
    {
        if (at is { Length: > 0 })
        {
            return DateTime.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) && !at.Contains('Z') && !at.Contains('+')
                ? (DateTime.SpecifyKind(local, DateTimeKind.Unspecified), true, null)
                : (default, false, Problems.InvalidField("at", "lokale tijd in Europe/Amsterdam zonder offset, bv. 2026-12-01T08:15.", at));
        }
        var dagIndex = Array.IndexOf(DagCodes, dag?.ToLowerInvariant());
        if (dagIndex < 0) return (default, false, Problems.InvalidField("dag", "geef at=… of dag (ma, di, wo, do, vr, za, zo) met uur.", dag));
        if (uur is not (>= 0 and <= 23)) return (default, false, Problems.InvalidField("uur", "0 t/m 23 (lokale tijd).", uur));
        // 2 January 2023 was a Monday: any week serves, only weekday and hour matter here.
        return (new DateTime(2023, 1, 2 + dagIndex, uur.Value, 30, 0), false, null);
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> Lijst(
        [FromQuery] string? venster, [FromQuery] string? categorie, [FromQuery] double? minPerUur, [FromQuery] string? crs, CurrentHotspots current,
        FilterValues filters, CurrentUser user, HttpResponse response, CancellationToken ct)
    {
        if (minPerUur is < 0) return Problems.InvalidField("minPerUur", "0 of meer (meldingen per uur).", minPerUur);
        if (!Crs.TryForResponse(crs, response, out var output, out var crsProblem)) return crsProblem;
        if (!(await filters.VensterAsync(user.GemeenteId, ct)).TryResolve(venster, out venster, out var unknown)) return unknown;
        if (!(await filters.CategorieAsync(user.GemeenteId, ct)).TryResolve(categorie, out categorie, out unknown)) return unknown;
        var snapshot = await current.GetAsync(user.GemeenteId, ct);
        var hotspots = (snapshot?.Hotspots ?? []).Where(h => (venster is null || h.Venster == venster)
            && (categorie is null || h.Categorieen.Contains(categorie)) && h.PerUur >= (minPerUur ?? 0)).ToList();
        return TypedResults.Ok(new GeoJsonFeatureCollection(hotspots.Select(h => ToFeature(h, output, h.Rang))
            .ToList())
        { NumberMatched = hotspots.Count, NumberReturned = hotspots.Count });
    }

    internal static async Task<Ok<HotspotRunUitvoer[]>> LijstRuns(Data.GeoHandhavingDbContext db, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await db.HotspotRuns.AsNoTracking().Where(r => r.GemeenteId == user.GemeenteId).OrderByDescending(r => r.Id).Take(20)
            .ToListAsync(ct)).Select(HotspotRunUitvoer.Van).ToArray());

    internal static async Task<Results<Ok<HotspotRunUitvoer>, ProblemHttpResult>> LeesRun(long id, Data.GeoHandhavingDbContext db, CurrentUser user,
        CancellationToken ct) =>
        await db.HotspotRuns.AsNoTracking().SingleOrDefaultAsync(r => r.GemeenteId == user.GemeenteId && r.Id == id, ct) is { } run
            ? TypedResults.Ok(HotspotRunUitvoer.Van(run))
            : Problems.NotFound("hotspot-run", id);

    internal static Accepted<HerberekeningUitvoer> Herbereken(HotspotRecomputeScheduler scheduler, CurrentUser user) =>
        TypedResults.Accepted("/api/v1/hotspots/runs", new HerberekeningUitvoer(scheduler.RunNow(user.GemeenteId, $"handmatig door {user.Naam}")));

    internal static async Task<Ok<SchoolregioUitvoer>> LeesSchoolregio(HotspotWindows windows, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        var context = await windows.ContextAsync(user.GemeenteId, ct);
        return TypedResults.Ok(Schoolregio(context.Regio, context.Calendar, clock));
    }

    internal static async Task<Results<Ok<SchoolregioUitvoer>, ProblemHttpResult>> WijzigSchoolregio(SchoolregioInvoer invoer, HotspotWindows windows,
        HotspotRecomputeScheduler scheduler, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.TryParse<SchoolRegio>(invoer.Regio, ignoreCase: true, out var regio) || !Enum.IsDefined(regio) || int.TryParse(invoer.Regio, out _))
        {
            return Problems.InvalidField("regio", "noord, midden of zuid.", invoer.Regio);
        }
        await windows.ZetRegioAsync(user.GemeenteId, regio, ct);
        scheduler.Request(user.GemeenteId, $"schoolregio {regio.ToString().ToLowerInvariant()} door {user.Naam}");
        return TypedResults.Ok(Schoolregio(regio, (await windows.ContextAsync(user.GemeenteId, ct)).Calendar, clock));
    }

    private static SchoolregioUitvoer Schoolregio(SchoolRegio regio, SchoolCalendar kalender, TimeProvider clock)
    {
        var over = DateOnly.FromDateTime(AmsterdamTime.ToLocal(clock.GetUtcNow()).DateTime).AddDays(SchoolCalendarStore.Vooruit.Days);
        return new SchoolregioUitvoer(regio.ToString().ToLowerInvariant(), kalender.CoveredUntil(regio)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            SchoolCalendarStore.Waarschuwing(kalender, regio, over));
    }

    internal static async Task<Ok<TijdvensterUitvoer[]>> LijstTijdvensters(HotspotWindows windows, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await windows.ForGemeenteAsync(user.GemeenteId, ct)).Select(w => new TijdvensterUitvoer(w.Name,
            TimeWindowText.Format(w), [.. w.Categories.Order()], w.SchoolDaysOnly)).ToArray());

    internal static GeoJsonFeature ToFeature(HotspotView h, Crs crs, int rang) =>
        new(h.Id, crs == Crs.Crs84 ? h.GeometrieCrs84 : crs.FromStorage(h.Geometrie), new Dictionary<string, object?>
        {
            ["rang"] = rang, ["reden"] = HotspotReasons.Beschrijf(h), ["venster"] = h.Venster, ["categorieen"] = h.Categorieen,
            ["plaats"] = h.Plaats, ["straten"] = h.Straten, ["buurt"] = h.BuurtNaam,
            ["wijken"] = h.WijkCodes, ["wijkboas"] = h.Wijkboas, ["trend"] = h.Trend, ["trendTekst"] = h.TrendLabel.Dutch(), ["scholen"] = h.Scholen,
            ["perUur"] = h.PerUur, ["waargenomen"] = h.Waargenomen, ["verwacht"] = h.Verwacht, ["z"] = h.Z, ["p"] = h.P, ["score"] = h.Score,
        });
}
