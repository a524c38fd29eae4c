using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Heatmap;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>
/// The Amsterdam wijken and buurten (GM0363's files in a fresh gemeente), a draft copied from its wijkindeling, an API key of a GIS analyst and the API on a
/// real Kestrel port: what QGIS and GDAL need, loaded once for the tests of one class.
/// </summary>
public sealed class AmsterdamOgcFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _once = new(1, 1);
    private WebApplicationFactory<Program>? _kestrel;
    private AmsterdamOgc? _loaded;

    public async Task<AmsterdamOgc> LoadAsync(ApiFactory api)
    {
        await _once.WaitAsync();
        try
        {
            return _loaded ??= await CreateAsync(api);
        }
        finally
        {
            _once.Release();
        }
    }

    private async Task<AmsterdamOgc> CreateAsync(ApiFactory api)
    {
        var gemeente = await api.NewGemeenteAsync("Amsterdam");
        await SetGrensAsync(api, gemeente, "gemeente.geojson");
        Assert.Equal(518, (await ImportAsync(api, gemeente, "buurten.geojson", buurten: true)).Aangemaakt);
        Assert.Equal(110, (await ImportAsync(api, gemeente, "wijken.geojson")).Aangemaakt);
        var analist = api.Analist(gemeente);
        long[] boaIds = [await CreateBoaAsync(analist, "B1"), await CreateBoaAsync(analist, "B2")];
        Assert.Equal(HttpStatusCode.OK, (await analist.PutAsJsonAsync("/api/v1/wijken/WK0363AA/boas", new { boaIds })).StatusCode);
        var draft = await analist.PostAsync("/api/v1/wijkindelingen", null);
        var concept = (await draft.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ogcCollectie").GetString()!.Split('/')[^1];
        var key = await api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "qgis", rollen = new[] { Roles.GisAnalist } });
        var sleutel = (await key.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sleutel").GetString()!;

        _kestrel = api.Variant(b => b.UseSetting("urls", ApiFactory.FreeUrl()));
        _kestrel.UseKestrel();
        _kestrel.StartServer();
        var address = _kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new AmsterdamOgc(gemeente, sleutel, address.Replace("localhost", "127.0.0.1") + "/ogc", concept);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_kestrel is not null) await _kestrel.DisposeAsync();
    }
}

/// <summary><paramref name="Concept"/>: the collection of a draft copied from the active wijkindeling.</summary>
public sealed record AmsterdamOgc(string Gemeente, string Sleutel, string OgcUrl, string Concept);

/// <summary>QGIS (Debian's python3-qgis, headless, through Ogc/qgis/oapif_layer.py) and GDAL's ogrinfo/ogr2ogr as the analyst runs them.</summary>
public static class GisClients
{
    private static readonly string QgisScript = SharedData.Repo("tests/GeoHandhaving.Api.Tests/Ogc/qgis/oapif_layer.py");

    /// <summary>What QGIS saw of one collection; the script prints one JSON line last (QGIS itself prints to stdout too).</summary>
    public static async Task<JsonElement> QgisAsync(string ogcUrl, string collection, string? key, params string[] options)
    {
        string[] arguments = [QgisScript, "--url", ogcUrl, "--collection", collection, .. key is null ? [] : new[] { "--key", key }, .. options];
        var (exit, output, error) = await ExternalTool.RunAsync("/usr/bin/python3", Path.GetTempPath(), arguments);
        Assert.True(exit == 0, $"QGIS script failed ({exit}): {error}");
        return JsonDocument.Parse(output.Trim().Split('\n')[^1]).RootElement;
    }

    /// <summary>ogrinfo or ogr2ogr with the key as the HTTP Basic password, as an analyst configures GDAL.</summary>
    public static async Task<string> GdalAsync(string tool, string key, params string[] arguments)
    {
        string[] all = ["--config", "GDAL_HTTP_AUTH", "BASIC", "--config", "GDAL_HTTP_USERPWD", $"gdal:{key}", .. arguments];
        var (exit, output, error) = await ExternalTool.RunAsync(tool, Path.GetTempPath(), all);
        Assert.True(exit == 0, $"{tool} failed ({exit}): {error}");
        return output;
    }
}
