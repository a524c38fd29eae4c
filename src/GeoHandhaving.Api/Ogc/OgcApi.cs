using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Ogc;

public sealed record OgcLandingPageUitvoer(string Title, string Description, IReadOnlyList<Link> Links);
public sealed record OgcConformanceUitvoer(IReadOnlyList<string> ConformsTo);
public sealed record OgcSpatialExtentUitvoer(double[][] Bbox, string Crs);
public sealed record OgcExtentUitvoer(OgcSpatialExtentUitvoer Spatial);
public sealed record OgcCollectionUitvoer(string Id, string Title, string Description, OgcExtentUitvoer? Extent, string ItemType,
    IReadOnlyList<string> Crs, string StorageCrs, IReadOnlyList<Link> Links);
public sealed record OgcCollectionsUitvoer(IReadOnlyList<OgcCollectionUitvoer> Collections, IReadOnlyList<Link> Links);

/// <summary>
/// OGC API – Features (Part 1 core + GeoJSON, Part 2 CRS, Part 4 create/replace/update/delete) over the wijken of the
/// active wijkindeling (<c>wijken</c>), every draft wijkindeling (<c>concept-{id}</c>) and the buurten, so QGIS and GDAL
/// can read and edit them. The active wijkindeling refuses an edit that opens a gap or an overlap; a draft takes them
/// until its activation checks the whole. Writes go through the same code as the REST API (<see cref="WijkBewerkingen"/>)
/// and are refused with the same problem details (<see cref="WijkProblemen"/>); If-Match is honoured but not demanded,
/// because QGIS sends none.
/// </summary>
public static class OgcApi
{
    public const string GeoJsonMediaType = "application/geo+json";
    private const string Wijken = "wijken";
    private const string Buurten = "buurten";
    private const string ConceptPrefix = "concept-";
    // The Allow headers of editable collections, their features, and the read-only buurten.
    private static readonly string Bewerkbaar = string.Join(", ", HttpMethods.Get, HttpMethods.Post, HttpMethods.Options);
    private static readonly string FeatureBewerkbaar =
        string.Join(", ", HttpMethods.Get, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete, HttpMethods.Options);
    private static readonly string AlleenLezen = string.Join(", ", HttpMethods.Get, HttpMethods.Options);
    private const string DefaultReden = "bewerkt via OGC API Features";

    private static readonly string[] ConformanceClasses =
    [
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
        "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
        "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
        "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
    ];

    /// <summary>The OGC service-desc must be OpenAPI 3.0 (GDAL, the oas30 class); the main document stays 3.1.</summary>
    public static IServiceCollection AddOgcApi(this IServiceCollection services) =>
        services.AddOpenApi("ogc", o =>
        {
            o.OpenApiVersion = OpenApiSpecVersion.OpenApi3_0;
            o.ShouldInclude = d => d.GroupName == "ogc";
        });

    public static IEndpointRouteBuilder MapOgcApi(this IEndpointRouteBuilder app)
    {
        var ogc = app.MapGroup("/ogc").WithGroupName("ogc").WithTags("OGC API Features").RequireAuthorization(Policies.WijkenLezen);
        ogc.MapGet("", LeesLandingPage).WithName("OgcLandingPage").WithSummary("OGC API landing page");
        ogc.MapGet("/conformance", LeesConformance).WithName("OgcConformance").WithSummary("Conformance classes");
        ogc.MapGet("/collections", LijstCollections).WithName("OgcCollections").WithSummary("The collections wijken, buurten and concept-{id} per draft");
        ogc.MapGet("/collections/{collectionId}", LeesCollection).WithName("OgcCollection").WithSummary("One collection");
        ogc.MapGet("/collections/{collectionId}/items", LijstItems).WithName("OgcItems")
            .WithSummary("Features with bbox, limit/offset paging, datetime (wijken: an instant gives the wijkindeling as of then, an interval every version " +
                "in force during it, id wijk.versie) and crs");
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", LeesItem).WithName("OgcItem").WithSummary("One feature");
        ogc.MapMethods("/collections/{collectionId}/items", [HttpMethods.Options], OptiesItems).WithName("OgcItemsOptions")
            .WithSummary("Allowed methods on the items of a collection");
        ogc.MapMethods("/collections/{collectionId}/items/{featureId}", [HttpMethods.Options], OptiesItem).WithName("OgcItemOptions")
            .WithSummary("Allowed methods on one feature");

        var edit = ogc.MapGroup("/collections/{collectionId}/items").RequireAuthorization(Policies.WijkenBeheren);
        edit.MapPost("", MaakItem).WithName("OgcCreateWijk").WithSummary("Create a wijk in wijken or a draft (Part 4)");
        edit.MapPut("/{featureId:long}", VervangItem).WithName("OgcReplaceWijk").WithSummary("Replace a wijk (Part 4)");
        edit.MapPatch("/{featureId:long}", WijzigItem).WithName("OgcPatchWijk").WithSummary("Merge-patch a wijk (Part 4)")
            .Accepts<WijkFeatureInvoer>("application/merge-patch+json", "application/json");
        edit.MapDelete("/{featureId:long}", VerwijderItem).WithName("OgcDeleteWijk").WithSummary("Delete a wijk (Part 4)");
        return app;
    }

