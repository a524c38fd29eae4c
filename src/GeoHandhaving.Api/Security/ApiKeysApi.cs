using GeoHandhaving.Api.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Security;

public sealed record ApiKeyInvoer(string? Naam, string[]? Rollen);
public sealed record ApiKeyUitvoer(long Id, string Naam, string[] Rollen, DateTimeOffset AangemaaktOp, DateTimeOffset? IngetrokkenOp);
public sealed record NieuweApiKeyUitvoer(long Id, string Naam, string[] Rollen, DateTimeOffset AangemaaktOp, string Sleutel);

/// <summary>API keys for machine clients of the admin's gemeente; a client sends the key in the X-Api-Key header.</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/api-keys").WithTags("Beheer").RequireAuthorization(Policies.Beheer);
        api.MapPost("", Maak).WithName("MaakApiKey")
            .WithSummary($"Create a key for a machine client (roles: {string.Join(", ", ApiKeyRules.ToegestaneRollen)}); the key is shown once, only its " +
                $"hash is stored");
        api.MapGet("", Lijst).WithName("ApiKeys").WithSummary("The gemeente's API keys (never the secret), revoked ones with the revocation time");
        api.MapDelete("/{id:long}", TrekIn).WithName("TrekApiKeyIn")
            .WithSummary($"Revoke a key; other instances stop accepting it at once, at the latest within {ApiKeyLookup.CacheTime.TotalSeconds:0} seconds");
        return app;
    }

    internal static async Task<Results<Created<NieuweApiKeyUitvoer>, ProblemHttpResult>> Maak(
        ApiKeyInvoer verzoek, ApiKeyStore store, CurrentUser user, CancellationToken ct)
    {
        if (ApiKeyRules.Check(verzoek.Naam, verzoek.Rollen) is var (field, reason)) return Problems.InvalidField(field, reason,
            field == "naam" ? verzoek.Naam : verzoek.Rollen);
        var (key, sleutel) = await store.CreateAsync(user.GemeenteId, verzoek.Naam!, verzoek.Rollen!, ct);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new NieuweApiKeyUitvoer(key.Id, key.Naam, key.Rollen, key.AangemaaktOp, sleutel));
    }

    internal static async Task<Ok<ApiKeyUitvoer[]>> Lijst(ApiKeyStore store, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(user.GemeenteId, ct))
            .Select(k => new ApiKeyUitvoer(k.Id, k.Naam, k.Rollen, k.AangemaaktOp, k.IngetrokkenOp)).ToArray());

    internal static async Task<Results<NoContent, ProblemHttpResult>> TrekIn(long id, ApiKeyStore store, CurrentUser user, CancellationToken ct) =>
        await store.RevokeAsync(user.GemeenteId, id, ct) ? TypedResults.NoContent() : Problems.NotFound("API-sleutel", id);
}
