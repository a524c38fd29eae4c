using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Meldingen;

public sealed record StatusInvoer(MeldingStatus? Status, string? Toelichting);

/// <param name="Terugbeluitkomst">On a call-back attempt its outcome code (bereikt, niet_bereikt, voicemail, nummer_onjuist),
/// with <paramref name="TerugbeluitkomstTekst"/> in words.</param>
public sealed record MeldingGebeurtenisUitvoer(MeldingStatus Status, DateTimeOffset Op, string Door, string? Toelichting,
    string? Terugbeluitkomst = null, string? TerugbeluitkomstTekst = null)
{
    public static MeldingGebeurtenisUitvoer Van(MeldingGebeurtenis g) =>
        new(g.Status, g.Op, g.Door, g.Toelichting, g.Terugbeluitkomst, Meldingen.Terugbeluitkomst.Vind(g.Terugbeluitkomst)?.Tekst);
}

public sealed record TerugbelpogingInvoer(string? Uitkomst, string? Toelichting);

public sealed record CategorieUitvoer(string Code, string Naam, string? Parent);

/// <summary>Query parameters of the meldingen list (all optional).</summary>
public sealed record MeldingenZoekParameters(
    string? Wijk, string? Buurt, string? Categorie, MeldingStatus? Status, DateTimeOffset? Van, DateTimeOffset? Tot,
    int? Weekdag, int? Uur, string? Bbox, bool? ZonderEigenaar, int? Offset, int? Limit, string? Crs);

public static class MeldingenApi
{
    public static IServiceCollection AddMeldingen(this IServiceCollection services)
    {
        services.AddOptions<RetentieOptions>().BindConfiguration(RetentieOptions.Section);
        // The API refuses to start in Production without the melder key's secret (the CLI refuses at its first use).
        services.AddOptions<MelderPseudoniemOptions>().BindConfiguration(MelderPseudoniemOptions.Section)
            .Validate<IServiceProvider>((o, sp) => !string.IsNullOrWhiteSpace(o.MelderSleutelGeheim)
                    || sp.GetService<IHostEnvironment>() is not { } env || !env.IsProduction(),
                $"{MelderPseudoniemOptions.Section}:{nameof(MelderPseudoniemOptions.MelderSleutelGeheim)} is required in Production")
            .ValidateOnStart();
        services.Configure<RouteOptions>(o => o.SetParameterPolicy<GeoReportFormaat.FormaatConstraint>(GeoReportFormaat.Constraint));
        return services
            .AddScoped<MeldingenRetentie>()
            .AddScoped<CategorieTaxonomie>()
            .AddScoped<MeldingenStore>()
            .AddScoped<MeldingenIntake>()
            .AddScoped<MeldingenQueries>()
            .AddScoped<MeldingenBehandeling>()
            .AddScoped<PersoonsgegevensAudit>()
            .AddSingleton<MelderContactBescherming>()
            .AddSingleton<IAuthorizationMiddlewareResultHandler, GeoReportAutorisatie>()
            .AddSingleton(sp =>
            {
                var configuration = sp.GetRequiredService<IConfiguration>();
                var omgeving = sp.GetService<IHostEnvironment>()?.EnvironmentName
                    ?? configuration["DOTNET_ENVIRONMENT"] ?? configuration["ASPNETCORE_ENVIRONMENT"];
                return MelderPseudoniem.Van(sp.GetRequiredService<IOptions<MelderPseudoniemOptions>>().Value.MelderSleutelGeheim, omgeving);
            });
    }

