using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Testing;
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
        var result = await ImportFileAsync(api, gemeente, AmsterdamFile(file), buurten, new ImportOpties());
        Assert.Null(result.Fout);
        return result.Rapport!;
    }

    /// <summary>Any GeoJSON or GeoPackage file, read as the CLI reads it.</summary>
    public static async Task<ImportResult> ImportFileAsync(ApiFactory api, string gemeente, string path, bool buurten, ImportOpties opties)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
        var json = await Cli.Wijken.WijkenImportCommands.ReadAsync(new FileInfo(path), CancellationToken.None);
        var actor = new Actor(gemeente, "test-import");
        return buurten
            ? await import.ImportBuurtenAsync(actor, json, opties, CancellationToken.None)
            : await import.ImportWijkenAsync(actor, json, opties, CancellationToken.None);
    }

    public static async Task<ImportResult> SetGrensAsync(ApiFactory api, string gemeente, string path, bool controle = false)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var json = await Cli.Wijken.WijkenImportCommands.ReadAsync(new FileInfo(File.Exists(path) ? path : AmsterdamFile(path)), CancellationToken.None);
        var result = await scope.ServiceProvider.GetRequiredService<WijkenImport>().SetGrensAsync(gemeente, json, controle, CancellationToken.None);
        Assert.Null(result.Fout);
        return result;
    }

    /// <summary>A file converted by GDAL's ogr2ogr into a temp folder (never committed), as an analyst exports from QGIS.</summary>
    public static async Task<string> Ogr2OgrAsync(string source, string format, string extension, params string[] extra)
    {
        var target = Path.Combine(Directory.CreateTempSubdirectory("ogr2ogr-").FullName, Path.GetFileNameWithoutExtension(source) + extension);
        var ogr2ogr = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ogr2ogr", ["-f", format, target, source, .. extra])
        { RedirectStandardError = true })!;
        var stderr = await ogr2ogr.StandardError.ReadToEndAsync();
        await ogr2ogr.WaitForExitAsync();
        Assert.True(ogr2ogr.ExitCode == 0, stderr);
        return target;
    }

    /// <summary>A new gemeente whose gemeentegrens is the rectangle of <paramref name="width"/> × <paramref name="height"/> m at (X0, Y0).</summary>
    public static async Task<string> GemeenteMetGrensAsync(this ApiFactory api, double width, double height)
    {
        var gemeente = await api.NewGemeenteAsync();
        api.WithDb(db =>
        {
            var grens = (NetTopologySuite.Geometries.Polygon)Core.Geometry.RdNew.RdFactory.ToGeometry(
                new NetTopologySuite.Geometries.Envelope(X0, X0 + width, Y0, Y0 + height));
            db.Gemeenten.Single(g => g.Id == gemeente).Grens = Core.Geometry.RdNew.RdFactory.CreateMultiPolygon([grens]);
            return db.SaveChanges();
        });
        return gemeente;
    }

    /// <summary>Reads one wijk over OGC in CRS84 (as QGIS does) and PATCHes its geometry back unchanged, as merge-patch.</summary>
    public static async Task<HttpResponseMessage> PatchBackOverOgcAsync(HttpClient client, long id)
    {
        var feature = await client.GetFromJsonAsync<JsonObject>($"/ogc/collections/wijken/items/{id}");
        var patch = new StringContent(new JsonObject { ["geometry"] = feature!["geometry"]!.DeepClone() }.ToJsonString(),
            System.Text.Encoding.UTF8, "application/merge-patch+json");
        return await client.PatchAsync($"/ogc/collections/wijken/items/{id}", patch);
    }

    /// <summary>
    /// Reads one wijk and writes it back unchanged every way a client can: REST PUT of the CRS84 feature, OGC PUT of the
    /// RD New feature (Content-Crs), REST merge-patch of the CRS84 geometry and OGC merge-patch of the CRS84 geometry as
    /// QGIS sends it. Returns each way with its answer.
    /// </summary>
    public static async Task<List<(string Wijze, HttpResponseMessage Antwoord)>> WriteBackUnchangedAsync(HttpClient client, long id)
    {
        var crs84 = await client.GetFromJsonAsync<JsonObject>($"/api/v1/wijken/{id}");
        crs84!["properties"]!["reden"] = "rondreis";
        var antwoorden = new List<(string, HttpResponseMessage)> { ("REST PUT CRS84", await client.PutAsJsonAsync($"/api/v1/wijken/{id}", crs84)) };

        var rd = await client.GetFromJsonAsync<JsonObject>($"/ogc/collections/wijken/items/{id}?crs={RdCrs}");
        var content = new StringContent(rd!.ToJsonString(), System.Text.Encoding.UTF8, "application/geo+json");
        content.Headers.Add("Content-Crs", $"<{RdCrs}>");
        antwoorden.Add(("OGC PUT RD New", await client.PutAsync($"/ogc/collections/wijken/items/{id}", content)));

        var patch = new JsonObject { ["geometry"] = crs84["geometry"]!.DeepClone(), ["properties"] = new JsonObject { ["reden"] = "rondreis" } };
        antwoorden.Add(("REST PATCH CRS84", await client.PatchAsync($"/api/v1/wijken/{id}",
            new StringContent(patch.ToJsonString(), System.Text.Encoding.UTF8, "application/merge-patch+json"))));
        antwoorden.Add(("OGC PATCH CRS84", await PatchBackOverOgcAsync(client, id)));
        return antwoorden;
    }

    /// <summary>Asserts that every way of <see cref="WriteBackUnchangedAsync"/> answers 200.</summary>
    public static async Task AssertWrittenBackUnchangedAsync(HttpClient client, long id)
    {
        foreach (var (wijze, antwoord) in await WriteBackUnchangedAsync(client, id))
        {
            var tekst = await antwoord.Content.ReadAsStringAsync();
            Assert.True(antwoord.StatusCode == System.Net.HttpStatusCode.OK, $"wijk {id}, {wijze}: {tekst}");
        }
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
        var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
        Assert.Null((await import.SetGrensAsync(gemeente, json.RootElement, false, CancellationToken.None)).Fout);
    }

    public static HttpClient Analist(this ApiFactory api, string gemeente) => api.ClientAs(gemeente, Roles.GisAnalist);
}
