using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Wijken;

/// <summary>REST endpoints of the boa's of the gemeente and of the wijkboa's of a wijk.</summary>
public static class BoasApi
{
    public static IEndpointRouteBuilder MapBoasApi(this IEndpointRouteBuilder app)
    {
        var boas = app.MapGroup("/api/v1/boas").WithTags("Boas").RequireAuthorization(Policies.WijkenLezen);
        boas.MapGet("", Lijst).WithName("LijstBoas").WithSummary("The boa's of the gemeente");
        boas.MapPost("", Registreer).WithName("RegistreerBoa").WithSummary("Register a boa").RequireAuthorization(Policies.WijkenBeheren);
        app.MapPut("/api/v1/wijken/{code}/boas", WijsToe).WithTags("Wijken").RequireAuthorization(Policies.WijkenBeheren)
            .WithName("WijsWijkBoasToe")
            .WithSummary("Assign boa's to a wijk of the active (or named) wijkindeling by code; the first is primary; open meldingen of an active wijk follow");
        return app;
    }

    internal static async Task<Ok<List<BoaUitvoer>>> Lijst(BoaStore boas, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await boas.ListAsync(user.GemeenteId, ct)).Select(BoaUitvoer.From).ToList());

    internal static async Task<Results<Created<BoaUitvoer>, ProblemHttpResult>> Registreer(BoaStore boas, CurrentUser user, BoaInvoer body,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Code) || string.IsNullOrWhiteSpace(body.Naam)) return Problems.InvalidField("code", "Code en naam zijn verplicht.");
        if (await boas.ExistsAsync(user.GemeenteId, body.Code, ct)) return Problems.Conflict("duplicate-code", "Boa bestaat al",
            $"Boa '{body.Code}' bestaat al.");
        var boa = await boas.CreateAsync(user.GemeenteId, body.Code, body.Naam, body.Gebruikersnaam, ct);
        return TypedResults.Created($"/api/v1/boas/{boa.Id}", BoaUitvoer.From(boa));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> WijsToe(
        [AsParameters] WijkenHandlerServices s, string code, WijkBoasInvoer body, long? wijkindeling, CancellationToken ct)
    {
        var indeling = await s.Store.WijkindelingAsync(s.GemeenteId, wijkindeling, ct);
        var wijk = indeling is null ? null : await s.Store.FindByCodeAsync(s.GemeenteId, indeling.Id, code, ct);
        if (wijk is null) return Problems.NotFound("Wijk", code);
        var unknown = await s.Boas.AssignAsync(s.GemeenteId, indeling!.Id, code, body.BoaIds, ct);
        if (unknown.Length > 0) return Problems.InvalidField("boaIds", $"Onbekende boa's: {string.Join(", ", unknown)}.", unknown);
        return TypedResults.Ok(await s.FeatureAsync(wijk, Crs.Crs84, ct));
    }
}
