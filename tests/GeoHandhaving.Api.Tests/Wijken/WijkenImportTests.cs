using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Wijken;

[Collection(ApiCollection.Name)]
public class WijkenImportTests(ApiFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
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
    public async Task Http_import_with_refused_features_stores_nothing_and_names_each_problem()
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
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(problem.GetProperty("rapport").GetProperty("opgeslagen").GetBoolean());
        var rejected = problem.GetProperty("afgewezen").EnumerateArray().ToList();
        Assert.Equal([1, 2], rejected.Select(r => r.GetProperty("index").GetInt32()));
        Assert.Equal("WK02", rejected[0].GetProperty("code").GetString());
        Assert.Equal("geometry", rejected[0].GetProperty("veld").GetString());
        Assert.Contains("Self-intersection", rejected[0].GetProperty("reden").GetString());
        Assert.Equal(X0 + 50, rejected[0].GetProperty("locatie")[0].GetDouble(), 3);
        Assert.Equal("code", rejected[1].GetProperty("veld").GetString());
        Assert.Equal(0, _api.WithDb(db => db.Wijken.Count(w => w.GemeenteId == gemeente) + db.Wijkindelingen.Count(w => w.GemeenteId == gemeente)));
    }

    /// <summary>Every wijk of the gemeente with its version and its geometry as stored (WKB): equal lists mean nothing changed.</summary>
    private List<string> Stand(string gemeente) => _api.WithDb(db =>
    {
        var writer = new NetTopologySuite.IO.WKBWriter();
        var wijken = db.Wijken.Where(w => w.GemeenteId == gemeente).OrderBy(w => w.Code).ToList()
            .Select(w => $"{w.WijkindelingId}/{w.Code}/{w.Naam}/{w.Versie}/{Convert.ToHexString(writer.Write(w.Geometrie))}");
        return wijken.Append($"versies {db.WijkVersies.Count(v => v.GemeenteId == gemeente)}")
            .Append($"wijkindelingen {db.Wijkindelingen.Count(w => w.GemeenteId == gemeente)}").ToList();
    });

    [Fact]
    public async Task Geopackage_in_rd_new_of_the_same_wijken_reimports_as_unchanged()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var before = Stand(gemeente);
        var gpkg = await Ogr2OgrAsync(AmsterdamFile("wijken.geojson"), "GPKG", ".gpkg");
        var rapport = (await ImportFileAsync(_api, gemeente, gpkg, false, new ImportOpties())).Rapport!;
        Assert.Equal((0, 0, 110, 0), (rapport.Aangemaakt, rapport.Gewijzigd, rapport.Ongewijzigd, rapport.Afgewezen.Count));
        Assert.Equal(before, Stand(gemeente));
    }

    [Fact]
    public async Task Geopackages_in_wgs84_reimport_wijken_buurten_and_grens_with_nothing_refused_and_a_clean_coverage()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var before = Stand(gemeente);
        var wijken = await Ogr2OgrAsync(AmsterdamFile("wijken.geojson"), "GPKG", ".gpkg", "-t_srs", "EPSG:4326");
        var rapport = (await ImportFileAsync(_api, gemeente, wijken, false, new ImportOpties())).Rapport!;
        Assert.Empty(rapport.Afgewezen);
        Assert.Equal((0, 0, 110), (rapport.Aangemaakt, rapport.Gewijzigd, rapport.Ongewijzigd));
        Assert.Equal(before, Stand(gemeente));
        var indeling = _api.WithDb(db => db.Wijkindelingen.Single(w => w.GemeenteId == gemeente).Id);
        var dekking = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{indeling}/dekking");
        Assert.True(dekking.GetProperty("dekkend").GetBoolean(), dekking.ToString());

        var buurten = await Ogr2OgrAsync(AmsterdamFile("buurten.geojson"), "GPKG", ".gpkg", "-t_srs", "EPSG:4326");
        var buurtRapport = (await ImportFileAsync(_api, gemeente, buurten, true, new ImportOpties())).Rapport!;
        Assert.Equal((0, 0, 518, 0), (buurtRapport.Aangemaakt, buurtRapport.Gewijzigd, buurtRapport.Ongewijzigd, buurtRapport.Afgewezen.Count));
        var grens = await Ogr2OgrAsync(AmsterdamFile("gemeente.geojson"), "GPKG", ".gpkg", "-t_srs", "EPSG:4326");
        Assert.Equal(1, (await SetGrensAsync(_api, gemeente, grens)).Rapport!.Ongewijzigd);
    }

    [Fact]
    public async Task A_file_with_one_real_overlap_is_refused_whole_and_the_wijkindeling_stays_byte_for_byte_as_it_was()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var before = Stand(gemeente);
        var file = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(AmsterdamFile("wijken.geojson")))!.AsObject();
        var features = file["features"]!.AsArray();
        // The first wijk moved 25 m east (into its neighbours), the second only renamed: neither may land.
        Shift(features[0]!["geometry"]!["coordinates"]!, 25);
        features[1]!["properties"]!["wijknaam"] = "Hernoemd";
        var response = await _api.Analist(gemeente).PostAsJsonAsync("/api/v1/wijken/import", file);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var afgewezen = problem.GetProperty("afgewezen").EnumerateArray().ToList();
        Assert.NotEmpty(afgewezen);
        Assert.All(afgewezen, a => Assert.Equal((0, "wijk-overlap"), (a.GetProperty("index").GetInt32(), a.GetProperty("soort").GetString())));
        Assert.All(afgewezen, a => Assert.Equal(2, a.GetProperty("locatie").GetArrayLength()));
        Assert.Equal(before, Stand(gemeente));
    }

    private static void Shift(JsonNode coordinates, double dx)
    {
        var array = coordinates.AsArray();
        if (array[0] is JsonValue x)
        {
            array[0] = x.GetValue<double>() + dx;
            return;
        }
        foreach (var child in array) Shift(child!, dx);
    }

    [Fact]
    public async Task A_real_edit_in_a_wgs84_export_lands_in_a_draft_with_its_slivers_snapped_and_only_the_edit_left_for_the_coverage_check()
    {
        var gemeente = await _api.NewGemeenteAsync("Amsterdam");
        await ImportAsync(_api, gemeente, "wijken.geojson");
        await SetGrensAsync(_api, gemeente, "gemeente.geojson");
        var actief = Stand(gemeente);
        var export = await Ogr2OgrAsync(AmsterdamFile("wijken.geojson"), "GeoJSON", ".geojson", "-t_srs", "EPSG:4326");
        var file = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(export))!.AsObject();
        // The analyst cuts a hole (about 44 × 27 m) into the largest wijk; every other vertex is as GDAL reprojected it.
        var geoJson = new JsonSerializerOptions { Converters = { new NetTopologySuite.IO.Converters.GeoJsonConverterFactory() } };
        var features = file["features"]!.AsArray();
        var grootste = features.MaxBy(f => f!["geometry"].Deserialize<NetTopologySuite.Geometries.Geometry>(geoJson)!.Area)!;
        var polygon = (NetTopologySuite.Geometries.Polygon)grootste["geometry"].Deserialize<NetTopologySuite.Geometries.Geometry>(geoJson)!.GetGeometryN(0);
        var (lon, lat) = (polygon.InteriorPoint.X, polygon.InteriorPoint.Y);
        var d = 0.0002;
        grootste["geometry"]!["coordinates"]![0]!.AsArray().Add(new JsonArray(new JsonArray(lon - d, lat - d), new JsonArray(lon - d, lat + d),
            new JsonArray(lon + d, lat + d), new JsonArray(lon + d, lat - d), new JsonArray(lon - d, lat - d)));
        var code = grootste["properties"]!["wijkcode"]!.GetValue<string>();
        var edited = Path.Combine(Path.GetDirectoryName(export)!, "bewerkt.geojson");
        await System.IO.File.WriteAllTextAsync(edited, file.ToJsonString());

        var rapport = (await ImportFileAsync(_api, gemeente, edited, false, new ImportOpties())).Rapport!;
        output.WriteLine($"{code}: {rapport.Gecorrigeerd.Count} slivers snapped, {rapport.Gecorrigeerd.Sum(c => c.OppervlakteM2):F2} m² in all");
        Assert.Empty(rapport.Afgewezen);
        Assert.Equal((0, 1, 109), (rapport.Aangemaakt, rapport.Gewijzigd, rapport.Ongewijzigd));
        Assert.All(rapport.Gecorrigeerd, c => Assert.Equal((code, 2), (c.Code, c.Locatie.Length)));
        Assert.True(rapport.Concept);
        var draft = rapport.WijkindelingId!.Value;
        Assert.Equal(actief.Where(r => !r.StartsWith("versies") && !r.StartsWith("wijkindelingen")),
            Stand(gemeente).Where(r => r.StartsWith(_api.WithDb(db => db.Wijkindelingen.Single(w => w.GemeenteId == gemeente && w.Id != draft).Id) + "/")));
        var dekking = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{draft}/dekking");
        var probleem = Assert.Single(dekking.GetProperty("problemen").EnumerateArray());
        Assert.Equal("gat", probleem.GetProperty("soort").GetString());
        Assert.InRange(probleem.GetProperty("oppervlakteM2").GetDouble(), 1000, 1400);
    }

    [Fact]
    public async Task Dry_run_of_the_cli_import_reports_and_writes_nothing()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var before = Stand(gemeente);
        var gpkg = await Ogr2OgrAsync(AmsterdamFile("wijken.geojson"), "GPKG", ".gpkg", "-t_srs", "EPSG:4326");
        var file = JsonNode.Parse(await System.IO.File.ReadAllTextAsync(AmsterdamFile("wijken.geojson")))!.AsObject();
        file["features"]![1]!["properties"]!["wijknaam"] = "Hernoemd";
        var changed = Path.Combine(Path.GetDirectoryName(gpkg)!, "hernoemd.geojson");
        await System.IO.File.WriteAllTextAsync(changed, file.ToJsonString());
        var import = Cli.Import.ImportCommands.Create();
        Assert.Equal(0, await import.Parse(["wijken", changed, "--gemeente", gemeente, "--dry-run"]).InvokeAsync());
        Assert.Equal(0, await import.Parse(["wijken", gpkg, "--gemeente", gemeente, "--dry-run"]).InvokeAsync());
        Assert.Equal(before, Stand(gemeente));

        var nieuw = "DR" + Random.Shared.Next(1000, 9999);
        Assert.Equal(0, await import.Parse(["wijken", AmsterdamFile("wijken.geojson"), "--gemeente", nieuw, "--dry-run"]).InvokeAsync());
        Assert.Equal(0, _api.WithDb(db => db.Gemeenten.Count(g => g.Id == nieuw) + db.Wijken.Count(w => w.GemeenteId == nieuw)));
    }

    [Fact]
    public async Task Every_amsterdam_wijk_read_and_written_back_unchanged_over_rest_and_ogc_put_and_patch_is_no_change()
    {
        var (gemeente, _, _) = await AmsterdamAsync();
        var before = Stand(gemeente);
        var client = _api.Analist(gemeente);
        var ids = _api.WithDb(db => db.Wijken.Where(w => w.GemeenteId == gemeente).Select(w => w.Id).ToList());
        Assert.Equal(110, ids.Count);
        foreach (var id in ids) await AssertWrittenBackUnchangedAsync(client, id);
        Assert.Equal(before, Stand(gemeente));
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
