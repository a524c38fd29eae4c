using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Wijken;

[Collection(ApiCollection.Name)]
public class WijkenImportTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    // Amsterdam is imported once for the whole class: it is the slow part.
    private static Task<(string Gemeente, ImportUitvoer Wijken, ImportUitvoer Buurten)>? _amsterdam;
    private static readonly Lock AmsterdamLock = new();

    private Task<(string Gemeente, ImportUitvoer Wijken, ImportUitvoer Buurten)> AmsterdamAsync()
    {
        lock (AmsterdamLock)
        {
            return _amsterdam ??= ImportAmsterdamAsync(_api);
        }
    }

    private static async Task<(string, ImportUitvoer, ImportUitvoer)> ImportAmsterdamAsync(ApiFactory api)
    {
        var gemeente = await api.NewGemeenteAsync("Amsterdam");
        var wijken = await ImportAsync(api, gemeente, "wijken.geojson");
        var buurten = await ImportAsync(api, gemeente, "buurten.geojson", buurten: true);
        await SetGrensAsync(api, gemeente, "gemeente.geojson");
        return (gemeente, wijken, buurten);
    }

    [Fact]
    public async Task Amsterdam_wijken_and_buurten_import_completely()
    {
        var (gemeente, wijken, buurten) = await AmsterdamAsync();
        Assert.Equal(110, wijken.Aangemaakt);
        Assert.Empty(wijken.Afgewezen);
        Assert.Equal(518, buurten.Aangemaakt);
        Assert.Empty(buurten.Afgewezen);
        var list = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>("/api/v1/wijken");
        Assert.Equal(110, list.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Wijk_without_a_name_is_named_by_its_code()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var list = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>("/api/v1/wijken");
        var weesp = list.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "WK0363SB");
        Assert.Equal("WK0363SB", weesp.GetProperty("properties").GetProperty("naam").GetString());
    }

    [Fact]
    public async Task Reimport_of_the_same_file_changes_nothing_and_adds_no_versions()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var again = await ImportAsync(_api, gemeente, "wijken.geojson");
        var buurten = await ImportAsync(_api, gemeente, "buurten.geojson", buurten: true);
        Assert.Equal((0, 0, 110), (again.Aangemaakt, again.Gewijzigd, again.Ongewijzigd));
        Assert.Equal((0, 0, 518), (buurten.Aangemaakt, buurten.Gewijzigd, buurten.Ongewijzigd));
        Assert.Equal(110, _api.WithDb(db => db.WijkVersies.Count(v => v.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Imported_amsterdam_wijkindeling_covers_the_gemeente_without_gaps_or_overlaps()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var indeling = _api.WithDb(db => db.Wijkindelingen.Single(w => w.GemeenteId == gemeente).Id);
        var dekking = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{indeling}/dekking");
        Assert.True(dekking.GetProperty("grensBekend").GetBoolean());
        Assert.True(dekking.GetProperty("dekkend").GetBoolean(), dekking.ToString());
    }

    [Fact]
    public async Task Http_import_reports_rejected_features_and_stores_the_valid_ones()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var bowTie = BowTie(X0, Y0, 100);
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::28992" } },
            ["features"] = new JsonArray(
                Feature("WK01", "Goed", Square(X0 + 500, Y0, 100)),
                Feature("WK02", "Strik", bowTie),
                Feature(null, "Zonder code", Square(X0 + 1000, Y0, 100))),
        };
        var response = await _api.Analist(gemeente).PostAsJsonAsync("/api/v1/wijken/import", collection);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, report.GetProperty("aangemaakt").GetInt32());
        var rejected = report.GetProperty("afgewezen").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("WK02", rejected[0].GetProperty("code").GetString());
        Assert.Equal("geometry", rejected[0].GetProperty("veld").GetString());
        Assert.Contains("Self-intersection", rejected[0].GetProperty("reden").GetString());
        Assert.Equal("code", rejected[1].GetProperty("veld").GetString());
    }

    [Fact]
    public async Task Import_with_custom_properties_and_without_crs_member_reads_crs84()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var (lon, lat) = Core.Geometry.RdNew.ToWgs84(X0, Y0);
        var rings = new JsonArray(new JsonArray(
            new JsonArray(lon, lat), new JsonArray(lon + 0.01, lat), new JsonArray(lon + 0.01, lat + 0.01), new JsonArray(lon, lat)));
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["features"] = new JsonArray(new JsonObject
            {
                ["type"] = "Feature",
                ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = rings },
                ["properties"] = new JsonObject { ["id"] = "W7", ["titel"] = "Zeven" },
            }),
        };
        var response = await _api.Analist(gemeente).PostAsJsonAsync("/api/v1/wijken/import?codeProperty=id&nameProperty=titel", collection);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("aangemaakt").GetInt32());
        var wijk = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>($"/api/v1/wijken/at?x={X0 + 100}&y={Y0 + 100}");
        Assert.Equal("Zeven", wijk.GetProperty("properties").GetProperty("naam").GetString());
    }
}
