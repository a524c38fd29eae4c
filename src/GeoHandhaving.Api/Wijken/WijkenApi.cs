using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>A wijk as a client sends it: a GeoJSON Feature with <c>code</c>, <c>naam</c> and optionally <c>reden</c> in its properties.</summary>
public sealed record WijkFeatureInput(Geometry? Geometry, Dictionary<string, JsonElement>? Properties)
{
    public string? Text(string name) =>
        Properties is not null && Properties.TryGetValue(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}

public sealed record NieuweWijkindeling(string? Naam, bool KopieVanActief = true);
public sealed record WijkindelingInfo(long Id, string Naam, string Status, DateTimeOffset AangemaaktOp, string AangemaaktDoor, DateTimeOffset? GeactiveerdOp)
{
    public static WijkindelingInfo From(Wijkindeling w) => new(w.Id, w.Naam, w.Status.ToString(), w.AangemaaktOp, w.AangemaaktDoor, w.GeactiveerdOp);
}
public sealed record DekkingsProbleemInfo(string Soort, string? WijkA, string? WijkB, double OppervlakteM2, Geometry Geometrie);
public sealed record DekkingsRapportInfo(long WijkindelingId, bool Dekkend, bool GrensBekend, IReadOnlyList<DekkingsProbleemInfo> Problemen)
{
    public static DekkingsRapportInfo From(DekkingsRapport r, Crs crs) => new(r.WijkindelingId, r.Dekkend, r.GrensBekend,
        r.Problemen.Select(p => new DekkingsProbleemInfo(p.Soort, p.WijkA, p.WijkB, p.OppervlakteM2, crs.FromStorage(p.Geometrie))).ToList());
}
public sealed record BoaInfo(long Id, string Code, string Naam, string? Gebruikersnaam);
public sealed record NieuweBoa(string Code, string Naam, string? Gebruikersnaam);
public sealed record WijkBoasVerzoek(long[] BoaIds);

/// <summary>
/// REST endpoints of the wijkindeling: wijken (GeoJSON, CRS84 by default or RD New with <c>crs</c>), their history,
/// drafts and activation, boa's and import. Writes need a reden (X-Reden header or body property <c>reden</c>);
/// If-Match is honoured when sent but not required.
/// </summary>
public static class WijkenApi
{
    public static IEndpointRouteBuilder MapWijkenApi(this IEndpointRouteBuilder app)
    {
        var wijken = app.MapGroup("/api/v1/wijken").WithTags("Wijken").RequireAuthorization(Policies.WijkenLezen);
        wijken.MapGet("", ListWijken).WithName("ListWijken")
            .WithSummary("All wijken of the active (or named) wijkindeling as a FeatureCollection; with datum as of that date");
        wijken.MapGet("/{id:long}", GetWijk).WithName("GetWijk").WithSummary("One wijk as a GeoJSON Feature with its boa's and ETag");
        wijken.MapGet("/at", WijkOpPunt).WithName("WijkOpPunt")
            .WithSummary("The wijk (and its boa's) at lon/lat (CRS84) or x/y (RD New), optionally as of datum");
        wijken.MapGet("/{id:long}/versies", WijkVersies).WithName("WijkVersies").WithSummary("The history of a wijk: every version with who, when and why");

        var beheer = app.MapGroup("/api/v1/wijken").WithTags("Wijken").RequireAuthorization(Policies.WijkenBeheren);
        beheer.MapPost("", CreateWijk).WithName("CreateWijk").WithSummary("Create a wijk in the active (or named) wijkindeling");
        beheer.MapPut("/{id:long}", ReplaceWijk).WithName("ReplaceWijk").WithSummary("Replace name and geometry of a wijk");
        beheer.MapPatch("/{id:long}", PatchWijk).WithName("PatchWijk")
            .WithSummary("Merge-patch name and/or geometry of a wijk").Accepts<WijkFeatureInput>("application/merge-patch+json", "application/json");
        beheer.MapDelete("/{id:long}", DeleteWijk).WithName("DeleteWijk").WithSummary("Delete a wijk (kept in its history)");
        beheer.MapPost("/{id:long}/versies/{versie:int}/herstel", RestoreWijk).WithName("RestoreWijkVersie")
            .WithSummary("Restore an earlier version of a wijk as a new version");
        beheer.MapPut("/{code}/boas", AssignBoas).WithName("AssignWijkBoas").WithSummary("Assign boa's to a wijk by code; the first is primary");
        beheer.MapPost("/import", ImportWijken).WithName("ImportWijken")
            .WithSummary("Import a GeoJSON FeatureCollection of wijken (upsert by code) with a per-feature report");
        app.MapPost("/api/v1/buurten/import", ImportBuurten).WithTags("Wijken").RequireAuthorization(Policies.WijkenBeheren)
            .WithName("ImportBuurten").WithSummary("Import a GeoJSON FeatureCollection of buurten (upsert by code)");

        var indelingen = app.MapGroup("/api/v1/wijkindelingen").WithTags("Wijkindelingen").RequireAuthorization(Policies.WijkenLezen);
        indelingen.MapGet("", ListWijkindelingen).WithName("ListWijkindelingen").WithSummary("Active, draft and archived wijkindelingen");
        indelingen.MapGet("/{id:long}/dekking", Dekking).WithName("WijkindelingDekking")
            .WithSummary("Coverage check: gaps inside the gemeentegrens, overlaps and slivers, with their geometries");
        indelingen.MapPost("", CreateDraft).WithName("CreateWijkindeling").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("A new draft wijkindeling, optionally a copy of the active one");
        indelingen.MapPost("/{id:long}/activeer", Activate).WithName("ActivateWijkindeling").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("Activate a draft when its coverage check passes; archives the previous one and reassigns meldingen");
        indelingen.MapGet("/{id:long}/balans", Balans).WithName("WijkindelingBalans")
            .WithSummary("Workload (meldingen of the last year), addresses, buurten, schools, area and Polsby-Popper per wijk; compare a draft with the active one");
        indelingen.MapPost("/voorstel", Voorstel).WithName("VoorstelWijkindeling").RequireAuthorization(Policies.WijkenBeheren)
            .WithSummary("Queue a balanced, compact, contiguous proposal from the buurten; it lands as a draft wijkindeling. " +
                "202 with the Location of its status");
        indelingen.MapGet("/voorstel/{id:long}", VoorstelStatusOf).WithName("VoorstelWijkindelingStatus")
            .WithSummary("Where a proposal is: wachtrij, bezig (phase, step, percentage), voltooid (draft id and balance) or mislukt (problem details)");

        var boas = app.MapGroup("/api/v1/boas").WithTags("Boas").RequireAuthorization(Policies.WijkenLezen);
        boas.MapGet("", ListBoas).WithName("ListBoas").WithSummary("The boa's of the gemeente");
        boas.MapPost("", CreateBoa).WithName("CreateBoa").WithSummary("Register a boa").RequireAuthorization(Policies.WijkenBeheren);
        return app;
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> ListWijken(
        [AsParameters] WijkenHandlerServices s, string? crs, long? wijkindeling, string? datum, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        if (datum is not null)
        {
            if (AsOf.Parse(datum) is not { } at) return Problems.InvalidField("datum", "Gebruik een datum (2025-01-01) of tijdstip (RFC 3339).", datum);
            var versies = await s.Store.AsOfAsync(s.GemeenteId, at, null, ct);
            var rows = versies is null ? [] : await versies.ToListAsync(ct);
            var boasAt = await s.Boas.PerWijkAsync(s.GemeenteId, rows.Select(v => v.Code).ToList(), ct);
            return TypedResults.Ok(new GeoJsonFeatureCollection(rows.Select(v => WijkFeatures.From(v, boasAt[v.Code].ToList(), output)).ToList()));
        }
        var indeling = await s.Store.WijkindelingAsync(s.GemeenteId, wijkindeling, ct);
        if (indeling is null)
        {
            return wijkindeling is null ? TypedResults.Ok(new GeoJsonFeatureCollection([])) : Problems.NotFound("Wijkindeling", wijkindeling);
        }
        var wijken = await s.Store.Query(s.GemeenteId, indeling.Id, null).ToListAsync(ct);
        return TypedResults.Ok(new GeoJsonFeatureCollection(await FeaturesAsync(s, wijken, output, ct)));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> GetWijk(
        [AsParameters] WijkenHandlerServices s, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var wijk = await s.Store.FindAsync(s.GemeenteId, id, ct);
        return wijk is null ? Problems.NotFound("Wijk", id) : TypedResults.Ok(await FeatureAsync(s, wijk, output, ct));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> WijkOpPunt(
        [AsParameters] WijkenHandlerServices s, double? lon, double? lat, double? x, double? y, string? datum, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        // The one point parser: refuses points outside the Netherlands naming the coordinate.
        var (point, pointProblem) = PointParameters.Parse(lon, lat, x, y);
        if (pointProblem is not null) return pointProblem;
        var rd = RdNew.RdFactory.CreatePoint(new Coordinate(point!.Value.X, point.Value.Y));
        DateTimeOffset? at = null;
        if (datum is not null && (at = AsOf.Parse(datum)) is null)
        {
            return Problems.InvalidField("datum", "Gebruik een datum (2025-01-01) of tijdstip (RFC 3339).", datum);
        }
        var feature = await s.Store.WijkOpPuntAsync(s.GemeenteId, rd, at, ct) switch
        {
            Wijk wijk => await FeatureAsync(s, wijk, output, ct),
            WijkVersie versie => WijkFeatures.From(versie, (await s.Boas.PerWijkAsync(s.GemeenteId, [versie.Code], ct))[versie.Code].ToList(), output),
            _ => null,
        };
        return feature is null
            ? Problems.Create(StatusCodes.Status404NotFound, "outside-wijken", "Buiten alle wijken", "Het punt ligt in geen enkele wijk.")
            : TypedResults.Ok(feature);
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> WijkVersies(
        [AsParameters] WijkenHandlerServices s, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var versies = await s.Store.HistoryAsync(s.GemeenteId, id, ct);
        if (versies.Count == 0) return Problems.NotFound("Wijk", id);
        return TypedResults.Ok(new GeoJsonFeatureCollection(versies.Select(v => WijkFeatures.From(v, [], output)).ToList()));
    }

    internal static async Task<Results<Created<GeoJsonFeature>, ProblemHttpResult>> CreateWijk(
        [AsParameters] WijkenHandlerServices s, WijkFeatureInput body, string? crs, long? wijkindeling, CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, crs, out var input, out var crsProblem)) return crsProblem;
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out crsProblem)) return crsProblem;
        if (s.Reden(body.Text("reden")) is not { } reden) return RedenOntbreekt();
        var result = await CreateAsync(s, body, input, wijkindeling, reden, ct);
        if (result.Problem is not null) return result.Problem;
        return TypedResults.Created($"/api/v1/wijken/{result.Wijk!.Id}", await FeatureAsync(s, result.Wijk, output, ct));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> ReplaceWijk(
        [AsParameters] WijkenHandlerServices s, long id, WijkFeatureInput body, string? crs, CancellationToken ct)
    {
        if (body.Text("naam") is null || body.Geometry is null) return Problems.InvalidField("naam", "PUT vervangt de hele wijk: naam en geometry zijn verplicht.");
        return await PatchWijk(s, id, body, crs, ct);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> PatchWijk(
        [AsParameters] WijkenHandlerServices s, long id, WijkFeatureInput body, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, crs, out var input, out var crsProblem)) return crsProblem;
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out crsProblem)) return crsProblem;
        if (s.Reden(body.Text("reden")) is not { } reden) return RedenOntbreekt();
        return await WrittenAsync(s, await UpdateAsync(s, id, body, input, reden, ct), output, ct);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteWijk([AsParameters] WijkenHandlerServices s, long id, CancellationToken ct)
    {
        if (s.Reden(null) is not { } reden) return RedenOntbreekt();
        var result = await s.Store.DeleteAsync(s.Actor, id, reden, s.IfMatch, ct);
        return result.Problem is null ? TypedResults.NoContent() : result.Problem;
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> RestoreWijk(
        [AsParameters] WijkenHandlerServices s, long id, int versie, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        return await WrittenAsync(s, await s.Store.RestoreAsync(s.Actor, id, versie, s.Reden(null), s.IfMatch, ct), output, ct);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> AssignBoas(
        [AsParameters] WijkenHandlerServices s, string code, WijkBoasVerzoek body, long? wijkindeling, CancellationToken ct)
    {
        var indeling = await s.Store.WijkindelingAsync(s.GemeenteId, wijkindeling, ct);
        var wijk = indeling is null ? null : await s.Store.FindByCodeAsync(s.GemeenteId, indeling.Id, code, ct);
        if (wijk is null) return Problems.NotFound("Wijk", code);
        var unknown = await s.Boas.AssignAsync(s.GemeenteId, code, body.BoaIds, ct);
        if (unknown.Length > 0) return Problems.InvalidField("boaIds", $"Onbekende boa's: {string.Join(", ", unknown)}.", unknown);
        return TypedResults.Ok(await FeatureAsync(s, wijk, Crs.Crs84, ct));
    }

    internal static async Task<Results<Ok<ImportRapport>, ProblemHttpResult>> ImportWijken([AsParameters] WijkenHandlerServices s,
        WijkenImport import, JsonElement body, string? codeProperty, string? nameProperty, long? wijkindeling, CancellationToken ct) =>
        await ImportAsync(() => import.ImportWijkenAsync(s.Actor, body, new ImportOpties(codeProperty, nameProperty, wijkindeling), ct));

    internal static async Task<Results<Ok<ImportRapport>, ProblemHttpResult>> ImportBuurten([AsParameters] WijkenHandlerServices s,
        WijkenImport import, JsonElement body, string? codeProperty, string? nameProperty, CancellationToken ct) =>
        await ImportAsync(() => import.ImportBuurtenAsync(s.Actor, body, new ImportOpties(codeProperty, nameProperty), ct));

    internal static async Task<Ok<List<WijkindelingInfo>>> ListWijkindelingen(Wijkindelingen indelingen, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await indelingen.ListAsync(user.GemeenteId, ct)).Select(WijkindelingInfo.From).ToList());

    internal static async Task<Results<Created<WijkindelingInfo>, ProblemHttpResult>> CreateDraft(
        Wijkindelingen indelingen, CurrentUser user, NieuweWijkindeling body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Naam) || body.Naam.Length > 200) return Problems.InvalidField("naam", "geef een naam (1 t/m 200 tekens).", body.Naam);
        var concept = await indelingen.CreateDraftAsync(new Actor(user.GemeenteId, user.Naam), body.Naam, body.KopieVanActief, ct);
        return TypedResults.Created($"/api/v1/wijkindelingen/{concept.Id}", WijkindelingInfo.From(concept));
    }

    internal static async Task<Results<Ok<DekkingsRapportInfo>, ProblemHttpResult>> Dekking(
        [AsParameters] WijkenHandlerServices s, CoverageQueries coverage, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        if (await s.Store.WijkindelingAsync(s.GemeenteId, id, ct) is null) return Problems.NotFound("Wijkindeling", id);
        return TypedResults.Ok(DekkingsRapportInfo.From(await coverage.CheckAsync(s.GemeenteId, id, ct), output));
    }

    internal static async Task<Results<Ok<WijkBalans>, ProblemHttpResult>> Balans(
        [AsParameters] WijkenHandlerServices s, WijkBalansQueries balans, long id, CancellationToken ct)
    {
        if (await s.Store.WijkindelingAsync(s.GemeenteId, id, ct) is null) return Problems.NotFound("Wijkindeling", id);
        return TypedResults.Ok(await balans.VoorAsync(s.GemeenteId, id, ct));
    }

    internal static async Task<Results<Accepted<VoorstelStatus>, ProblemHttpResult>> Voorstel(
        VoorstelVerzoek verzoek, [AsParameters] WijkenHandlerServices s, VoorstelRuns runs, HotspotWindows windows, IBackgroundJobClient jobs,
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
        if (verzoek.Venster is { Length: > 0 } venster && (await windows.ResolveAsync(s.GemeenteId, venster, ct)).Error is { } vensterFout)
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
        return TypedResults.Accepted($"/api/v1/wijkindelingen/voorstel/{run.Id}", VoorstelStatus.From(run));
    }

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

    internal static async Task<Results<Ok<VoorstelStatus>, ProblemHttpResult>> VoorstelStatusOf(
        VoorstelRuns runs, CurrentUser user, long id, CancellationToken ct) =>
        await runs.FindAsync(user.GemeenteId, id, ct) is { } run ? TypedResults.Ok(VoorstelStatus.From(run)) : Problems.NotFound("Voorstel", id);

    internal static async Task<Results<Ok<WijkindelingInfo>, ProblemHttpResult>> Activate(
        Wijkindelingen indelingen, CurrentUser user, long id, CancellationToken ct)
    {
        var (actief, rapport, problem) = await indelingen.ActivateAsync(new Actor(user.GemeenteId, user.Naam), id, ct);
        if (problem is not null) return problem;
        if (actief is null)
        {
            return Problems.Unprocessable("coverage-failed", "Wijkindeling dekt de gemeente niet",
                $"{rapport!.Problemen.Count} probleem/problemen: gaten, overlappen of slivers.",
                new Dictionary<string, object?> { ["dekking"] = DekkingsRapportInfo.From(rapport, Crs.Crs84) });
        }
        return TypedResults.Ok(WijkindelingInfo.From(actief));
    }

    internal static async Task<Ok<List<BoaInfo>>> ListBoas(BoaStore boas, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await boas.ListAsync(user.GemeenteId, ct)).Select(b => new BoaInfo(b.Id, b.Code, b.Naam, b.Gebruikersnaam)).ToList());

    internal static async Task<Results<Created<BoaInfo>, ProblemHttpResult>> CreateBoa(BoaStore boas, CurrentUser user, NieuweBoa body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Code) || string.IsNullOrWhiteSpace(body.Naam)) return Problems.InvalidField("code", "Code en naam zijn verplicht.");
        if (await boas.ExistsAsync(user.GemeenteId, body.Code, ct)) return Problems.Conflict("duplicate-code", "Boa bestaat al", $"Boa '{body.Code}' bestaat al.");
        var boa = await boas.CreateAsync(user.GemeenteId, body.Code, body.Naam, body.Gebruikersnaam, ct);
        return TypedResults.Created($"/api/v1/boas/{boa.Id}", new BoaInfo(boa.Id, boa.Code, boa.Naam, boa.Gebruikersnaam));
    }

    // The write paths below are shared with the OGC API Features endpoints (Ogc/OgcApi.cs).

    internal static async Task<WijkWriteResult> CreateAsync(WijkenHandlerServices s, WijkFeatureInput body, Crs input,
        long? wijkindeling, string reden, CancellationToken ct)
    {
        if (body.Text("code") is not { Length: > 0 } code) return WijkWriteResult.Refused(Problems.InvalidField("code", "De wijkcode ontbreekt."));
        var indeling = wijkindeling is null
            ? await s.Store.ActieveOfNieuweWijkindelingAsync(s.Actor, ct)
            : await s.Store.WijkindelingAsync(s.GemeenteId, wijkindeling, ct);
        if (indeling is null) return WijkWriteResult.Refused(Problems.NotFound("Wijkindeling", wijkindeling!));
        return await s.Store.CreateAsync(s.Actor, indeling.Id, code, body.Text("naam") ?? code, body.Geometry, input, reden, ct);
    }

    internal static Task<WijkWriteResult> UpdateAsync(WijkenHandlerServices s, long id, WijkFeatureInput body, Crs input,
        string reden, CancellationToken ct) =>
        s.Store.UpdateAsync(s.Actor, id, new WijkWijzigingVerzoek(body.Text("naam"), body.Geometry, input, reden, s.IfMatch), ct);

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> WrittenAsync(WijkenHandlerServices s, WijkWriteResult result,
        Crs output, CancellationToken ct) =>
        result.Problem is not null ? result.Problem : TypedResults.Ok(await FeatureAsync(s, result.Wijk!, output, ct));

    /// <summary>One wijk as a Feature; sets its ETag and Content-Crs on the response.</summary>
    internal static async Task<GeoJsonFeature> FeatureAsync(WijkenHandlerServices s, Wijk wijk, Crs output, CancellationToken ct)
    {
        s.Http.Response.Headers.ETag = WijkETag.For(wijk.Id, wijk.Versie, output);
        s.Http.Response.Headers["Content-Crs"] = output.ContentCrsHeader;
        return (await FeaturesAsync(s, [wijk], output, ct))[0];
    }

    internal static async Task<List<GeoJsonFeature>> FeaturesAsync(WijkenHandlerServices s, IReadOnlyList<Wijk> wijken, Crs output, CancellationToken ct)
    {
        var boas = await s.Boas.PerWijkAsync(s.GemeenteId, wijken.Select(w => w.Code).ToList(), ct);
        return wijken.Select(w => WijkFeatures.From(w, boas[w.Code].ToList(), output)).ToList();
    }

    private static ProblemHttpResult RedenOntbreekt() =>
        Problems.InvalidField("reden", "Elke wijziging heeft een reden: header X-Reden of property 'reden'.");

    private static async Task<Results<Ok<ImportRapport>, ProblemHttpResult>> ImportAsync(Func<Task<ImportRapport>> import)
    {
        try
        {
            return TypedResults.Ok(await import());
        }
        catch (ArgumentException e)
        {
            return Problems.InvalidField("body", e.Message);
        }
    }
}

