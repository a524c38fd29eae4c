using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Tests.Infrastructure;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Wijken;

/// <summary>
/// An import is checked whole before anything is written: reprojection slivers are snapped to the shared boundary and
/// reported where they were, a real overlap refuses the whole file, and a change of the active wijkindeling lands in a draft.
/// </summary>
[Collection(ApiCollection.Name)]
public class ImportSliverTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    /// <summary>An active wijkindeling of A (west) and B (east), 1000 × 1000 m each, inside a gemeentegrens that they cover.</summary>
    private async Task<(string Gemeente, HttpClient Client)> TweeWijkenAsync()
    {
        var gemeente = await _api.GemeenteMetGrensAsync(2000, 1000);
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "A", Rect(X0, X0 + 1000));
        await CreateAsync(client, "B", Rect(X0 + 1000, X0 + 2000));
        return (gemeente, client);
    }

    private static JsonArray Rect(double west, double east) => Ring((west, Y0), (east, Y0), (east, Y0 + 1000), (west, Y0 + 1000), (west, Y0));

    private static JsonObject File(params JsonObject[] features) => new()
    {
        ["type"] = "FeatureCollection",
        ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::28992" } },
        ["features"] = new JsonArray(features.Select(f => f.DeepClone()).ToArray()),
    };

    private List<(string Code, long Wijkindeling, int Versie)> Wijken(string gemeente) => _api.WithDb(db => db.Wijken
        .Where(w => w.GemeenteId == gemeente).OrderBy(w => w.WijkindelingId).ThenBy(w => w.Code)
        .Select(w => new { w.Code, w.WijkindelingId, w.Versie }).ToList()).Select(w => (w.Code, w.WijkindelingId, w.Versie)).ToList();

    [Fact]
    public async Task A_thin_overlap_is_snapped_to_the_neighbour_reported_with_its_location_and_lands_in_a_draft()
    {
        var (gemeente, client) = await TweeWijkenAsync();
        var actief = Wijken(gemeente);
        // A reaches 0.3 m into B along their whole shared edge: 300 m², far above any area tolerance, but a sliver.
        var response = await client.PostAsJsonAsync("/api/v1/wijken/import",
            File(Feature("A", "Wijk A", Rect(X0, X0 + 1000.3)), Feature("B", "Wijk B", Rect(X0 + 1000, X0 + 2000))));
        var rapport = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, rapport.ToString());
        Assert.Equal((0, 1, 1), (rapport.GetProperty("aangemaakt").GetInt32(), rapport.GetProperty("gewijzigd").GetInt32(),
            rapport.GetProperty("ongewijzigd").GetInt32()));
        var sliver = Assert.Single(rapport.GetProperty("gecorrigeerd").EnumerateArray());
        Assert.Equal(("A", "sliver-overlap", "B"), (sliver.GetProperty("code").GetString(), sliver.GetProperty("soort").GetString(),
            sliver.GetProperty("buur").GetString()));
        Assert.Equal(300, sliver.GetProperty("oppervlakteM2").GetDouble(), 0);
        Assert.Equal(X0 + 1000.15, sliver.GetProperty("locatie")[0].GetDouble(), 1);

        Assert.True(rapport.GetProperty("concept").GetBoolean());
        var draft = rapport.GetProperty("wijkindelingId").GetInt64();
        Assert.Equal(actief, Wijken(gemeente).Where(w => w.Wijkindeling != draft));
        var dekking = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{draft}/dekking");
        Assert.True(dekking.GetProperty("dekkend").GetBoolean(), dekking.ToString());
    }

    [Fact]
    public async Task A_thin_gap_enclosed_by_the_neighbours_is_taken_in()
    {
        var (gemeente, client) = await TweeWijkenAsync();
        // A notch 0.4 m deep and 200 m long in A's east edge: a gap between A and B that only a sliver explains.
        var notched = Ring((X0, Y0), (X0 + 1000, Y0), (X0 + 1000, Y0 + 400), (X0 + 999.6, Y0 + 400), (X0 + 999.6, Y0 + 600),
            (X0 + 1000, Y0 + 600), (X0 + 1000, Y0 + 1000), (X0, Y0 + 1000), (X0, Y0));
        var response = await client.PostAsJsonAsync("/api/v1/wijken/import?wijkindeling=" +
            _api.WithDb(db => db.Wijkindelingen.Single(w => w.GemeenteId == gemeente).Id), File(Feature("A", "Wijk A", notched)));
        var rapport = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.StatusCode == HttpStatusCode.OK, rapport.ToString());
        var gat = Assert.Single(rapport.GetProperty("gecorrigeerd").EnumerateArray());
        Assert.Equal(("sliver-gat", "B"), (gat.GetProperty("soort").GetString(), gat.GetProperty("buur").GetString()));
        Assert.Equal(80, gat.GetProperty("oppervlakteM2").GetDouble(), 0);
        Assert.False(rapport.GetProperty("concept").GetBoolean());
        var indeling = rapport.GetProperty("wijkindelingId").GetInt64();
        var dekking = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{indeling}/dekking");
        Assert.True(dekking.GetProperty("dekkend").GetBoolean(), dekking.ToString());
    }

    [Fact]
    public async Task A_real_overlap_refuses_the_whole_file_naming_feature_code_what_and_where()
    {
        var (gemeente, client) = await TweeWijkenAsync();
        var before = Wijken(gemeente);
        var response = await client.PostAsJsonAsync("/api/v1/wijken/import", File(
            Feature("C", "Nieuw", Ring((X0, Y0 - 500), (X0 + 400, Y0 - 500), (X0 + 400, Y0), (X0, Y0), (X0, Y0 - 500))),
            Feature("A", "Wijk A", Rect(X0, X0 + 1030)),
            Feature("B", "Andere naam", Rect(X0 + 1000, X0 + 2000))));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("import-refused", problem.GetProperty("type").GetString()!.Split('/')[^1]);
        var overlap = Assert.Single(problem.GetProperty("afgewezen").EnumerateArray());
        Assert.Equal((1, "A", "wijk-overlap"), (overlap.GetProperty("index").GetInt32(), overlap.GetProperty("code").GetString(),
            overlap.GetProperty("soort").GetString()));
        Assert.Contains("'B'", overlap.GetProperty("reden").GetString());
        Assert.Contains("30000", overlap.GetProperty("reden").GetString());
        Assert.InRange(overlap.GetProperty("locatie")[0].GetDouble(), X0 + 1000, X0 + 1030);
        Assert.Equal(before, Wijken(gemeente));
        Assert.Equal(1, _api.WithDb(db => db.Wijkindelingen.Count(w => w.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Controle_reports_what_an_import_would_do_and_writes_nothing()
    {
        var (gemeente, client) = await TweeWijkenAsync();
        var before = Wijken(gemeente);
        var response = await client.PostAsJsonAsync("/api/v1/wijken/import?controle=true",
            File(Feature("A", "Wijk A", Rect(X0, X0 + 1000.3)), Feature("C", "Nieuw", Rect(X0 + 2000, X0 + 2500))));
        var rapport = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 1), (rapport.GetProperty("aangemaakt").GetInt32(), rapport.GetProperty("gewijzigd").GetInt32()));
        Assert.Single(rapport.GetProperty("gecorrigeerd").EnumerateArray());
        Assert.True(rapport.GetProperty("controle").GetBoolean());
        Assert.False(rapport.GetProperty("opgeslagen").GetBoolean());
        Assert.Equal(before, Wijken(gemeente));
        Assert.Equal(1, _api.WithDb(db => db.Wijkindelingen.Count(w => w.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Buurten_import_is_all_or_nothing_and_the_same_shapes_are_unchanged()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var goed = Feature("BU01", "Een", Square(X0, Y0, 100));
        var refused = await client.PostAsJsonAsync("/api/v1/buurten/import", File(goed, Feature("BU02", "Strik", BowTie(X0 + 200, Y0, 100))));
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var strik = Assert.Single(problem.GetProperty("afgewezen").EnumerateArray());
        Assert.Equal(("BU02", "invalid-geometry"), (strik.GetProperty("code").GetString(), strik.GetProperty("soort").GetString()));
        Assert.Equal(2, strik.GetProperty("locatie").GetArrayLength());
        Assert.Equal(0, _api.WithDb(db => db.Buurten.Count(b => b.GemeenteId == gemeente)));

        var ok = await client.PostAsJsonAsync("/api/v1/buurten/import", File(goed, Feature("BU02", "Twee", Square(X0 + 100.4, Y0, 100))));
        var rapport = await ok.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ok.IsSuccessStatusCode, rapport.ToString());
        Assert.Equal(2, rapport.GetProperty("aangemaakt").GetInt32());
        // The same squares 4 mm off (a reprojection's noise) are the same shapes.
        var again = await client.PostAsJsonAsync("/api/v1/buurten/import",
            File(Feature("BU01", "Een", Square(X0 + 0.004, Y0, 100)), Feature("BU02", "Twee", Square(X0 + 100.4, Y0 - 0.004, 100))));
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ongewijzigd").GetInt32());
    }
}
