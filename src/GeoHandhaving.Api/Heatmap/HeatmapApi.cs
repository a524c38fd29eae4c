using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Heatmap;

public sealed record VectorLayer(string Id, string Description, int Minzoom, int Maxzoom, IReadOnlyDictionary<string, string> Fields);

/// <summary>TileJSON 3.0.0 of one layer; bounds and center are lon/lat.</summary>
public sealed record TileJson(
    [property: JsonPropertyName("tilejson")] string Version, string Name, string Description, string[] Tiles,
    int Minzoom, int Maxzoom, double[] Bounds, double[] Center,
    [property: JsonPropertyName("vector_layers")] VectorLayer[] VectorLayers);

public sealed record KaartConfig(string? BasemapUrl, string BasemapAttributie, int MinimumPerCel);

public sealed record HeatmapCellenParameters(string? Bbox, int? Cel);

/// <summary>What every heatmap handler needs, bundled for [AsParameters].</summary>
public sealed record HeatmapServices(HeatmapQueries Queries, HotspotWindows Windows, FilterValues Filters, IAuthorizationService Authorization,
    HttpContext Http);

public static class HeatmapApi
{
    private const string MvtMediaType = "application/vnd.mapbox-vector-tile";
    private const string CacheControl = "private, max-age=60";
    /// <summary>The Netherlands, for the TileJSON of a gemeente without data yet.</summary>
    private static readonly double[] NederlandBounds = [3.2, 50.7, 7.3, 53.7];

    public static IServiceCollection AddHeatmap(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<HeatmapOptions>(configuration.GetSection(HeatmapOptions.Section));
        services.Configure<KaartOptions>(configuration.GetSection(KaartOptions.Section));
        return services.AddSingleton<HeatmapCache>().AddScoped<HeatmapQueries>();
    }

