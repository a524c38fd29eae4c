using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Privacy;

/// <summary>Query parameters of the audit (all optional): who, which melding, which period.</summary>
public sealed record InzagesZoekParameters(string? Gebruiker, long? Melding, DateTimeOffset? Van, DateTimeOffset? Tot, int? Offset, int? Limit);

public sealed record InzageUitvoer(long Id, long MeldingId, string Handeling, string Door, string Rol, DateTimeOffset Op, string Doel);
public sealed record InzagesUitvoer(IReadOnlyList<InzageUitvoer> Inzages, long Totaal);

/// <summary>An AVG request of one melder, found by e-mail address and/or phone number; <c>Verzoek</c> is its reference.</summary>
public sealed record AvgVerzoekInvoer(string? Email, string? Telefoon, string? Verzoek);

public sealed record AvgMeldingUitvoer(long Id, string Bron, string Categorie, DateTimeOffset GemeldOp, string? Omschrijving, string? Adres,
    string Status, MelderGegevens Melder, IReadOnlyList<MeldingGebeurtenisUitvoer> Historie, IReadOnlyList<InzageUitvoer> Inzages);
public sealed record AvgInzageUitvoer(string Verzoek, IReadOnlyList<AvgMeldingUitvoer> Meldingen);
public sealed record AvgWissingUitvoer(string Verzoek, IReadOnlyList<long> Meldingen, int Geanonimiseerd);

/// <summary>
/// For the gemeente's privacy officer (role privacy): the audit of every read of personal data, and the AVG requests of
/// a melder: inzage (art. 15, all we hold on him or her) and wissing (art. 17, anonymised everywhere). Both are audited.
/// </summary>
public static class PrivacyApi
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services) => services.AddScoped<PrivacyStore>();

    public static IEndpointRouteBuilder MapPrivacyApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/privacy").WithTags("Privacy").RequireAuthorization(Policies.Privacytoezicht);
        api.MapGet("/inzages", LijstInzages).WithName("LeesInzages")
            .WithSummary("The audit of personal data: who read or erased which melder's data, when and why; filters gebruiker, melding, van, tot; paging");
        api.MapPost("/avg/inzage", GeefInzage).WithName("AvgInzage")
            .WithSummary("AVG inzage: every melding of the melder with this e-mail and/or phone, with contact, history and who read it; audited");
        api.MapPost("/avg/wissing", Wis).WithName("AvgWissing")
            .WithSummary("AVG erasure: the melder's contact anonymised in every melding and his name, e-mail and phone removed from the descriptions; audited");
        return app;
    }

    internal static async Task<Results<Ok<InzagesUitvoer>, ProblemHttpResult>> LijstInzages(
        [AsParameters] InzagesZoekParameters p, PrivacyStore store, CancellationToken ct)
    {
        var (paging, problem) = Paging.From(p.Offset, p.Limit);
        if (problem is not null) return problem;
        if (p.Van is { } van && p.Tot is { } tot && tot <= van) return Problems.InvalidField("tot", "tot ligt na van.", p.Tot);
        var (inzages, totaal) = await store.InzagesAsync(p.Gebruiker, p.Melding, p.Van, p.Tot, paging!.Value, ct);
        return TypedResults.Ok(new InzagesUitvoer(inzages, totaal));
    }

    internal static async Task<Results<Ok<AvgInzageUitvoer>, ProblemHttpResult>> GeefInzage(AvgVerzoekInvoer verzoek, PrivacyStore store, CancellationToken ct)
    {
        if (Controleer(verzoek) is { } problem) return problem;
        var kenmerk = verzoek.Verzoek!.Trim();
        return TypedResults.Ok(new AvgInzageUitvoer(kenmerk, await store.InzageAsync(MelderSleutel.Van(verzoek.Email, verzoek.Telefoon), kenmerk, ct)));
    }

    internal static async Task<Results<Ok<AvgWissingUitvoer>, ProblemHttpResult>> Wis(AvgVerzoekInvoer verzoek, PrivacyStore store, CancellationToken ct)
    {
        if (Controleer(verzoek) is { } problem) return problem;
        var (meldingen, geanonimiseerd) = await store.WisAsync(MelderSleutel.Van(verzoek.Email, verzoek.Telefoon), verzoek.Verzoek!.Trim(), ct);
        return TypedResults.Ok(new AvgWissingUitvoer(verzoek.Verzoek.Trim(), meldingen, geanonimiseerd));
    }

    private static ProblemHttpResult? Controleer(AvgVerzoekInvoer verzoek)
    {
        if (string.IsNullOrWhiteSpace(verzoek.Verzoek) || verzoek.Verzoek.Length > 200)
        {
            return Problems.InvalidField("verzoek", "het kenmerk van het AVG-verzoek (1 t/m 200 tekens), bv. 'AVG-2026-017'; het komt in de audit.",
                verzoek.Verzoek);
        }
        var sleutel = MelderSleutel.Van(verzoek.Email, verzoek.Telefoon);
        if (sleutel.Email is null && sleutel.Telefoon is null)
        {
            return Problems.InvalidField("email", "een e-mailadres (met @) en/of een telefoonnummer (minstens 6 cijfers) van de melder.",
                verzoek.Email ?? verzoek.Telefoon);
        }
        return null;
    }
}