    internal static Ok<OgcLandingPageUitvoer> LeesLandingPage(HttpContext http)
    {
        var root = Root(http);
        return TypedResults.Ok(new OgcLandingPageUitvoer("GeoHandhaving wijkindeling",
            "Wijken (active wijkindeling), draft wijkindelingen and buurten of your gemeente; storage in RD New (EPSG:28992).",
        [
            new(root, "self", "application/json", "This document"),
            new(http.Request.Absolute("/openapi/ogc.json"), "service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI 3.0 definition"),
            new(http.Request.Absolute("/docs/index.html"), "service-doc", "text/html", "API documentation"),
            new(root + "/conformance", "conformance", "application/json", "Conformance classes"),
            new(root + "/collections", "data", "application/json", "Collections"),
        ]));
    }

    internal static Ok<OgcConformanceUitvoer> LeesConformance() => TypedResults.Ok(new OgcConformanceUitvoer(ConformanceClasses));

    internal static async Task<Ok<OgcCollectionsUitvoer>> LijstCollections(
        [AsParameters] WijkenHandlerServices s, Wijkindelingen indelingen, CancellationToken ct)
    {
        var concepten = (await indelingen.ListAsync(s.GemeenteId, ct)).Where(w => w.Status == WijkindelingStatus.Concept).OrderBy(w => w.Id);
        var collections = new List<OgcCollectionUitvoer>
        {
            await DescribeAsync(s, Wijken, await s.Store.ActieveWijkindelingAsync(s.GemeenteId, ct), ct),
            await DescribeAsync(s, Buurten, null, ct),
        };
        foreach (var concept in concepten) collections.Add(await DescribeAsync(s, CollectionId(concept)!, concept, ct));
        return TypedResults.Ok(new OgcCollectionsUitvoer(collections, [new Link(Root(s.Http) + "/collections", "self", "application/json")]));
    }

    internal static async Task<Results<Ok<OgcCollectionUitvoer>, ProblemHttpResult>> LeesCollection(
        [AsParameters] WijkenHandlerServices s, string collectionId, CancellationToken ct) => await ResolveAsync(s, collectionId, ct) switch
        {
            { Found: false } => Problems.NotFound("Collectie", collectionId),
            var (_, indeling) => TypedResults.Ok(await DescribeAsync(s, collectionId, indeling, ct)),
        };

    /// <summary>
    /// The wijkindeling behind a collection: <c>wijken</c> is the active one (none yet: null), <c>concept-{id}</c> a draft,
    /// <c>buurten</c> none; Found is false for anything else, including a draft that was activated or archived.
    /// </summary>
    private static async Task<(bool Found, Wijkindeling? Indeling)> ResolveAsync(WijkenHandlerServices s, string collectionId, CancellationToken ct)
    {
        if (collectionId == Wijken) return (true, await s.Store.ActieveWijkindelingAsync(s.GemeenteId, ct));
        if (collectionId == Buurten) return (true, null);
        return collectionId.StartsWith(ConceptPrefix, StringComparison.Ordinal) && long.TryParse(collectionId[ConceptPrefix.Length..], out var id)
            && await s.Store.WijkindelingAsync(s.GemeenteId, id, ct) is { Status: WijkindelingStatus.Concept } concept
            ? (true, concept) : (false, null);
    }

    private static bool IsDraft(string collectionId) => collectionId.StartsWith(ConceptPrefix, StringComparison.Ordinal);

    /// <summary>The OGC collection of a wijkindeling: <c>wijken</c> for the active one, <c>concept-{id}</c> for a draft, none for the archived.</summary>
    public static string? CollectionId(Wijkindeling indeling) => indeling.Status switch
    {
        WijkindelingStatus.Actief => Wijken,
        WijkindelingStatus.Concept => ConceptPrefix + indeling.Id,
        _ => null,
    };

