using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;
using GeoHandhaving.Api.Wijken;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Wijken;

/// <summary>Test geometry in RD New near Amsterdam Centraal, and the shared Amsterdam gebieden files.</summary>
public static class WijkenTestData
{
    public const string RdCrs = "http://www.opengis.net/def/crs/EPSG/0/28992";
    public const double X0 = 121_000;
    public const double Y0 = 487_000;

    public static JsonArray Square(double x, double y, double size) =>
        Ring((x, y), (x + size, y), (x + size, y + size), (x, y + size), (x, y));

    /// <summary>A self-intersecting polygon whose edges cross at the centre of the square.</summary>
    public static JsonArray BowTie(double x, double y, double size) =>
        Ring((x, y), (x + size, y + size), (x + size, y), (x, y + size), (x, y));

    public static JsonArray Ring(params (double X, double Y)[] points) =>
        [new JsonArray(points.Select(p => (JsonNode)new JsonArray(p.X, p.Y)).ToArray())];

    public static JsonObject Feature(string? code, string? naam, JsonArray polygonRings, string? reden = "test") => new()
    {
        ["type"] = "Feature",
        ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = polygonRings },
        ["properties"] = new JsonObject { ["code"] = code, ["naam"] = naam, ["reden"] = reden },
    };

    /// <summary>The folder shared/data/nl/amsterdam/gebieden, found by walking up from the test binaries to GeoHandhaving.sln.</summary>
    public static string AmsterdamFile(string name) => GeoHandhaving.Testing.SharedData.Path($"nl/amsterdam/gebieden/{name}");

    public static async Task<JsonElement> CreateAsync(HttpClient client, string code, JsonArray rings, string? query = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}{query}", Feature(code, "Wijk " + code, rings));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return body;
    }

    public static async Task<long> CreateBoaAsync(HttpClient client, string code)
    {
        var response = await client.PostAsJsonAsync("/api/v1/boas", new { code, naam = "Boa " + code });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> CreateDraftAsync(HttpClient client, string naam, bool kopieVanActief)
    {
        var response = await client.PostAsJsonAsync("/api/v1/wijkindelingen", new { naam, kopieVanActief });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Imports a file straight through <see cref="WijkenImport"/>, the code the CLI and the HTTP endpoint share.</summary>
    public static async Task<ImportUitvoer> ImportAsync(ApiFactory api, string gemeente, string file, bool buurten = false)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(AmsterdamFile(file)));
        var actor = new Actor(gemeente, "test-import");
        var result = buurten
            ? await import.ImportBuurtenAsync(actor, json.RootElement, new ImportOpties(), CancellationToken.None)
            : await import.ImportWijkenAsync(actor, json.RootElement, new ImportOpties(), CancellationToken.None);
        Assert.Null(result.Fout);
        return result.Rapport!;
    }

    public static async Task SetGrensAsync(ApiFactory api, string gemeente, string file)
    {
        await using var scope = api.Services.CreateAsyncScope();
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(AmsterdamFile(file)));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WijkenImport>().SetGrensAsync(gemeente, json.RootElement, CancellationToken.None));
    }

    /// <summary>The gemeentegrens as one polygon in RD New.</summary>
    public static async Task SetGrensAsync(ApiFactory api, string gemeente, JsonArray rings)
    {
        var grens = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::28992" } },
            ["features"] = new JsonArray(Feature("G", "Grens", rings)),
        };
        using var json = JsonDocument.Parse(grens.ToJsonString());
        await using var scope = api.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<WijkenImport>().SetGrensAsync(gemeente, json.RootElement, CancellationToken.None));
    }

    public static HttpClient Analist(this ApiFactory api, string gemeente) => api.ClientAs(gemeente, Roles.GisAnalist);
}
