using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>
/// The balanced wijkindeling proposal (queued as a Hangfire job, it lands as a draft) and the balance of a
/// wijkindeling, to compare a draft or proposal with the active one.
/// </summary>
public static class VoorstelApi
{
    public static IServiceCollection AddVoorstel(this IServiceCollection services) => services
        .AddScoped<WijkindelingVoorstelJob>()
        .AddScoped<VoorstelRuns>()
        .AddScoped<WijkBalansQueries>();

    public static IEndpointRouteBuilder MapVoorstelApi(this IEndpointRouteBuilder app)
    {
        var indelingen = app.MapGroup("/api/v1/wijkindelingen").WithTags("Wijkindelingen").RequireAuthorization(Policies.WijkenLezen);
        indelingen.MapGet("/{id:long}/balans", LeesBalans).WithName("LeesWijkindelingBalans")
            .WithSummary("Workload (meldingen of the last year), addresses, buurten, schools, area and Polsby-Popper per wijk; compare a draft with the " +
                "active one");
        indelingen.MapPost("/voorstel", Maak).WithName("MaakWijkindelingVoorstel").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("Queue a balanced, compact, contiguous proposal from the buurten; it lands as a draft wijkindeling. " +
                "202 with the Location of its status");
        indelingen.MapGet("/voorstel/{id:long}", Lees).WithName("LeesWijkindelingVoorstel")
            .WithSummary("Where a proposal is: wachtrij, bezig (phase, step, percentage), voltooid (draft id and balance) or mislukt (problem details)");
        return app;
    }

    internal static async Task<Results<Ok<WijkBalansUitvoer>, ProblemHttpResult>> LeesBalans(
        [AsParameters] WijkenHandlerServices s, WijkBalansQueries balans, long id, CancellationToken ct)
    {
        if (await s.Store.WijkindelingAsync(s.GemeenteId, id, ct) is null) return Problems.NotFound("Wijkindeling", id);
        return TypedResults.Ok(await balans.VoorAsync(s.GemeenteId, id, ct));
    }

    internal static async Task<Results<Accepted<VoorstelUitvoer>, ProblemHttpResult>> Maak(
        VoorstelInvoer verzoek, [AsParameters] WijkenHandlerServices s, VoorstelRuns runs, HotspotWindows windows, IBackgroundJobClient jobs,
        CancellationToken ct)
    {
        var buurten = await s.Store.BuurtCountAsync(s.GemeenteId, ct);
        if (verzoek.Aantal is not { } aantal || aantal < 2 || aantal > buurten)
        {
            return Problems.InvalidField("aantal", $"aantal wijken tussen 2 en het aantal buurten ({buurten}).", verzoek.Aantal);
        }
        if (verzoek.Werklast is not (null or WijkindelingVoorstelJob.WerklastMeldingen or WijkindelingVoorstelJob.WerklastAdressen))
        {
            return Problems.InvalidField("werklast", "'meldingen' of 'adressen'.", verzoek.Werklast);
        }
        if (verzoek.Venster is { Length: > 0 } venster && VensterFout(await windows.ResolveAsync(s.GemeenteId, venster, ct)) is { } vensterFout)
        {
            return Problems.InvalidField("venster", vensterFout, venster);
        }
        if (verzoek.CategorieGewichten?.FirstOrDefault(g => g.Value is < 0 or > 100 || double.IsNaN(g.Value)) is { Key: not null } fout)
        {
            return Problems.InvalidField($"categorieGewichten.{fout.Key}", "gewicht tussen 0 en 100.", fout.Value);
        }
        if (await VastgezetteBuurtenProbleemAsync(verzoek.VastgezetteBuurten, aantal, s, ct) is { } probleem)
        {
            return probleem;
        }
        var run = await runs.QueueAsync(s.Actor, verzoek, ct);
        var jobId = jobs.Enqueue<WijkindelingVoorstelJob>(j => j.RunAsync(s.GemeenteId, run.Id, CancellationToken.None));
        await runs.SetJobAsync(s.GemeenteId, run.Id, jobId, ct);
        return TypedResults.Accepted($"/api/v1/wijkindelingen/voorstel/{run.Id}", VoorstelUitvoer.From(run));
    }

    internal static async Task<Results<Ok<VoorstelUitvoer>, ProblemHttpResult>> Lees(VoorstelRuns runs, CurrentUser user, long id, CancellationToken ct) =>
        await runs.FindAsync(user.GemeenteId, id, ct) is { } run ? TypedResults.Ok(VoorstelUitvoer.From(run)) : Problems.NotFound("Voorstel", id);

    /// <summary>Why a venster cannot weigh the workload: unknown or invalid, or not on quarter hours (the workload is read from the heatmap's
    /// cell table).</summary>
    internal static string? VensterFout((TimeWindow? Window, string? Error) resolved) =>
        resolved.Error ?? (HeatmapFilter.OpKwartieren(resolved.Window!) ? null
            : $"venster {TimeWindowText.Format(resolved.Window!)} begint of eindigt niet op een heel kwartier; de werklast telt per kwartier.");

    /// <summary>422 naming the buurt code when a locked buurt is no buurt of the gemeente or its wijk number is not 1..aantal.</summary>
    private static async Task<ProblemHttpResult?> VastgezetteBuurtenProbleemAsync(IReadOnlyDictionary<string, int>? vastgezet, int aantal,
        WijkenHandlerServices s, CancellationToken ct)
    {
        if (vastgezet is null or { Count: 0 })
        {
            return null;
        }
        if ((await s.Store.UnknownBuurtCodesAsync(s.GemeenteId, vastgezet.Keys.ToList(), ct)).FirstOrDefault() is { } onbekend)
        {
            return Problems.Unprocessable("unknown-buurt", "Onbekende buurt", $"Buurt '{onbekend}' is geen buurt van uw gemeente.",
                new Dictionary<string, object?> { ["field"] = $"vastgezetteBuurten.{onbekend}", ["value"] = onbekend });
        }
        if (vastgezet.FirstOrDefault(v => v.Value < 1 || v.Value > aantal) is { Key: not null } buiten)
        {
            return Problems.Unprocessable("unknown-wijk", "Onbekende wijk",
                $"Buurt '{buiten.Key}' is vastgezet aan wijk {buiten.Value}; het voorstel heeft wijken 1 t/m {aantal}.",
                new Dictionary<string, object?> { ["field"] = $"vastgezetteBuurten.{buiten.Key}", ["value"] = buiten.Value });
        }
        return null;
    }
}