    internal static async Task<Results<JsonHttpResult<GeoJsonFeatureCollection>, ProblemHttpResult>> LijstItems(
        [AsParameters] WijkenHandlerServices s, string collectionId, string? bbox, [FromQuery(Name = "bbox-crs")] string? bboxCrs,
        int? limit, int? offset, string? datetime, string? crs, TimeProvider clock, CancellationToken ct)
    {
        var (found, indeling) = await ResolveAsync(s, collectionId, ct);
        if (!found) return Problems.NotFound("Collectie", collectionId);
        if (datetime is not null && collectionId != Wijken)
        {
            return Problems.InvalidField("datetime", "datetime geldt voor de collectie wijken (de actieve wijkindeling en haar geschiedenis).", datetime);
        }
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var (paging, pagingProblem) = Paging.Clamped(offset, limit);
        if (pagingProblem is not null) return pagingProblem;
        var (skip, take) = paging!.Value;
        var (box, bboxProblem) = Bbox.Parse(bbox, bboxCrs);
        if (bboxProblem is not null) return bboxProblem;
        long matched;
        List<GeoJsonFeature> features;
        if (collectionId == Buurten)
        {
            var buurten = s.Store.Buurten(s.GemeenteId, box);
            matched = await buurten.LongCountAsync(ct);
            features = (await buurten.Skip(skip).Take(take).ToListAsync(ct)).Select(b => WijkFeatures.From(b, output)).ToList();
        }
        else if (datetime is not null && datetime.Contains('/'))
        {
            if (AsOf.ParseInterval(datetime) is not var (van, tot))
                return Problems.InvalidField("datetime", "Een interval is begin/eind (datum of tijdstip, '..' voor open), met begin vóór eind.", datetime);
            var versies = s.Store.During(s.GemeenteId, van, tot, box);
            matched = await versies.LongCountAsync(ct);
            // Several versions of one wijk can fall in an interval: each is its own feature, id wijk.versie.
            features = (await versies.Skip(skip).Take(take).ToListAsync(ct)).Select(v => VersionFeature(v, output)).ToList();
        }
        else if (datetime is not null)
        {
            if (AsOf.Parse(datetime) is not { } at)
                return Problems.InvalidField("datetime", "Een datum, tijdstip of interval begin/eind.", datetime);
            var versies = await s.Store.AsOfAsync(s.GemeenteId, at, box, ct);
            matched = versies is null ? 0 : await versies.LongCountAsync(ct);
            var rows = versies is null ? [] : await versies.Skip(skip).Take(take).ToListAsync(ct);
            features = rows.Select(v => WijkFeatures.From(v, [], output)).ToList();
        }
        else
        {
            var wijken = indeling is null ? [] : await s.Store.Query(s.GemeenteId, indeling.Id, box).Skip(skip).Take(take).ToListAsync(ct);
            matched = indeling is null ? 0 : await s.Store.Query(s.GemeenteId, indeling.Id, box).LongCountAsync(ct);
            features = await s.FeaturesAsync(wijken, output, ct);
        }
        var collection = new GeoJsonFeatureCollection(features.Select(OgcProperties.Flat).ToList())
        {
            NumberMatched = matched, NumberReturned = features.Count, TimeStamp = clock.GetUtcNow(),
            Links = PagingLinks(s.Http, skip, take, features.Count, matched),
        };
        return TypedResults.Json(collection, contentType: GeoJsonMediaType);
    }

    internal static async Task<Results<JsonHttpResult<GeoJsonFeature>, ProblemHttpResult>> LeesItem(
        [AsParameters] WijkenHandlerServices s, string collectionId, string featureId, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        var (found, indeling) = await ResolveAsync(s, collectionId, ct);
        if (!found) return Problems.NotFound("Collectie", collectionId);
        GeoJsonFeature? feature = collectionId switch
        {
            not Buurten when long.TryParse(featureId, out var id) && await WijkInAsync(s, indeling, id, ct) is { } wijk
                => await s.FeatureAsync(wijk, output, ct),
            // wijk.versie: one version, as a datetime interval lists them.
            Wijken when VersionId(featureId) is var (wijkId, versie)
                && await s.Store.VersionAsync(s.GemeenteId, wijkId, versie, ct) is { Geometrie: not null } v
                => VersionFeature(v, output),
            Buurten when await s.Store.Buurten(s.GemeenteId, null).FirstOrDefaultAsync(b => b.Code == featureId, ct) is { } buurt
                => WijkFeatures.From(buurt, output),
            _ => null,
        };
        if (feature is null) return Problems.NotFound("Feature", featureId);
        var self = $"{Root(s.Http)}/collections/{collectionId}/items/{featureId}";
        return TypedResults.Json(OgcProperties.Flat(feature) with
        {
            Links = [new(self, "self", GeoJsonMediaType), new($"{Root(s.Http)}/collections/{collectionId}", "collection", "application/json")],
        }, contentType: GeoJsonMediaType);
    }

