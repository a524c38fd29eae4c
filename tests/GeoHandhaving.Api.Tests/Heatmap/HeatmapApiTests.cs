using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using NetTopologySuite.Geometries;
using static GeoHandhaving.Api.Tests.Heatmap.HeatmapTestData;

namespace GeoHandhaving.Api.Tests.Heatmap;

[Collection(ApiCollection.Name)]
public class HeatmapApiTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;
    private static readonly (int Z, int X, int Y) Tile14 = TileOf(X, Y, 14);

    private async Task<(string Gemeente, HttpClient Planner)> GemeenteMetPlannerAsync(params TestMelding[] meldingen)
    {
        var gemeente = await _api.NewGemeenteAsync();
        if (meldingen.Length > 0) await ImportAsync(_api, gemeente, meldingen);
        return (gemeente, _api.ClientAs(gemeente, Roles.Planner));
    }

    private static async Task<IList<NetTopologySuite.Features.IFeature>> FeaturesAsync(HttpClient client, string layer, (int, int, int) tile, string query = "")
    {
        var response = await client.GetAsync(TileUrl(layer, tile, query));
        if (response.StatusCode == HttpStatusCode.NoContent) return [];
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.mapbox-vector-tile", response.Content.Headers.ContentType?.MediaType);
        var vectorTile = Read(await response.Content.ReadAsByteArrayAsync(), tile);
        return vectorTile.Layers.Single(l => l.Name == layer).Features;
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_cell_with_five_meldingen_is_shown_and_one_with_four_never()
    {
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5), .. InCel(4, x: X + 100)]);

        var cellen = await FeaturesAsync(planner, "heatmap", Tile14);
        var cel = Assert.Single(cellen);
        Assert.Equal(5L, Convert.ToInt64(cel.Attributes["count"]));
        Assert.Equal(5 / (25.0 * 25 / 10_000), Convert.ToDouble(cel.Attributes["weight"]), 3);

        var geojson = await planner.GetFromJsonAsync<JsonElement>("/api/v1/heatmap?cel=25&bbox=4.85,52.34,4.92,52.38");
        var feature = Assert.Single(geojson.GetProperty("features").EnumerateArray());
        Assert.Equal(5, feature.GetProperty("properties").GetProperty("count").GetInt32());
        Assert.Equal("Polygon", feature.GetProperty("geometry").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Cells_follow_the_zoom_and_nest()
    {
        // Four cells of 4 at zoom 14 (25 m) are one cell of 16 at zoom 13 (50 m).
        var (_, planner) = await GemeenteMetPlannerAsync(
            [.. InCel(4), .. InCel(4, x: X + 25), .. InCel(4, y: Y + 25), .. InCel(4, x: X + 25, y: Y + 25)]);

        Assert.Empty(await FeaturesAsync(planner, "heatmap", Tile14));
        var cel = Assert.Single(await FeaturesAsync(planner, "heatmap", TileOf(X, Y, 13)));
        Assert.Equal(16L, Convert.ToInt64(cel.Attributes["count"]));
    }

    [Theory]
    [InlineData("23/0/0", "z")]
    [InlineData("abc/0/0", "z")]
    [InlineData("3/8/0", "x")]
    [InlineData("3/0/-1", "y")]
    public async Task Tile_coordinates_out_of_range_are_refused_naming_the_field(string zxy, string field)
    {
        var (_, planner) = await GemeenteMetPlannerAsync();
        var problem = await ProblemAsync(await planner.GetAsync($"/api/v1/tiles/heatmap/{zxy}.mvt"), HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/api/v1/tiles/heatmap/14/0/0.mvt?uur=24", "uur")]
    [InlineData("/api/v1/tiles/heatmap/14/0/0.mvt?dag=0", "dag")]
    [InlineData("/api/v1/tiles/heatmap/14/0/0.mvt?venster=spits", "venster")]
    [InlineData("/api/v1/tiles/heatmap/14/0/0.mvt?van=2026-10-02&tot=2026-10-01", "tot")]
    [InlineData("/api/v1/tiles/heatmap.json?dag=8", "dag")]
    [InlineData("/api/v1/heatmap?cel=10", "cel")]
    [InlineData("/api/v1/heatmap?cel=30", "cel")]
    [InlineData("/api/v1/heatmap?van=2026-10-01T08:10:00Z", "van")]
    [InlineData("/api/v1/tiles/heatmap/14/0/0.mvt?tot=2026-10-01T08:15:30%2B02:00", "tot")]
    [InlineData("/api/v1/heatmap?bbox=4.9,52.3", "bbox")]
    public async Task Bad_filters_are_refused_naming_the_field(string url, string field)
    {
        var (_, planner) = await GemeenteMetPlannerAsync();
        var problem = await ProblemAsync(await planner.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task An_unknown_layer_is_404()
    {
        var (_, planner) = await GemeenteMetPlannerAsync();
        await ProblemAsync(await planner.GetAsync("/api/v1/tiles/adressen/14/0/0.mvt"), HttpStatusCode.NotFound);
        await ProblemAsync(await planner.GetAsync("/api/v1/tiles/adressen.json"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Individual_meldingen_are_for_roles_that_read_meldingen_and_only_at_street_level()
    {
        var (gemeente, planner) = await GemeenteMetPlannerAsync([.. InCel(1)]);
        var problem = await ProblemAsync(await planner.GetAsync(TileUrl("meldingen", TileOf(X, Y, 16))), HttpStatusCode.Forbidden);
        Assert.Equal("MeldingenLezen", problem.GetProperty("policy").GetString());
        await ProblemAsync(await planner.GetAsync("/api/v1/tiles/meldingen.json"), HttpStatusCode.Forbidden);

        var teamleider = _api.ClientAs(gemeente, Roles.Teamleider);
        var melding = Assert.Single(await FeaturesAsync(teamleider, "meldingen", TileOf(X, Y, 16)));
        Assert.Equal("parkeeroverlast", melding.Attributes["categorie"]);
        Assert.Equal(HttpStatusCode.NoContent, (await teamleider.GetAsync(TileUrl("meldingen", Tile14))).StatusCode);

        // Intake reads meldingen but not the planner's heatmap.
        await ProblemAsync(await _api.ClientAs(gemeente, Roles.Intake).GetAsync(TileUrl("heatmap", Tile14)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_empty_tile_is_204()
    {
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5)]);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.GetAsync(TileUrl("heatmap", (14, 0, 0)))).StatusCode);
    }

    [Fact]
    public async Task Tiles_of_another_gemeente_are_never_seen()
    {
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5)]);
        var (_, andere) = await GemeenteMetPlannerAsync();
        Assert.Single(await FeaturesAsync(planner, "heatmap", Tile14));
        Assert.Equal(HttpStatusCode.NoContent, (await andere.GetAsync(TileUrl("heatmap", Tile14))).StatusCode);
        Assert.Empty((await andere.GetFromJsonAsync<JsonElement>("/api/v1/heatmap?cel=25")).GetProperty("features").EnumerateArray());
    }

    [Fact]
    public async Task Weekday_hour_and_named_window_filter_in_Amsterdam_local_time()
    {
        // Monday 5 October 2026 08:00 (CEST) and Saturday night 02:00 (belongs to Friday's uitgaansnacht... and Saturday's).
        var (_, planner) = await GemeenteMetPlannerAsync(
            [.. InCel(5), .. InCel(5, x: X + 100, categorie: "jeugdoverlast", gemeldOp: "2026-10-10T02:00:00+02:00")]);
        async Task<long[]> Counts(string query) =>
            (await FeaturesAsync(planner, "heatmap", Tile14, query)).Select(f => Convert.ToInt64(f.Attributes["count"])).ToArray();

        Assert.Equal(2, (await Counts("")).Length);
        Assert.Single(await Counts("dag=1&uur=8"));
        Assert.Empty(await Counts("dag=1&uur=9"));
        Assert.Single(await Counts("categorie=jeugdoverlast"));
        Assert.Single(await Counts("venster=schoolbrengen"));
        Assert.Single(await Counts("venster=uitgaansnacht"));
        Assert.Single(await Counts("van=2026-10-06T00:00:00Z"));
        Assert.Single(await Counts("tot=2026-10-06T00:00:00Z"));
    }

    [Fact]
    public async Task The_hour_filter_follows_the_clock_change_of_the_last_Sunday_of_March()
    {
        // 01:30 UTC on 29 March 2026 is 03:30 CEST: the local hour 02:00-02:59 does not exist that night.
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5, gemeldOp: "2026-03-29T01:30:00Z")]);
        Assert.Single(await FeaturesAsync(planner, "heatmap", Tile14, "dag=7&uur=3"));
        Assert.Empty(await FeaturesAsync(planner, "heatmap", Tile14, "uur=2"));
        Assert.Empty(await FeaturesAsync(planner, "heatmap", Tile14, "uur=1"));
    }

    [Fact]
    public async Task TileJson_answers_304_to_its_own_etag()
    {
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5)]);
        var first = await planner.GetAsync("/api/v1/tiles/wijken.json");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tiles/wijken.json");
        conditional.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await planner.SendAsync(conditional)).StatusCode);
    }

    [Fact]
    public async Task Tiles_carry_a_strong_etag_and_answer_304_until_an_import_changes_the_data()
    {
        var (gemeente, planner) = await GemeenteMetPlannerAsync([.. InCel(5)]);
        var url = TileUrl("heatmap", Tile14);
        var first = await planner.GetAsync(url);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.True(first.Headers.CacheControl is { Private: true, MaxAge.TotalSeconds: 60 });

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await planner.SendAsync(conditional)).StatusCode);

        await ImportAsync(_api, gemeente, InCel(1));
        var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag);
        var changed = await planner.SendAsync(again);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag);
        Assert.Equal(6L, Convert.ToInt64(Read(await changed.Content.ReadAsByteArrayAsync(), Tile14).Layers[0].Features[0].Attributes["count"]));
    }

    [Fact]
    public async Task TileJson_names_the_filtered_tile_url_the_bounds_of_the_data_and_the_layer()
    {
        var (_, planner) = await GemeenteMetPlannerAsync([.. InCel(5)]);
        var response = await planner.GetAsync("/api/v1/tiles/heatmap.json?uur=8&categorie=parkeeroverlast");
        Assert.NotNull(response.Headers.ETag);
        var tilejson = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("3.0.0", tilejson.GetProperty("tilejson").GetString());
        Assert.EndsWith("/api/v1/tiles/heatmap/{z}/{x}/{y}.mvt?categorie=parkeeroverlast&uur=8", tilejson.GetProperty("tiles")[0].GetString());
        var bounds = tilejson.GetProperty("bounds").EnumerateArray().Select(b => b.GetDouble()).ToArray();
        Assert.InRange(bounds[0], 4.87, 4.89);
        Assert.InRange(bounds[1], 52.35, 52.37);
        Assert.Equal("heatmap", tilejson.GetProperty("vector_layers")[0].GetProperty("id").GetString());
        Assert.True(tilejson.GetProperty("vector_layers")[0].GetProperty("fields").TryGetProperty("count", out _));
    }

    [Fact]
    public async Task Hotspots_come_from_the_newest_completed_run_and_filter_on_their_window()
    {
        var (gemeente, planner) = await GemeenteMetPlannerAsync();
        await HotspotRunAsync(_api, gemeente, X + 200, Y, "schoolhalen", DateTimeOffset.UtcNow.AddDays(-1));
        var etagVoorNieuweRun = (await planner.GetAsync(TileUrl("hotspots", Tile14))).Headers.ETag;
        var nieuwste = await HotspotRunAsync(_api, gemeente, X, Y, "schoolbrengen", DateTimeOffset.UtcNow);
        Assert.NotEqual(etagVoorNieuweRun, (await planner.GetAsync(TileUrl("hotspots", Tile14))).Headers.ETag);

        var hotspot = Assert.Single(await FeaturesAsync(planner, "hotspots", Tile14));
        Assert.Equal(nieuwste.Id, Convert.ToInt64(hotspot.Attributes["id"]));
        Assert.Equal("De Regenboog", hotspot.Attributes["scholen"]);
        // Codes for machines beside the words people read: the place, the trend in Dutch, the expected meldingen per hour.
        Assert.Equal("persistent", hotspot.Attributes["trend"]);
        Assert.Equal("aanhoudend", hotspot.Attributes["trend_tekst"]);
        Assert.Equal("Schoolweg (Oude Dorp), bij De Regenboog", hotspot.Attributes["plaats"]);
        Assert.Equal(0.74, Convert.ToDouble(hotspot.Attributes["per_uur"]), 6);
        Assert.Equal("W1", hotspot.Attributes["wijken"]);
        Assert.False(hotspot.Attributes.Exists("wijk_namen"), "no wijk W1 in this gemeente yet: no names");
        await WijkAsync(_api, gemeente, "W1", new Envelope(X - 500, X + 500, Y - 500, Y + 500));
        var metWijk = Assert.Single(await FeaturesAsync(planner, "hotspots", Tile14));
        Assert.Equal("Wijk W1", metWijk.Attributes["wijk_namen"]);
        Assert.Single(await FeaturesAsync(planner, "hotspots", Tile14, "venster=schoolbrengen&categorie=parkeeroverlast"));
        Assert.Empty(await FeaturesAsync(planner, "hotspots", Tile14, "venster=uitgaansnacht"));
    }

    [Fact]
    public async Task Wijken_of_the_active_wijkindeling_are_in_their_layer_for_every_role()
    {
        var (gemeente, _) = await GemeenteMetPlannerAsync();
        await WijkAsync(_api, gemeente, "W1", new Envelope(X - 500, X + 500, Y - 500, Y + 500));
        var wijk = Assert.Single(await FeaturesAsync(_api.ClientAs(gemeente, Roles.Intake), "wijken", Tile14));
        Assert.Equal("W1", wijk.Attributes["code"]);
        Assert.Equal("Wijk W1", wijk.Attributes["naam"]);
    }

    [Fact]
    public async Task The_map_page_needs_a_session_its_scripts_and_config_are_public_and_the_root_redirects_to_it()
    {
        var client = _api.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var root = await client.GetAsync("/");
        Assert.Equal("http://localhost/kaart", root.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/kaart")).StatusCode);
        var token = _api.Token(await _api.NewGemeenteAsync(), Roles.Planner);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        var page = await client.GetAsync("/kaart");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("/kaart/kaart.js", await page.Content.ReadAsStringAsync());
        var maplibre = await client.GetAsync("/lib/maplibre-gl.mjs");
        Assert.Equal(HttpStatusCode.OK, maplibre.StatusCode);
        Assert.Equal("text/javascript", maplibre.Content.Headers.ContentType?.MediaType);
        var config = await client.GetFromJsonAsync<JsonElement>("/kaart/config.json");
        Assert.StartsWith("https://service.pdok.nl/", config.GetProperty("basemapUrl").GetString());
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(TileUrl("heatmap", Tile14))).StatusCode);
    }
}
