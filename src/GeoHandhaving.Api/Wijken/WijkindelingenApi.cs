using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Wijken;

/// <summary>REST endpoints of the wijkindelingen: list, a new draft, its coverage check and its activation.</summary>
public static class WijkindelingenApi
{
    public static IEndpointRouteBuilder MapWijkindelingenApi(this IEndpointRouteBuilder app)
    {
        var indelingen = app.MapGroup("/api/v1/wijkindelingen").WithTags("Wijkindelingen").RequireAuthorization(Policies.WijkenLezen);
        indelingen.MapGet("", Lijst).WithName("LijstWijkindelingen").WithSummary("Active, draft and archived wijkindelingen");
        indelingen.MapGet("/{id:long}/dekking", Dekking).WithName("LeesWijkindelingDekking")
            .WithSummary("Coverage check: gaps inside the gemeentegrens, overlaps and slivers, with their geometries");
        indelingen.MapPost("", Maak).WithName("MaakWijkindeling").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("A new draft wijkindeling, by default a copy of the active one (no body needed); ogcCollectie is where QGIS edits it");
        indelingen.MapPost("/{id:long}/activeer", Activeer).WithName("ActiveerWijkindeling").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("Activate a draft when its coverage check passes; archives the previous one and reassigns meldingen");
        return app;
    }

    internal static async Task<Ok<List<WijkindelingUitvoer>>> Lijst(Wijkindelingen indelingen, CurrentUser user, HttpRequest request, CancellationToken ct) =>
        TypedResults.Ok((await indelingen.ListAsync(user.GemeenteId, ct)).Select(w => WijkindelingUitvoer.From(w, request)).ToList());

    internal static async Task<Results<Created<WijkindelingUitvoer>, ProblemHttpResult>> Maak(
        Wijkindelingen indelingen, CurrentUser user, HttpRequest request, WijkindelingInvoer? body, CancellationToken ct)
    {
        body ??= new WijkindelingInvoer();
        if (body.Naam is { } naam && (string.IsNullOrWhiteSpace(naam) || naam.Length > 200))
        {
            return Problems.InvalidField("naam", "een naam van 1 t/m 200 tekens, of geen (dan: 'Concept van … (datum)').", body.Naam);
        }
        var concept = await indelingen.CreateDraftAsync(new Actor(user.GemeenteId, user.Naam), body.Naam, body.KopieVanActief, ct);
        return TypedResults.Created($"/api/v1/wijkindelingen/{concept.Id}", WijkindelingUitvoer.From(concept, request));
    }

    internal static async Task<Results<Ok<DekkingsRapportUitvoer>, ProblemHttpResult>> Dekking(
        [AsParameters] WijkenHandlerServices s, CoverageQueries coverage, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        if (await s.Store.WijkindelingAsync(s.GemeenteId, id, ct) is null) return Problems.NotFound("Wijkindeling", id);
        return TypedResults.Ok(DekkingsRapportUitvoer.From(await coverage.CheckAsync(s.GemeenteId, id, ct), output));
    }

    internal static async Task<Results<Ok<WijkindelingUitvoer>, ProblemHttpResult>> Activeer(
        Wijkindelingen indelingen, CurrentUser user, HttpRequest request, long id, CancellationToken ct)
    {
        var (actief, fout) = await indelingen.ActivateAsync(new Actor(user.GemeenteId, user.Naam), id, ct);
        return fout is not null ? fout.Problem(Crs.Crs84) : TypedResults.Ok(WijkindelingUitvoer.From(actief!, request));
    }
}