    private static GeoJsonFeature VersionFeature(WijkVersie v, Crs output) => WijkFeatures.From(v, [], output) with { Id = $"{v.WijkId}.{v.Versie}" };

    private static (long WijkId, int Versie)? VersionId(string featureId) =>
        featureId.Split('.') is [var wijk, var versie] && long.TryParse(wijk, out var wijkId) && int.TryParse(versie, out var nummer)
            ? (wijkId, nummer) : null;

    /// <summary>QGIS offers editing only when OPTIONS on the items allows POST, and edits a feature with what its OPTIONS allows.</summary>
    internal static async Task<Results<NoContent, ProblemHttpResult>> OptiesItems(
        [AsParameters] WijkenHandlerServices s, string collectionId, CancellationToken ct) =>
        (await ResolveAsync(s, collectionId, ct)).Found
            ? Allow(s.Http, collectionId == Buurten ? AlleenLezen : Bewerkbaar) : Problems.NotFound("Collectie", collectionId);

    internal static async Task<Results<NoContent, ProblemHttpResult>> OptiesItem(
        [AsParameters] WijkenHandlerServices s, string collectionId, string featureId, CancellationToken ct) =>
        (await ResolveAsync(s, collectionId, ct)).Found
            ? Allow(s.Http, collectionId == Buurten ? AlleenLezen : FeatureBewerkbaar) : Problems.NotFound("Collectie", collectionId);