    public static IEndpointRouteBuilder MapHeatmapApi(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/api/v1/tiles").WithTags("Heatmap")
            // Every role reads some layer; each layer then demands its own policy (see TileLayers).
            .RequireAuthorization(Policies.WijkenLezen);
        tiles.MapGet("/{layer}/{z}/{x}/{y}.mvt", LeesTegel).WithName("HeatmapTegel")
            .WithSummary("Mapbox vector tile of layer heatmap, hotspots, wijken or meldingen; filters categorie, venster, dag, uur, van, tot; 204 when empty")
            .WithDescription("The heatmap layer is read from the pre-aggregated cell table (25 m cells per quarter hour): van, tot and the venster's " +
                "times must fall on a quarter hour (:00, :15, :30, :45), otherwise 400 naming the field. Cells with fewer meldingen than the " +
                "privacy floor (Heatmap:MinimumPerCel) are never served.")
            .Produces(StatusCodes.Status200OK, contentType: MvtMediaType);
        tiles.MapGet("/{layer}.json", LeesTileJson).WithName("HeatmapTileJson")
            .WithSummary("TileJSON 3.0.0 of a layer; the tile URL template carries the given filters");
        app.MapGet("/api/v1/heatmap", LijstCellen).RequireAuthorization(Policies.HotspotsLezen).WithTags("Heatmap").WithName("HeatmapCellen")
            .WithSummary("The heatmap as GeoJSON cell polygons (CRS84) with count and weight (meldingen per hectare), for clients without vector tiles")
            .WithDescription("cel: a multiple of 25 m from 25 to 5000 (default 100); read from the pre-aggregated cell table, so van, tot and the " +
                "venster's times must fall on a quarter hour (:00, :15, :30, :45), otherwise 400 naming the field. The privacy floor applies to " +
                "the count at the requested cell size.");

        app.MapGet("/", () => TypedResults.Redirect("/kaart")).AllowAnonymous().WithTags("Kaart").WithName("Start")
            .WithSummary("Redirects to the map page");
        app.MapGet("/kaart", LeesKaart).RequireAuthorization(Policies.WijkenLezen).WithTags("Kaart").WithName("Kaart")
            .WithSummary("The map page (MapLibre, served by the API itself); a browser without a session goes to /aanmelden first");
        app.MapGet("/kaart/config.json", LeesKaartConfiguratie).AllowAnonymous().WithTags("Kaart").WithName("KaartConfig")
            .WithSummary("Settings of the map page: basemap URL (may be empty), privacy minimum");
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, NoContent, StatusCodeHttpResult, ProblemHttpResult>> LeesTegel(
        string layer, string z, string x, string y, [AsParameters] HeatmapFilterParameters p, [AsParameters] HeatmapServices s, CancellationToken ct)
    {
        var (tileLayer, layerProblem) = await ReadableLayerAsync(layer, s);
        if (layerProblem is not null) return layerProblem;
        var (tile, tileProblem) = ParseTile(z, x, y);
        if (tileProblem is not null) return tileProblem;
        var (filter, filterProblem) = await ParseFilterAsync(p, tileLayer!, s.Windows, s.Filters, s.Queries.GemeenteId, ct);
        if (filterProblem is not null) return filterProblem;

        var version = await s.Queries.DataVersionAsync(ct);
        var etag = ETag(s.Queries.GemeenteId, tileLayer!.Id, $"{tile.Z}/{tile.X}/{tile.Y}", filter!.CacheKey, s.Queries.Scope(tileLayer), version.ToString());
        if (NotModified(s.Http, etag)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        if (tile.Z < tileLayer.MinZoom) return TypedResults.NoContent();
        var bytes = await s.Queries.TileAsync(tileLayer, tile, filter, version, ct);
        return bytes.Length == 0 ? TypedResults.NoContent() : TypedResults.File(bytes, MvtMediaType);
    }

    internal static async Task<Results<Ok<TileJson>, StatusCodeHttpResult, ProblemHttpResult>> LeesTileJson(
        string layer, [AsParameters] HeatmapFilterParameters p, [AsParameters] HeatmapServices s, CancellationToken ct)
    {
        var (tileLayer, layerProblem) = await ReadableLayerAsync(layer, s);
        if (layerProblem is not null) return layerProblem;
        var (filter, filterProblem) = await ParseFilterAsync(p, tileLayer!, s.Windows, s.Filters, s.Queries.GemeenteId, ct);
        if (filterProblem is not null) return filterProblem;

        var version = await s.Queries.DataVersionAsync(ct);
        var request = s.Http.Request;
        var query = filter!.QueryString;
        var template = request.Absolute($"/api/v1/tiles/{tileLayer!.Id}/{{z}}/{{x}}/{{y}}.mvt") + (query == "" ? "" : "?" + query);
        if (NotModified(s.Http, ETag(s.Queries.GemeenteId, tileLayer.Id, template, version.ToString())))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var bounds = await s.Queries.DataExtentAsync(version, ct) ?? NederlandBounds;
        double[] center = [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, 12];
        return TypedResults.Ok(new TileJson("3.0.0", tileLayer.Id, tileLayer.Description, [template], tileLayer.MinZoom, tileLayer.MaxZoom,
            bounds, center, [new VectorLayer(tileLayer.Id, tileLayer.Description, tileLayer.MinZoom, tileLayer.MaxZoom, tileLayer.Fields)]));
    }

    internal static async Task<Results<Ok<GeoJsonFeatureCollection>, ProblemHttpResult>> LijstCellen(
        [AsParameters] HeatmapCellenParameters c, [AsParameters] HeatmapFilterParameters p, HeatmapQueries queries, HotspotWindows windows,
        FilterValues filters, HttpResponse response, CancellationToken ct)
    {
        var (bbox, bboxProblem) = Bbox.Parse(c.Bbox);
        if (bboxProblem is not null) return bboxProblem;
        var cel = c.Cel ?? 100;
        if (cel is < HeatmapGrid.MinCel or > HeatmapGrid.MaxCel || cel % HeatmapNiveaus.KwartierCel != 0)
        {
            return Problems.InvalidField("cel", $"celgrootte in meters, een veelvoud van {HeatmapNiveaus.KwartierCel} van {HeatmapGrid.MinCel} " +
                $"t/m {HeatmapGrid.MaxCel} (de heatmap telt in cellen van {HeatmapNiveaus.KwartierCel} m).", c.Cel);
        }
        var (filter, filterProblem) = await ParseFilterAsync(p, TileLayers.Heatmap, windows, filters, queries.GemeenteId, ct);
        if (filterProblem is not null) return filterProblem;

        var cellen = await queries.CellsAsync(bbox, cel, filter!, ct);
        var features = cellen.Select(k => GeoJsonFeatures.Create(
            RdNew.RdFactory.ToGeometry(new Envelope(k.I * cel, (k.I + 1) * cel, k.J * cel, (k.J + 1) * cel)), Crs.Crs84, $"{cel}_{k.I}_{k.J}",
            new Dictionary<string, object?> { ["count"] = k.Aantal, ["weight"] = k.PerHectare })).ToList();
        response.Headers["Content-Crs"] = Crs.Crs84.ContentCrsHeader;
        return TypedResults.Ok(new GeoJsonFeatureCollection(features) { NumberMatched = features.Count, NumberReturned = features.Count });
    }

    internal static PhysicalFileHttpResult LeesKaart(IWebHostEnvironment environment) =>
        TypedResults.PhysicalFile(Path.Combine(environment.WebRootPath, "kaart", "index.html"), "text/html; charset=utf-8");

    internal static Ok<KaartConfig> LeesKaartConfiguratie(IOptions<KaartOptions> kaart, IOptions<HeatmapOptions> heatmap) =>
        TypedResults.Ok(new KaartConfig(string.IsNullOrWhiteSpace(kaart.Value.BasemapUrl) ? null : kaart.Value.BasemapUrl,
            kaart.Value.BasemapAttributie, heatmap.Value.MinimumPerCel));

    private static async Task<(TileLayer?, ProblemHttpResult?)> ReadableLayerAsync(string layer, HeatmapServices s)
    {
        if (!TileLayers.All.TryGetValue(layer, out var tileLayer))
        {
            return (null, Problems.Create(StatusCodes.Status404NotFound, "unknown-layer", "Onbekende laag",
                $"Laag '{layer}' bestaat niet; lagen: {string.Join(", ", TileLayers.All.Keys)}.", new Dictionary<string, object?> { ["field"] = "layer" }));
        }
        var allowed = await s.Authorization.AuthorizeAsync(s.Http.User, tileLayer.Policy);
        return allowed.Succeeded ? (tileLayer, null)
            : (null, Problems.Create(StatusCodes.Status403Forbidden, "forbidden-layer", "Geen toegang tot deze laag",
                $"De laag '{layer}' vraagt het recht {tileLayer.Policy}.", new Dictionary<string, object?> { ["policy"] = tileLayer.Policy }));
    }

    private static (TileAddress, ProblemHttpResult?) ParseTile(string z, string x, string y)
    {
        if (!int.TryParse(z, out var zoom) || zoom is < 0 or > TileLayers.MaxZoom)
        {
            return (default, Problems.InvalidField("z", $"zoomniveau 0 t/m {TileLayers.MaxZoom}.", z));
        }
        var max = (1L << zoom) - 1;
        if (!int.TryParse(x, out var column) || column < 0
            || column > max) return (default, Problems.InvalidField("x", $"kolom 0 t/m {max} op zoom {zoom}.", x));
        if (!int.TryParse(y, out var row) || row < 0 || row > max) return (default, Problems.InvalidField("y", $"rij 0 t/m {max} op zoom {zoom}.", y));
        return (new TileAddress(zoom, column, row), null);
    }

    private static async Task<(HeatmapFilter?, ProblemHttpResult?)> ParseFilterAsync(
        HeatmapFilterParameters p, TileLayer layer, HotspotWindows windows, FilterValues filters, string gemeente, CancellationToken ct)
    {
        var (filter, problem) = HeatmapFilter.From(p);
        if (problem is not null) return (null, problem);
        // The known values are looked up only for a filter that names one: most tile requests name none, and the lookup
        // was most of their cost (770 instead of thousands of tiles per second from the cache).
        string? venster = null, categorie = null;
        if (filter!.Venster is not null && !(await filters.VensterAsync(gemeente, ct)).TryResolve(filter.Venster, out venster, out problem))
        {
            return (null, problem);
        }
        if (filter.Categorie is not null && !(await filters.CategorieAsync(gemeente, ct)).TryResolve(filter.Categorie, out categorie, out problem))
        {
            return (null, problem);
        }
        filter = filter with { Venster = venster, Categorie = categorie };
        // For the layers of meldingen a venster is the gemeente's own definition, the one its hotspots are computed for.
        if (layer.ReadsMeldingen && venster is not null)
        {
            var context = await windows.ContextAsync(gemeente, ct);
            filter = filter with { VensterDefinitie = context.Windows.First(w => w.Name == venster), SchoolRegio = context.Regio };
        }
        // The heatmap reads the cell table, which counts per quarter hour.
        return layer == TileLayers.Heatmap && filter.KwartierProbleem() is { } kwartier ? (null, kwartier) : (filter, null);
    }

    /// <summary>A strong ETag over everything the response depends on; the data version makes it change when the data does.</summary>
    private static string ETag(params string[] parts) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))))[..32] + "\"";

    /// <summary>Sets ETag and Cache-Control (also on 204 and 304) and tells whether If-None-Match already has this version.</summary>
    private static bool NotModified(HttpContext http, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = CacheControl;
        var ifNoneMatch = http.Request.Headers.IfNoneMatch.ToString();
        return ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == etag || t == "W/" + etag);
    }
}
