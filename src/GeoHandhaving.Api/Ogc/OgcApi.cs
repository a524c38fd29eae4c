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

public sealed record OgcLandingPage(string Title, string Description, IReadOnlyList<Link> Links);
public sealed record OgcConformance(IReadOnlyList<string> ConformsTo);
public sealed record OgcSpatialExtent(double[][] Bbox, string Crs);
public sealed record OgcExtent(OgcSpatialExtent Spatial);
public sealed record OgcCollection(string Id, string Title, string Description, OgcExtent? Extent, string ItemType,
    IReadOnlyList<string> Crs, string StorageCrs, IReadOnlyList<Link> Links);
public sealed record OgcCollections(IReadOnlyList<OgcCollection> Collections, IReadOnlyList<Link> Links);

/// <summary>
/// OGC API – Features (Part 1 core + GeoJSON, Part 2 CRS, Part 4 create/replace/update/delete) over the wijken of the
/// active wijkindeling and the buurten, so QGIS and GDAL can read and edit them. Writes go through the same code as
/// the REST API (<see cref="WijkBewerkingen"/>) and are refused with the same problem details (<see cref="WijkProblemen"/>); If-Match is honoured but not demanded, because
/// QGIS sends none.
/// </summary>
public static class OgcApi
{
    public const string GeoJsonMediaType = "application/geo+json";
    private const string Wijken = "wijken";
    private const string Buurten = "buurten";
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
        ogc.MapGet("", LandingPage).WithName("OgcLandingPage").WithSummary("OGC API landing page");
        ogc.MapGet("/conformance", Conformance).WithName("OgcConformance").WithSummary("Conformance classes");
        ogc.MapGet("/collections", Collections).WithName("OgcCollections").WithSummary("The collections wijken and buurten");
        ogc.MapGet("/collections/{collectionId}", Collection).WithName("OgcCollection").WithSummary("One collection");
        ogc.MapGet("/collections/{collectionId}/items", Items).WithName("OgcItems")
            .WithSummary("Features with bbox, limit/offset paging, datetime (wijken: an instant gives the wijkindeling as of then, an interval every version in force during it, id wijk.versie) and crs");
        ogc.MapGet("/collections/{collectionId}/items/{featureId}", Item).WithName("OgcItem").WithSummary("One feature");
        ogc.MapMethods("/collections/{collectionId}/items", [HttpMethods.Options], ItemsOptions).WithName("OgcItemsOptions")
            .WithSummary("Allowed methods on the items of a collection");
        ogc.MapMethods("/collections/{collectionId}/items/{featureId}", [HttpMethods.Options], ItemOptions).WithName("OgcItemOptions")
            .WithSummary("Allowed methods on one feature");