    internal static async Task<Results<Created<GeoJsonFeature>, ProblemHttpResult>> MaakItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, string collectionId, WijkFeatureInvoer body, CancellationToken ct)
    {
        var (refused, indeling) = await EditableAsync(s, collectionId, ct);
        if (refused is not null) return refused;
        if (!Crs.TryForRequest(s.Http.Request, null, out var input, out var crsProblem)) return crsProblem;
        // wijken without an active wijkindeling yet: the first wijk starts one.
        long? wijkindeling = IsDraft(collectionId) ? indeling!.Id : null;
        var result = await bewerkingen.MaakAsync(s.Actor, body, input, wijkindeling, s.Reden(body.Text("reden")) ?? DefaultReden, ct);
        if (result.Fout is { } fout) return fout.Problem(input);
        var feature = OgcProperties.Flat(await s.FeatureAsync(result.Wijk!, Crs.Crs84, ct));
        return TypedResults.Created($"{Root(s.Http)}/collections/{collectionId}/items/{result.Wijk!.Id}", feature);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> VervangItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, string collectionId, long featureId, WijkFeatureInvoer body,
        CancellationToken ct)
    {
        if (body.Geometry is null) return Problems.InvalidField("geometry", "PUT vervangt de hele feature: geometry is verplicht.");
        return await WijzigItem(s, bewerkingen, collectionId, featureId, body, ct);
    }

    /// <summary>QGIS sends no If-Match and no reason: both are optional here (an If-Match that is sent is honoured).</summary>
    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> WijzigItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, string collectionId, long featureId, WijkFeatureInvoer body,
        CancellationToken ct)
    {
        if ((await EditableAsync(s, collectionId, ct, featureId)).Problem is { } refused) return refused;
        if (!Crs.TryForRequest(s.Http.Request, null, out var input, out var crsProblem)) return crsProblem;
        var result = await bewerkingen.WijzigAsync(s.Actor, featureId, body, input, s.Reden(body.Text("reden")) ?? DefaultReden, s.IfMatch, ct);
        if (result.Fout is { } fout) return fout.Problem(input);
        return TypedResults.Ok(OgcProperties.Flat(await s.FeatureAsync(result.Wijk!, Crs.Crs84, ct)));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> VerwijderItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, string collectionId, long featureId, CancellationToken ct)
    {
        if ((await EditableAsync(s, collectionId, ct, featureId)).Problem is { } refused) return refused;
        var result = await bewerkingen.VerwijderAsync(s.Actor, featureId, s.Reden(null) ?? DefaultReden, s.IfMatch, ct);
        return result.Fout is { } fout ? fout.Problem(Crs.Crs84) : TypedResults.NoContent();
    }

    /// <summary>
    /// Why a write to this collection (and feature) cannot be: 404 for an unknown collection or a feature of another
    /// wijkindeling (a draft's id never edits the active one), 405 with Allow for the read-only buurten.
    /// </summary>
    private static async Task<(ProblemHttpResult? Problem, Wijkindeling? Indeling)> EditableAsync(WijkenHandlerServices s, string collectionId,
        CancellationToken ct, long? featureId = null)
    {
        var (found, indeling) = await ResolveAsync(s, collectionId, ct);
        if (!found) return (Problems.NotFound("Collectie", collectionId), null);
        if (collectionId == Buurten)
        {
            s.Http.Response.Headers.Allow = AlleenLezen;
            return (Problems.Create(StatusCodes.Status405MethodNotAllowed, "read-only-collection", "Alleen lezen",
                "De buurten zijn alleen te lezen; ze komen uit de CBS-import (POST /api/v1/buurten/import)."), null);
        }
        if (featureId is { } id && await WijkInAsync(s, indeling, id, ct) is null) return (Problems.NotFound("Feature", id), indeling);
        return (null, indeling);
    }

    /// <summary>The wijk with this id when it belongs to the wijkindeling of the collection.</summary>
    private static async Task<Wijk?> WijkInAsync(WijkenHandlerServices s, Wijkindeling? indeling, long id, CancellationToken ct) =>
        indeling is not null && await s.Store.FindAsync(s.GemeenteId, id, ct) is { } wijk && wijk.WijkindelingId == indeling.Id ? wijk : null;

    private static NoContent Allow(HttpContext http, string methods)
    {
        http.Response.Headers.Allow = methods;
        return TypedResults.NoContent();
    }

    private static string Root(HttpContext http) => http.Request.Absolute("/ogc");

    private static async Task<OgcCollectionUitvoer> DescribeAsync(WijkenHandlerServices s, string id, Wijkindeling? indeling, CancellationToken ct)
    {
        var (title, description) = id switch
        {
            Wijken => ("Wijken", "De wijken van de actieve wijkindeling; bewerkbaar (Part 4) zolang er geen gat of overlap ontstaat: " +
                "een wijziging die dat zou doen wordt geweigerd (409, met plaats en oppervlakte). " + WijkFout.ViaConcept +
                " datetime geeft de stand op die datum."),
            Buurten => ("Buurten", "De CBS-buurten van de gemeente; alleen lezen."),
            _ => ($"Concept: {indeling!.Naam}", $"Concept-wijkindeling {indeling.Id} '{indeling.Naam}'; bewerkbaar (Part 4), gaten en " +
                $"overlappen mogen tot de activering (POST /api/v1/wijkindelingen/{indeling.Id}/activeer controleert de dekking)."),
        };
        var extent = id == Buurten || indeling is not null ? await s.Store.ExtentAsync(s.GemeenteId, indeling?.Id, ct) : null;
        var self = $"{Root(s.Http)}/collections/{id}";
        return new OgcCollectionUitvoer(id, title, description,
            extent is null ? null : new OgcExtentUitvoer(new OgcSpatialExtentUitvoer([Bbox.ToCrs84(extent)], RdNew.Crs84Uri)),
            "feature", Crs.Supported, RdNew.CrsUri,
            [new(self, "self", "application/json"), new(self + "/items", "items", GeoJsonMediaType, title)]);
    }

    private static List<Link> PagingLinks(HttpContext http, int offset, int limit, int returned, long matched)
    {
        var links = new List<Link> { new(PageUrl(http, offset, limit), "self", GeoJsonMediaType) };
        if (offset + returned < matched) links.Add(new(PageUrl(http, offset + limit, limit), "next", GeoJsonMediaType));
        if (offset > 0) links.Add(new(PageUrl(http, Math.Max(0, offset - limit), limit), "prev", GeoJsonMediaType));
        return links;
    }

    private static string PageUrl(HttpContext http, int offset, int limit)
    {
        var query = http.Request.Query.Where(q => q.Key is not ("offset" or "limit"))
            .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["offset"] = offset.ToString(System.Globalization.CultureInfo.InvariantCulture);
        query["limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString(http.Request.Absolute(http.Request.Path), query);
    }
}