/// <summary>
/// The <c>datum</c> of as-of queries: a date means the end of that day in Amsterdam, a timestamp means that instant.
/// Always UTC, because Npgsql writes only offset 0 to timestamptz.
/// </summary>
public static class AsOf
{

    /// <summary>An instant; a bare date means the end of that day in Amsterdam (the state "on" that date).</summary>
    public static DateTimeOffset? Parse(string? value) => Parse(value, endOfDay: true);

    /// <summary>
    /// An OGC API Features interval <c>start/end</c>, either end open as <c>..</c> or empty; a bare start date begins that
    /// day, a bare end date includes it. Null when malformed or when the start lies after the end.
    /// </summary>
    public static (DateTimeOffset? Van, DateTimeOffset? Tot)? ParseInterval(string value)
    {
        var parts = value.Split('/');
        if (parts.Length != 2) return null;
        DateTimeOffset? Side(string text, bool endOfDay) => text is "" or ".." ? null : Parse(text, endOfDay);
        var (van, tot) = (Side(parts[0], endOfDay: false), Side(parts[1], endOfDay: true));
        var malformed = (van is null && parts[0] is not ("" or "..")) || (tot is null && parts[1] is not ("" or ".."));
        return malformed || van > tot ? null : (van, tot);
    }

    private static DateTimeOffset? Parse(string? value, bool endOfDay)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", out var date))
        {
            var midnight = (endOfDay ? date.AddDays(1) : date).ToDateTime(TimeOnly.MinValue);
            var start = Core.TimeWindows.AmsterdamTime.ToInstant(midnight);
            return (endOfDay ? start.AddTicks(-1) : start).ToUniversalTime();
        }
        return DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal, out var instant) ? instant.ToUniversalTime() : null;
    }
}