        var edit = ogc.MapGroup("/collections/" + Wijken + "/items").RequireAuthorization(Policies.WijkenBeheren);
        edit.MapPost("", CreateItem).WithName("OgcCreateWijk").WithSummary("Create a wijk (Part 4)");
        edit.MapPut("/{featureId:long}", ReplaceItem).WithName("OgcReplaceWijk").WithSummary("Replace a wijk (Part 4)");
        edit.MapPatch("/{featureId:long}", PatchItem).WithName("OgcPatchWijk").WithSummary("Merge-patch a wijk (Part 4)")
            .Accepts<WijkFeatureInvoer>("application/merge-patch+json", "application/json");
        edit.MapDelete("/{featureId:long}", DeleteItem).WithName("OgcDeleteWijk").WithSummary("Delete a wijk (Part 4)");
        return app;
    }

    internal static Ok<OgcLandingPage> LandingPage(HttpContext http)
    {
        var root = Root(http);
        return TypedResults.Ok(new OgcLandingPage("GeoHandhaving wijkindeling",
            "Wijken (active wijkindeling) and buurten of your gemeente; storage in RD New (EPSG:28992).",
        [
            new(root, "self", "application/json", "This document"),
            new(http.Request.Absolute("/openapi/ogc.json"), "service-desc", "application/vnd.oai.openapi+json;version=3.0", "OpenAPI 3.0 definition"),
            new(http.Request.Absolute("/docs/index.html"), "service-doc", "text/html", "API documentation"),
            new(root + "/conformance", "conformance", "application/json", "Conformance classes"),
            new(root + "/collections", "data", "application/json", "Collections"),
        ]));
    }

    internal static Ok<OgcConformance> Conformance() => TypedResults.Ok(new OgcConformance(ConformanceClasses));

    internal static async Task<Ok<OgcCollections>> Collections([AsParameters] WijkenHandlerServices s, CancellationToken ct)
    {
        var collections = new[] { await DescribeAsync(s, Wijken, ct), await DescribeAsync(s, Buurten, ct) };
        return TypedResults.Ok(new OgcCollections(collections!, [new Link(Root(s.Http) + "/collections", "self", "application/json")]));
    }

    internal static async Task<Results<Ok<OgcCollection>, ProblemHttpResult>> Collection(
        [AsParameters] WijkenHandlerServices s, string collectionId, CancellationToken ct) =>
        await DescribeAsync(s, collectionId, ct) is { } collection ? TypedResults.Ok(collection) : Problems.NotFound("Collectie", collectionId);

    internal static async Task<Results<JsonHttpResult<GeoJsonFeatureCollection>, ProblemHttpResult>> Items(
        [AsParameters] WijkenHandlerServices s, string collectionId, string? bbox, [FromQuery(Name = "bbox-crs")] string? bboxCrs,
        int? limit, int? offset, string? datetime, string? crs, TimeProvider clock, CancellationToken ct)
    {
        if (collectionId is not (Wijken or Buurten)) return Problems.NotFound("Collectie", collectionId);
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
            var indeling = await s.Store.ActieveWijkindelingAsync(s.GemeenteId, ct);
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

    internal static async Task<Results<JsonHttpResult<GeoJsonFeature>, ProblemHttpResult>> Item(
        [AsParameters] WijkenHandlerServices s, string collectionId, string featureId, string? crs, CancellationToken ct)
    {
        if (!Crs.TryForResponse(crs, s.Http.Response, out var output, out var crsProblem)) return crsProblem;
        GeoJsonFeature? feature = collectionId switch
        {
            Wijken when long.TryParse(featureId, out var id) && await s.Store.FindAsync(s.GemeenteId, id, ct) is { } wijk
                => await s.FeatureAsync(wijk, output, ct),
            // wijk.versie: one version, as a datetime interval lists them.
            Wijken when VersionId(featureId) is var (wijkId, versie) && await s.Store.VersionAsync(s.GemeenteId, wijkId, versie, ct) is { Geometrie: not null } v
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

    internal static NoContent ItemsOptions(HttpContext http, string collectionId) =>
        Allow(http, collectionId == Wijken ? "GET, POST, OPTIONS" : "GET, OPTIONS");

    internal static NoContent ItemOptions(HttpContext http, string collectionId, string featureId) =>
        Allow(http, collectionId == Wijken ? "GET, PUT, PATCH, DELETE, OPTIONS" : "GET, OPTIONS");

    internal static async Task<Results<Created<GeoJsonFeature>, ProblemHttpResult>> CreateItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, WijkFeatureInvoer body, CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, null, out var input, out var crsProblem)) return crsProblem;
        var result = await bewerkingen.MaakAsync(s.Actor, body, input, null, s.Reden(body.Text("reden")) ?? DefaultReden, ct);
        if (result.Fout is { } fout) return fout.Problem(input);
        var feature = await s.FeatureAsync(result.Wijk!, Crs.Crs84, ct);
        return TypedResults.Created($"{Root(s.Http)}/collections/{Wijken}/items/{result.Wijk!.Id}", feature);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> ReplaceItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long featureId, WijkFeatureInvoer body, CancellationToken ct)
    {
        if (body.Geometry is null) return Problems.InvalidField("geometry", "PUT vervangt de hele feature: geometry is verplicht.");
        return await PatchItem(s, bewerkingen, featureId, body, ct);
    }

    internal static async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> PatchItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long featureId, WijkFeatureInvoer body, CancellationToken ct)
    {
        if (!Crs.TryForRequest(s.Http.Request, null, out var input, out var crsProblem)) return crsProblem;
        var result = await bewerkingen.WijzigAsync(s.Actor, featureId, body, input, s.Reden(body.Text("reden")) ?? DefaultReden, s.IfMatch, ct);
        return await s.WrittenAsync(result, input, Crs.Crs84, ct);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> DeleteItem(
        [AsParameters] WijkenHandlerServices s, WijkBewerkingen bewerkingen, long featureId, CancellationToken ct)
    {
        var result = await bewerkingen.VerwijderAsync(s.Actor, featureId, s.Reden(null) ?? DefaultReden, s.IfMatch, ct);
        return result.Fout is { } fout ? fout.Problem(Crs.Crs84) : TypedResults.NoContent();
    }

    private static NoContent Allow(HttpContext http, string methods)
    {
        http.Response.Headers.Allow = methods;
        return TypedResults.NoContent();
    }

    private static string Root(HttpContext http) => http.Request.Absolute("/ogc");

    private static async Task<OgcCollection?> DescribeAsync(WijkenHandlerServices s, string id, CancellationToken ct)
    {
        var (title, description) = id switch
        {
            Wijken => ("Wijken", "De wijken van de actieve wijkindeling; bewerkbaar (Part 4). datetime geeft de stand op die datum."),
            Buurten => ("Buurten", "De CBS-buurten van de gemeente; alleen lezen."),
            _ => (null, null),
        };
        if (title is null) return null;
        var extent = await s.Store.ExtentAsync(s.GemeenteId, id == Wijken, ct);
        var self = $"{Root(s.Http)}/collections/{id}";
        return new OgcCollection(id, title, description!,
            extent is null ? null : new OgcExtent(new OgcSpatialExtent([Bbox.ToCrs84(extent)], RdNew.Crs84Uri)),
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
