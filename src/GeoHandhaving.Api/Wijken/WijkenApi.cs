using System.Text.Json;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// REST endpoints of the wijken: GeoJSON (CRS84 by default or RD New with <c>crs</c>), their history, and the import of
/// wijken and buurten. Writes go through <see cref="WijkBewerkingen"/> and need a reden (X-Reden header or body property
/// <c>reden</c>); If-Match is honoured when sent but not required.
/// </summary>
public static class WijkenApi
{
    public static IEndpointRouteBuilder MapWijkenApi(this IEndpointRouteBuilder app)
    {
        var wijken = app.MapGroup("/api/v1/wijken").WithTags("Wijken").RequireAuthorization(Policies.WijkenLezen);
        wijken.MapGet("", Lijst).WithName("LijstWijken")
            .WithSummary("All wijken of the active (or named) wijkindeling as a FeatureCollection; with datum as of that date");
        wijken.MapGet("/{id:long}", Lees).WithName("LeesWijk").WithSummary("One wijk as a GeoJSON Feature with its boa's and ETag");
        wijken.MapGet("/at", LeesOpPunt).WithName("LeesWijkOpPunt")
            .WithSummary("The wijk (and its boa's) at lon/lat (CRS84) or x/y (RD New), optionally as of datum");
        wijken.MapGet("/{id:long}/versies", Versies).WithName("LijstWijkVersies").WithSummary("The history of a wijk: every version with who, when and why");

        var beheer = app.MapGroup("/api/v1/wijken").WithTags("Wijken").RequireAuthorization(Policies.WijkenBeheren);
        beheer.MapPost("", Maak).WithName("MaakWijk").WithSummary("Create a wijk in the active (or named) wijkindeling");
        beheer.MapPut("/{id:long}", Vervang).WithName("VervangWijk").WithSummary("Replace name and geometry of a wijk");
        beheer.MapPatch("/{id:long}", Wijzig).WithName("WijzigWijk")
            .WithSummary("Merge-patch name and/or geometry of a wijk").Accepts<WijkFeatureInvoer>("application/merge-patch+json", "application/json");
        beheer.MapDelete("/{id:long}", Verwijder).WithName("VerwijderWijk").WithSummary("Delete a wijk (kept in its history)");
        beheer.MapPost("/{id:long}/versies/{versie:int}/herstel", Herstel).WithName("HerstelWijkVersie")
            .WithSummary("Restore an earlier version of a wijk as a new version");
        beheer.MapPost("/import", ImporteerWijken).WithName("ImporteerWijken")
            .WithSummary("Import a GeoJSON FeatureCollection of wijken (upsert by code), all or nothing; into a new draft when it changes " +
                "geometry of the active wijkindeling; controle=true reports without writing");
        app.MapPost("/api/v1/buurten/import", ImporteerBuurten).WithTags("Wijken").RequireAuthorization(Policies.WijkenBeheren)
            .WithName("ImporteerBuurten")
                .WithSummary("Import a GeoJSON FeatureCollection of buurten (upsert by code), all or nothing; controle=true reports without writing");
        return app;
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> Lijst(
        [AsParameters] WijkenHandlerServices s, string? crs, long? wijkindeling, string? datum, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        if (datum is not null)
        {
            if (AsOf.Parse(datum) is not { } at) return DatumOngeldig(datum);
            var versies = await s.Store.AsOfAsync(s.GemeenteId, at, null, ct);
            var rows = versies is null ? [] : await versies.ToListAsync(ct);
            var boasAt = rows.Count == 0 ? Enumerable.Empty<BoaRef>().ToLookup(_ => "")
                : await s.Boas.PerWijkAsync(s.GemeenteId, rows[0].WijkindelingId, rows.Select(v => v.Code).ToList(), ct);
            return TypedResults.Ok(new GeoJsonFeatureCollection(rows.Select(v => WijkFeatures.From(v, boasAt[v.Code].ToList(), output)).ToList()));
        }
        var indeling = await s.Store.WijkindelingAsync(s.GemeenteId, wijkindeling, ct);
        if (indeling is null)
        {
            return wijkindeling is null ? TypedResults.Ok(new GeoJsonFeatureCollection([])) : Problems.NotFound("Wijkindeling", wijkindeling);
        }
        var wijken = await s.Store.Query(s.GemeenteId, indeling.Id, null).ToListAsync(ct);
        return TypedResults.Ok(new GeoJsonFeatureCollection(await s.FeaturesAsync(wijken, output, ct)));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> Lees(
        [AsParameters] WijkenHandlerServices s, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var wijk = await s.Store.FindAsync(s.GemeenteId, id, ct);
        return wijk is null ? Problems.NotFound("Wijk", id) : TypedResults.Ok(await s.FeatureAsync(wijk, output, ct));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> LeesOpPunt(
        [AsParameters] WijkenHandlerServices s, double? lon, double? lat, double? x, double? y, string? datum, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        // The one point parser: refuses points outside the Netherlands naming the coordinate.
        var (point, pointProblem) = PointParameters.Parse(lon, lat, x, y);
        if (pointProblem is not null) return pointProblem;
        var rd = RdNew.RdFactory.CreatePoint(new Coordinate(point!.Value.X, point.Value.Y));
        DateTimeOffset? at = null;
        if (datum is not null && (at = AsOf.Parse(datum)) is null) return DatumOngeldig(datum);
        var feature = await s.Store.WijkOpPuntAsync(s.GemeenteId, rd, at, ct) switch
        {
            Wijk wijk => await s.FeatureAsync(wijk, output, ct),
            WijkVersie versie => WijkFeatures.From(versie,
                (await s.Boas.PerWijkAsync(s.GemeenteId, versie.WijkindelingId, [versie.Code], ct))[versie.Code].ToList(), output),
            _ => null,
        };
        return feature is null
            ? Problems.Create(StatusCodes.Status404NotFound, "outside-wijken", "Buiten alle wijken", "Het punt ligt in geen enkele wijk.")
            : TypedResults.Ok(feature);
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> Versies(
        [AsParameters] WijkenHandlerServices s, long id, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var versies = await s.Store.HistoryAsync(s.GemeenteId, id, ct);
        if (versies.Count == 0) return Problems.NotFound("Wijk", id);
        return TypedResults.Ok(new GeoJsonFeatureCollection(versies.Select(v => WijkFeatures.From(v, [], output)).ToList()));
    }

    internal static async Task<Results<Created<GeoJsonFeature>, ProblemHttpResult>> Maak(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, WijkFeatureInvoer body, string? crs, long? wijkindeling,
        CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, crs, out var input, out var crsProblem)) return crsProblem;
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out crsProblem)) return crsProblem;
        if (s.Reden(body.Text("reden")) is not { } reden) return RedenOntbreekt();
        var result = await bewerkingen.MaakAsync(s.Actor, body, input, wijkindeling, reden, ct);
        if (result.Fout is { } fout) return fout.Problem(input);
        return TypedResults.Created($"/api/v1/wijken/{result.Wijk!.Id}", await s.FeatureAsync(result.Wijk, output, ct));
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> Vervang(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long id, WijkFeatureInvoer body, string? crs, CancellationToken ct)
    {
        if (body.Text("naam") is null
            || body.Geometry is null) return Problems.InvalidField("naam", "PUT vervangt de hele wijk: naam en geometry zijn verplicht.");
        return await Wijzig(s, bewerkingen, id, body, crs, ct);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> Wijzig(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long id, WijkFeatureInvoer body, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, crs, out var input, out var crsProblem)) return crsProblem;
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out crsProblem)) return crsProblem;
        if (s.Reden(body.Text("reden")) is not { } reden) return RedenOntbreekt();
        return await s.WrittenAsync(await bewerkingen.WijzigAsync(s.Actor, id, body, input, reden, s.IfMatch, ct), input, output, ct);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Verwijder(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long id, CancellationToken ct)
    {
        if (s.Reden(null) is not { } reden) return RedenOntbreekt();
        var result = await bewerkingen.VerwijderAsync(s.Actor, id, reden, s.IfMatch, ct);
        return result.Fout is { } fout ? fout.Problem(Crs.Crs84) : TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> Herstel(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long id, int versie, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        // The restored geometry comes from storage, so an overlap is named in RD New.
        var result = await bewerkingen.HerstelAsync(s.Actor, id, versie, s.Reden(null), s.IfMatch, ct);
        return await s.WrittenAsync(result, Crs.RdNewCrs, output, ct);
    }

    /// <summary>All or nothing; with <c>controle=true</c> the report of what it would do, and nothing written.</summary>
    internal static async Task<Results<Ok<ImportUitvoer>, ProblemHttpResult>> ImporteerWijken([AsParameters] WijkenHandlerServices s,
        WijkenImport import, JsonElement body, string? codeProperty, string? nameProperty, long? wijkindeling, bool? controle, CancellationToken ct) =>
        Imported(await import.ImportWijkenAsync(s.Actor, body, new ImportOpties(codeProperty, nameProperty, wijkindeling, controle ?? false), ct));

    internal static async Task<Results<Ok<ImportUitvoer>, ProblemHttpResult>> ImporteerBuurten([AsParameters] WijkenHandlerServices s,
        WijkenImport import, JsonElement body, string? codeProperty, string? nameProperty, bool? controle, CancellationToken ct) =>
        Imported(await import.ImportBuurtenAsync(s.Actor, body, new ImportOpties(codeProperty, nameProperty, Controle: controle ?? false), ct));

    /// <summary>The report; 422 naming every refused feature when the file was refused (a controle run always reports).</summary>
    private static Results<Ok<ImportUitvoer>, ProblemHttpResult> Imported(ImportResult result) => result switch
    {
        { Fout: { } fout } => fout.Problem(Crs.Crs84),
        { Rapport: { Opgeslagen: false, Controle: false } geweigerd } => new WijkFout.ImportRefused(geweigerd).Problem(Crs.Crs84),
        _ => TypedResults.Ok(result.Rapport!),
    };

    private static ProblemHttpResult DatumOngeldig(string datum) =>
        Problems.InvalidField("datum", "Gebruik een datum (2025-01-01) of tijdstip (RFC 3339).", datum);

    private static ProblemHttpResult RedenOntbreekt() =>
        Problems.InvalidField("reden", "Elke wijziging heeft een reden: header X-Reden of property 'reden'.");
}