    public static IEndpointRouteBuilder MapMeldingenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/meldingen").WithTags("Meldingen");
        api.MapPost("/", Registreer).RequireAuthorization(Policies.MeldingenRegistreren).WithName("RegistreerMelding")
            .WithSummary("Register one melding with an address text or a point (lon/lat WGS84 or xRd/yRd RD New): 201 with Location and the melding; " +
                "idempotent on (bron, externId): 200 with the known one");
        api.MapPost("/import", Importeer).RequireAuthorization(Policies.MeldingenRegistreren).WithName("ImporteerMeldingen")
            .WithSummary("Bulk import: text/csv or application/x-ndjson; every valid row is stored, every refused row reported")
            .Accepts<string>("text/csv", "application/x-ndjson");
        api.MapGet("/", Zoek).RequireAuthorization(Policies.MeldingenLezen).WithName("ZoekMeldingen")
            .WithSummary("Meldingen as a GeoJSON FeatureCollection (CRS84 by default, crs=EPSG:28992 URI for RD New); filters and paging");
        api.MapGet("/export.csv", Exporteer).RequireAuthorization(Policies.MeldingenLezen).WithName("ExporteerMeldingen")
            .WithSummary("The meldingen list (same filters, limit up to 10 000) as CSV for spreadsheets: formulas neutralised, no contact details");
        api.MapGet("/{id:long}", Lees).RequireAuthorization(Policies.MeldingenLezen).WithName("LeesMelding")
            .WithSummary("One melding as a GeoJSON Feature (without the melder's contact details)");
        api.MapGet("/{id:long}/melder", LeesMelder).RequireAuthorization(Policies.MelderContactInzien).WithName("LeesMelderContact")
            .WithSummary("The melder's contact details, for the boa of the wijk or the teamleider; every read is audited with its purpose");
        api.MapPost("/{id:long}/status", ZetStatus).RequireAuthorization(Policies.MeldingenBehandelen).WithName("ZetMeldingStatus")
            .WithSummary("Move a melding through nieuw → toegewezen → in behandeling → afgehandeld (heropend)");
        api.MapPost("/{id:long}/terugbelpoging", RegistreerTerugbelpoging).RequireAuthorization(Policies.MelderContactInzien)
            .WithName("RegistreerTerugbelpoging")
            .WithSummary("Record a call-back attempt and its outcome (bereikt, niet_bereikt, voicemail, nummer_onjuist) in the history; a reached melder " +
                "leaves the briefing's call-back list");
        api.MapGet("/{id:long}/historie", LeesHistorie).RequireAuthorization(Policies.MeldingenLezen).WithName("MeldingHistorie")
            .WithSummary("The append-only status history of a melding");
        app.MapGet("/api/v1/categorieen", LijstCategorieen).RequireAuthorization(Policies.WijkenLezen).WithTags("Meldingen")
            .WithName("Categorieen").WithSummary("The categorie taxonomy of the gemeente");
        return app;
    }

    /// <summary>
    /// One melding: 201 Created with its Location and the melding as GET /{id} shows it; the same (bron, externId) again
    /// is 200 with the melding registered first (Content-Location), so a client may retry safely.
    /// </summary>
    internal static async Task<Results<Created<GeoJsonFeature>, Ok<GeoJsonFeature>, ProblemHttpResult>> Registreer(
        MeldingInvoer invoer, MeldingenIntake intake, MeldingenQueries queries, CurrentUser user, HttpResponse response, CancellationToken ct)
    {
        var metDefaults = invoer with { Bron = invoer.Bron ?? "api", ExternId = invoer.ExternId ?? Guid.NewGuid().ToString("N") };
        var rapport = await intake.VerwerkAsync(user.GemeenteId, [(1, metDefaults, null)], user.Naam, ct);
        if (rapport.Fouten.Count > 0)
        {
            return RowProblems(rapport, "De melding is niet geregistreerd.");
        }
        var melding = rapport.NieuweIds is [var id] ? await queries.VindAsync(id, ct)
            : await queries.VindAsync(MeldingValidatie.BekendeBron(metDefaults.Bron)!, metDefaults.ExternId!.Trim(), ct);
        if (melding is null) return Problems.NotFound("Melding", metDefaults.ExternId);
        var location = $"/api/v1/meldingen/{melding.Id}";
        response.Headers["Content-Crs"] = Crs.Crs84.ContentCrsHeader;
        if (rapport.NieuweIds.Count == 1) return TypedResults.Created(location, ToFeature(melding, Crs.Crs84));
        response.Headers.ContentLocation = location;
        return TypedResults.Ok(ToFeature(melding, Crs.Crs84));
    }

    internal static async Task<Results<Ok<IntakeRapport>, ProblemHttpResult>> Importeer(
        HttpRequest request, MeldingenIntake intake, CurrentUser user, CancellationToken ct)
    {
        var mediaType = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        using var reader = await request.BufferedTextAsync(ct);
        IEnumerable<(int, MeldingInvoer?, RijFout?)> rijen = mediaType switch
        {
            "text/csv" => MeldingenBestand.LeesCsv(reader),
            "application/x-ndjson" or "application/ndjson" => MeldingenBestand.LeesNdjson(reader),
            _ => [],
        };
        if (mediaType is not ("text/csv" or "application/x-ndjson" or "application/ndjson"))
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Onbekend bestandstype",
                $"Content-Type '{request.ContentType}' wordt niet ondersteund; gebruik text/csv of application/x-ndjson.");
        }
        try
        {
            var rapport = await intake.VerwerkAsync(user.GemeenteId, rijen, user.Naam, ct);
            return rapport.Fouten.Count == 0 ? TypedResults.Ok(rapport)
                : RowProblems(rapport, $"{rapport.Opgeslagen} meldingen opgeslagen, {rapport.AlBekend} al bekend, {rapport.Afgewezen} rijen afgewezen.");
        }
        catch (InvalidDataException e)
        {
            return Problems.InvalidField("header", e.Message);
        }
    }

    /// <summary>422 listing every refused row (row, field, reason); what was valid has been stored and is counted.</summary>
    private static ProblemHttpResult RowProblems(IntakeRapport rapport, string detail) =>
        Problems.Unprocessable("invalid-rows", "Ongeldige meldingen",
            $"{detail} Eerste fout: rij {rapport.Fouten[0].Rij}, veld '{rapport.Fouten[0].Veld}': {rapport.Fouten[0].Reden}",
            new Dictionary<string, object?>
            {
                ["ontvangen"] = rapport.Ontvangen, ["opgeslagen"] = rapport.Opgeslagen, ["alBekend"] = rapport.AlBekend,
                ["afgewezen"] = rapport.Afgewezen, ["fouten"] = rapport.Fouten, ["nieuweIds"] = rapport.NieuweIds,
            });

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> Zoek(
        [AsParameters] MeldingenZoekParameters p, MeldingenQueries queries, FilterValues filters, CurrentUser user, PersoonsgegevensAudit audit,
        HttpResponse response, CancellationToken ct)
    {
        if (!Crs.TryForResponse(p.Crs, response, out var crs, out var crsProblem)) return crsProblem;
        var (filter, paging, problem) = await ParseZoekParametersAsync(p, Paging.DefaultLimit, filters, user, ct);
        if (problem is not null) return problem;
        var (rijen, totaal) = await queries.ZoekAsync(filter!, paging, ct);
        await audit.RegistreerAsync([.. rijen.Select(r => r.Id)], ContactInzage.InzienMelding, "meldingen zoeken", ct);
        return TypedResults.Ok(new GeoJsonFeatureCollection(rijen.Select(r => ToFeature(r, crs))
            .ToList())
        { NumberMatched = totaal, NumberReturned = rijen.Count });
    }

    internal static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Exporteer(
        [AsParameters] MeldingenZoekParameters p, MeldingenQueries queries, FilterValues filters, CurrentUser user, PersoonsgegevensAudit audit,
        CancellationToken ct)
    {
        var (filter, paging, problem) = await ParseZoekParametersAsync(p, Paging.MaxLimit, filters, user, ct);
        if (problem is not null) return problem;
        var (rijen, _) = await queries.ZoekAsync(filter!, paging, ct);
        await audit.RegistreerAsync([.. rijen.Select(r => r.Id)], ContactInzage.InzienMelding, "export", ct);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(MeldingenCsv.Schrijf(rijen)), "text/csv; charset=utf-8", "meldingen.csv");
    }

    /// <summary>The filters and paging of the list and the export, validated once.</summary>
    private static async Task<(MeldingFilter? Filter, Paging Paging, ProblemHttpResult? Problem)> ParseZoekParametersAsync(
        MeldingenZoekParameters p, int defaultLimit, FilterValues filters, CurrentUser user, CancellationToken ct)
    {
        var (paging, pagingProblem) = Paging.From(p.Offset, p.Limit ?? defaultLimit);
        if (pagingProblem is not null) return (null, default, pagingProblem);
        if (p.Weekdag is < 1 or > 7) return (null, default, Problems.InvalidField("weekdag", "1 (maandag) t/m 7 (zondag).", p.Weekdag));
        if (p.Uur is < 0 or > 23) return (null, default, Problems.InvalidField("uur", "0 t/m 23 (lokale tijd).", p.Uur));
        var (bbox, bboxProblem) = Bbox.Parse(p.Bbox);
        if (bboxProblem is not null) return (null, default, bboxProblem);
        if (!(await filters.WijkAsync(user.GemeenteId, ct)).TryResolve(p.Wijk, out var wijk, out var unknown)) return (null, default, unknown);
        if (!(await filters.CategorieAsync(user.GemeenteId, ct)).TryResolve(p.Categorie, out var categorie, out unknown)) return (null, default, unknown);
        return (new MeldingFilter(wijk, p.Buurt, categorie, p.Status, p.Van, p.Tot, p.Weekdag, p.Uur, bbox, p.ZonderEigenaar),
            paging!.Value, null);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> Lees(
        long id, [FromQuery] string? crs, MeldingenQueries queries, PersoonsgegevensAudit audit, HttpResponse response, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, response, out var output, out var crsProblem)) return crsProblem;
        var rij = await queries.VindAsync(id, ct);
        if (rij is null) return Problems.NotFound("Melding", id);
        await audit.RegistreerAsync([id], ContactInzage.InzienMelding, "melding lezen", ct);
        return TypedResults.Ok(ToFeature(rij, output));
    }

    internal static async Task<Results<Ok<MelderGegevens>, NoContent, ProblemHttpResult>> LeesMelder(
        long id, [FromQuery] string? doel, MeldingenQueries queries, MeldingenBehandeling behandeling, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(doel) || doel.Length > 200)
        {
            return Problems.InvalidField("doel", "geef het doel van de inzage (AVG), bv. 'melder terugbellen voor aanvullende informatie'.", doel);
        }
        // Through the scoped query, so a boa cannot read the melder of a melding outside his or her wijken.
        if (await queries.VindAsync(id, ct) is null) return Problems.NotFound("Melding", id);
        var contact = await behandeling.LeesContactAsync(id, doel, ct);
        return contact is null ? TypedResults.NoContent() : TypedResults.Ok(contact);
    }

    internal static async Task<Results<Ok<MeldingGebeurtenisUitvoer>, ProblemHttpResult>> ZetStatus(
        long id, StatusInvoer wijziging, MeldingenQueries queries, MeldingenBehandeling behandeling, CancellationToken ct)
    {
        if (wijziging.Status is not { } naar)
        {
            return Problems.InvalidField("status", $"een van: {string.Join(", ", Enum.GetNames<MeldingStatus>())}.");
        }
        if (await queries.VindAsync(id, ct) is null) return Problems.NotFound("Melding", id);
        var (uitkomst, huidig, gebeurtenis) = await behandeling.ZetStatusAsync(id, naar, wijziging.Toelichting, ct);
        return uitkomst switch
        {
            MeldingenBehandeling.Uitkomst.Gelukt =>
                TypedResults.Ok(new MeldingGebeurtenisUitvoer(naar, gebeurtenis!.Op, gebeurtenis.Door, gebeurtenis.Toelichting)),
            MeldingenBehandeling.Uitkomst.NietToegestaan => Problems.Conflict("invalid-transition", "Statusovergang niet toegestaan",
                $"Van {huidig} kan een melding naar: {string.Join(", ", MeldingStatusWorkflow.VolgendeVanuit(huidig!.Value))}.",
                new Dictionary<string, object?> { ["field"] = "status", ["huidig"] = huidig.ToString() }),
            _ => Problems.NotFound("Melding", id),
        };
    }

    internal static async Task<Results<Ok<MeldingGebeurtenisUitvoer[]>, ProblemHttpResult>> LeesHistorie(
        long id, MeldingenQueries queries, MeldingenBehandeling behandeling, CancellationToken ct)
    {
        if (await queries.VindAsync(id, ct) is null) return Problems.NotFound("Melding", id);
        var historie = await behandeling.HistorieAsync(id, ct);
        return TypedResults.Ok(historie.Select(MeldingGebeurtenisUitvoer.Van).ToArray());
    }

    internal static async Task<Results<Created<MeldingGebeurtenisUitvoer>, ProblemHttpResult>> RegistreerTerugbelpoging(
        long id, TerugbelpogingInvoer invoer, MeldingenQueries queries, MeldingenBehandeling behandeling, CancellationToken ct)
    {
        if (Terugbeluitkomst.Vind(invoer.Uitkomst) is not { } uitkomst)
        {
            return Problems.InvalidField("uitkomst", $"een van: {string.Join(", ", Terugbeluitkomst.Alle.Select(u => u.Code))}.", invoer.Uitkomst);
        }
        if (invoer.Toelichting is { Length: > 500 }) return Problems.InvalidField("toelichting", "hoogstens 500 tekens.");
        // Through the scoped query, so a boa cannot record a call to a melder outside his or her wijken.
        if (await queries.VindAsync(id, ct) is null) return Problems.NotFound("Melding", id);
        var poging = await behandeling.RegistreerTerugbelpogingAsync(id, uitkomst, invoer.Toelichting, ct);
        return poging is null
            ? Problems.Conflict("geen-melder-contact", "Geen contactgegevens",
                $"De melder van melding {id} liet geen contactgegevens achter (of ze zijn geanonimiseerd).")
            : TypedResults.Created($"/api/v1/meldingen/{id}/historie", MeldingGebeurtenisUitvoer.Van(poging));
    }

    internal static async Task<Ok<CategorieUitvoer[]>> LijstCategorieen(CategorieTaxonomie taxonomie, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await taxonomie.AllAsync(user.GemeenteId, ct)).Select(c => new CategorieUitvoer(c.Code, c.Naam, c.ParentCode)).ToArray());

    private static GeoJsonFeature ToFeature(MeldingRij r, Crs crs) =>
        GeoJsonFeatures.Create(r.Locatie, crs, r.Id, new Dictionary<string, object?>
        {
            ["bron"] = r.Bron, ["externId"] = r.ExternId, ["categorie"] = r.Categorie, ["subcategorie"] = r.Subcategorie,
            ["gemeldOp"] = r.GemeldOp, ["waargenomenOp"] = r.WaargenomenOp, ["omschrijving"] = r.Omschrijving,
            ["adres"] = r.AdresTekst, ["geocodeStatus"] = r.GeocodeStatus, ["wijk"] = r.WijkCode, ["buurt"] = r.BuurtCode,
            ["eigenaar"] = r.EigenaarCode is null ? null : new Dictionary<string,
                object?>
            { ["id"] = r.EigenaarBoaId, ["code"] = r.EigenaarCode, ["naam"] = r.EigenaarNaam },
            ["eigenaarReden"] = r.EigenaarReden, ["status"] = r.Status.ToString(), ["mogelijkDuplicaatVan"] = r.MogelijkDuplicaatVanId,
            ["heeftMelderContact"] = r.HeeftMelderContact,
        });
}
