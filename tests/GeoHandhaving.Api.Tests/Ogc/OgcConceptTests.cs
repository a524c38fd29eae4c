using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>
/// The GIS analyst's editing workflow: a draft copied from the active wijkindeling in one call, edited as its own OGC
/// collection the way QGIS edits (one request per feature, no If-Match, no reason), then activated. The active
/// wijkindeling refuses an edit that would open a gap or an overlap.
/// </summary>
[Collection(ApiCollection.Name)]
public class OgcConceptTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;
    private const string MergePatch = "application/merge-patch+json";

    /// <summary>Two active wijken side by side, W (west) and O (east), 100 × 100 m each; the gemeentegrens is their union.</summary>
    private async Task<(string Gemeente, HttpClient Client, long West, long Oost)> TwoWijkenAsync()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var west = (await CreateAsync(client, "W", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var oost = (await CreateAsync(client, "O", Square(X0 + 100, Y0, 100))).GetProperty("id").GetInt64();
        await SetGrensAsync(_api, gemeente, Ring((X0, Y0), (X0 + 200, Y0), (X0 + 200, Y0 + 100), (X0, Y0 + 100), (X0, Y0)));
        return (gemeente, client, west, oost);
    }

    private static async Task<(long Id, string Collectie)> DraftAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/v1/wijkindelingen", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetInt64(), body.GetProperty("ogcCollectie").GetString()!);
    }

    [Fact]
    public async Task Geoh_wijken_concept_copies_the_active_wijkindeling_into_a_named_draft_and_refuses_an_unknown_gemeente()
    {
        var (gemeente, _, _, _) = await TwoWijkenAsync();
        var wijken = Cli.Wijken.WijkenCommands.Create();

        Assert.Equal(0, await wijken.Parse(["concept", "--gemeente", gemeente, "--naam", "Grens W|O verleggen"]).InvokeAsync());

        var (concept, codes) = _api.WithDb(db =>
        {
            var draft = db.Wijkindelingen.Single(w => w.GemeenteId == gemeente && w.Naam == "Grens W|O verleggen");
            return (draft, db.Wijken.Where(w => w.WijkindelingId == draft.Id).Select(w => w.Code).OrderBy(c => c).ToList());
        });
        Assert.Equal(WijkindelingStatus.Concept, concept.Status);
        Assert.Equal(["O", "W"], codes);
        Assert.NotEqual(0, await wijken.Parse(["concept", "--gemeente", "GM!!"]).InvokeAsync());
    }

    /// <summary>A merge-patch of only the geometry, in CRS84 as QGIS sends it by default, or in RD New with Content-Crs.</summary>
    private static StringContent Geometry(JsonArray rings, string mediaType = MergePatch, bool rd = false)
    {
        var content = new StringContent(new JsonObject
        {
            ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = rd ? rings.DeepClone() : Crs84(rings) },
        }.ToJsonString(), Encoding.UTF8, mediaType);
        if (rd) content.Headers.Add("Content-Crs", $"<{RdCrs}>");
        return content;
    }

    /// <summary>RD New rings as QGIS 3.x sends them by default: CRS84 lon/lat.</summary>
    private static JsonArray Crs84(JsonArray rings) => new(rings.Select(ring => (JsonNode)new JsonArray(ring!.AsArray().Select(p =>
    {
        var (lon, lat) = Core.Geometry.RdNew.ToWgs84(p![0]!.GetValue<double>(), p[1]!.GetValue<double>());
        return (JsonNode)new JsonArray(lon, lat);
    }).ToArray())).ToArray());

    private List<Wijk> Wijken(string gemeente, long wijkindeling) =>
        _api.WithDb(db => db.Wijken.AsNoTracking().Where(w => w.GemeenteId == gemeente && w.WijkindelingId == wijkindeling).OrderBy(w => w.Code).ToList());

    [Fact]
    public async Task A_draft_copied_from_the_active_one_in_one_call_is_its_own_editable_ogc_collection()
    {
        var (_, client, _, _) = await TwoWijkenAsync();

        var (id, collectie) = await DraftAsync(client);

        Assert.Equal($"http://localhost/ogc/collections/concept-{id}", collectie);
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var concept = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == $"concept-{id}");
        Assert.StartsWith("Concept: Concept van ", concept.GetProperty("title").GetString());
        Assert.Contains("gaten en overlappen mogen tot de activering", concept.GetProperty("description").GetString());
        var wijken = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "wijken");
        Assert.Contains("gaan via een concept", wijken.GetProperty("description").GetString());
        var items = await client.GetFromJsonAsync<JsonElement>(collectie + "/items");
        Assert.Equal(["O", "W"], items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        var options = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, collectie + "/items"));
        Assert.Equal("GET, POST, OPTIONS", string.Join(", ", options.Content.Headers.Allow));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ogc/collections/concept-987654321/items")).StatusCode);
    }

    [Fact]
    public async Task Moving_the_shared_boundary_in_a_draft_takes_two_feature_edits_without_if_match_or_reason_and_activates()
    {
        var (gemeente, client, _, _) = await TwoWijkenAsync();
        var (id, collectie) = await DraftAsync(client);
        var draft = Wijken(gemeente, id).ToDictionary(w => w.Code, w => w.Id);

        // The boundary moves 30 m east: first W grows (an overlap, for a moment), then O shrinks. In RD New (Content-Crs),
        // as QGIS sends a layer in EPSG:28992, so that no reprojection noise stands between the edit and the grens.
        var grow = await client.PatchAsync($"{collectie}/items/{draft["W"]}",
            Geometry(Ring((X0, Y0), (X0 + 130, Y0), (X0 + 130, Y0 + 100), (X0, Y0 + 100), (X0, Y0)), rd: true));
        Assert.Equal(HttpStatusCode.OK, grow.StatusCode);
        var shrink = await client.PatchAsync($"{collectie}/items/{draft["O"]}",
            Geometry(Ring((X0 + 130, Y0), (X0 + 200, Y0), (X0 + 200, Y0 + 100), (X0 + 130, Y0 + 100), (X0 + 130, Y0)), rd: true));
        Assert.Equal(HttpStatusCode.OK, shrink.StatusCode);
        var actief = _api.WithDb(db => db.Wijkindelingen.Single(w => w.GemeenteId == gemeente && w.Status == WijkindelingStatus.Actief).Id);
        Assert.Equal(10_000, Wijken(gemeente, actief).Single(w => w.Code == "W").Geometrie.Area, 1);

        var activated = await client.PostAsync($"/api/v1/wijkindelingen/{id}/activeer", null);
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        var nu = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/wijken/items?crs=" + RdCrs);
        Assert.Equal(["O", "W"], nu.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        Assert.Equal(13_000, Wijken(gemeente, id).Single(w => w.Code == "W").Geometrie.Area, 1);
        Assert.All(_api.WithDb(db => db.WijkVersies.Where(v => v.GemeenteId == gemeente && v.WijkindelingId == id && v.Versie == 2).ToList()),
            v => Assert.Equal("bewerkt via OGC API Features", v.Reden));
    }

    [Fact]
    public async Task A_draft_may_hold_an_overlap_until_activation_refuses_it()
    {
        var (gemeente, client, _, _) = await TwoWijkenAsync();
        var (id, collectie) = await DraftAsync(client);
        var west = Wijken(gemeente, id).Single(w => w.Code == "W").Id;

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"{collectie}/items/{west}",
            Geometry(Ring((X0, Y0), (X0 + 150, Y0), (X0 + 150, Y0 + 100), (X0, Y0 + 100), (X0, Y0))))).StatusCode);

        var activated = await client.PostAsync($"/api/v1/wijkindelingen/{id}/activeer", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, activated.StatusCode);
        Assert.Contains("overlap", await activated.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task In_the_active_wijkindeling_an_edit_that_opens_a_gap_or_an_overlap_is_409_naming_where_and_how_large()
    {
        var (gemeente, client, west, _) = await TwoWijkenAsync();

        var gap = await client.PatchAsync($"/ogc/collections/wijken/items/{west}", Geometry(
            Ring((X0, Y0), (X0 + 70, Y0), (X0 + 70, Y0 + 100), (X0, Y0 + 100), (X0, Y0))));
        Assert.Equal(HttpStatusCode.Conflict, gap.StatusCode);
        var gat = await gap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/wijk-gat", gat.GetProperty("type").GetString());
        Assert.Equal(3000, gat.GetProperty("gatM2").GetDouble(), 5.0);
        var (lon, lat) = Core.Geometry.RdNew.ToWgs84(X0 + 85, Y0 + 50);
        var locatie = gat.GetProperty("locatie").GetProperty("coordinates");
        Assert.Equal((lon, lat), (locatie[0].GetDouble(), locatie[1].GetDouble()), new CoordinateComparer(0.0003));
        Assert.Matches(@"laat 300\d(\.\d+)? m² van de gemeente buiten elke wijk", gat.GetProperty("detail").GetString());
        Assert.Contains("via een concept", gat.GetProperty("detail").GetString());

        var overlap = await client.PatchAsync($"/ogc/collections/wijken/items/{west}",
            Geometry(Ring((X0, Y0), (X0 + 130, Y0), (X0 + 130, Y0 + 100), (X0, Y0 + 100), (X0, Y0))));
        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        var body = await overlap.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("O", 3000.0), (body.GetProperty("wijkCode").GetString(), Math.Round(body.GetProperty("overlapM2").GetDouble())));
        Assert.Equal("Point", body.GetProperty("locatie").GetProperty("type").GetString());

        Assert.Equal(HttpStatusCode.Conflict, (await client.DeleteAsync($"/ogc/collections/wijken/items/{west}")).StatusCode);
        var rename = new StringContent("""{"properties":{"naam":"West"}}""", Encoding.UTF8, MergePatch);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/ogc/collections/wijken/items/{west}", rename)).StatusCode);
        Assert.Equal(10_000, _api.WithDb(db => db.Wijken.Single(w => w.GemeenteId == gemeente && w.Id == west).Geometrie.Area), 1);
    }

    [Fact]
    public async Task A_draft_collection_edits_only_its_own_wijken_and_buurten_stay_read_only()
    {
        var (_, client, west, _) = await TwoWijkenAsync();
        var (_, collectie) = await DraftAsync(client);

        var other = await client.PatchAsync($"{collectie}/items/{west}", new StringContent("""{"properties":{"naam":"x"}}""", Encoding.UTF8, MergePatch));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{collectie}/items/{west}")).StatusCode);
        var buurt = await client.PostAsync("/ogc/collections/buurten/items", Geometry(Square(X0, Y0, 10), "application/geo+json"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, buurt.StatusCode);
        Assert.Equal("GET, OPTIONS", string.Join(", ", buurt.Content.Headers.Allow));
    }

    /// <summary>
    /// The requests QGIS ≥ 3.32's OAPIF provider sends when an analyst edits a layer and saves, replayed one by one on a
    /// draft: OPTIONS to learn what is allowed, PATCH merge-patch with only the geometry, PUT geo+json of the whole
    /// feature as QGIS read it (flat properties included), POST reading the new id from Location, DELETE. No If-Match.
    /// </summary>
    [Fact]
    public async Task The_editing_requests_of_qgis_3_32_replayed_on_a_draft_all_succeed()
    {
        var (gemeente, client, _, _) = await TwoWijkenAsync();
        var (id, collectie) = await DraftAsync(client);
        var west = Wijken(gemeente, id).Single(w => w.Code == "W").Id;

        var itemsOptions = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, $"{collectie}/items"));
        Assert.Contains("POST", itemsOptions.Content.Headers.Allow);
        var itemOptions = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, $"{collectie}/items/{west}"));
        Assert.Superset(new HashSet<string> { "PUT", "PATCH", "DELETE" }, itemOptions.Content.Headers.Allow.ToHashSet());

        var patch = await client.PatchAsync($"{collectie}/items/{west}",
            Geometry(Ring((X0, Y0), (X0 + 110, Y0), (X0 + 110, Y0 + 100), (X0, Y0 + 100), (X0, Y0))));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var read = JsonNode.Parse(await client.GetStringAsync($"{collectie}/items/{west}"))!.AsObject();
        read["properties"]!["naam"] = "West (via QGIS)";
        read.Remove("links");
        var put = await client.PutAsync($"{collectie}/items/{west}", new StringContent(read.ToJsonString(), Encoding.UTF8, "application/geo+json"));
        Assert.True(put.StatusCode == HttpStatusCode.OK, await put.Content.ReadAsStringAsync());
        Assert.Equal("West (via QGIS)", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties").GetProperty("naam").GetString());

        var nieuw = new JsonObject
        {
            ["type"] = "Feature",
            ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = Crs84(Square(X0, Y0 + 100, 100)) },
            ["properties"] = new JsonObject { ["code"] = "N", ["naam"] = "Noord" },
        };
        var post = await client.PostAsync($"{collectie}/items", new StringContent(nieuw.ToJsonString(), Encoding.UTF8, "application/geo+json"));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var location = post.Headers.Location!;
        Assert.True(location.IsAbsoluteUri);
        var newId = long.Parse(location.Segments[^1]);
        Assert.Equal("N", (await client.GetFromJsonAsync<JsonElement>(location)).GetProperty("properties").GetProperty("code").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(location)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(location)).StatusCode);
        Assert.Equal(["O", "W"], Wijken(gemeente, id).Select(w => w.Code));
        // W: patched (2) and replaced (3); N: created (1) and deleted (2).
        Assert.Equal([(west, 3), (newId, 2)], _api.WithDb(db => db.WijkVersies.Where(v => v.GemeenteId == gemeente && (v.WijkId == west || v.WijkId == newId))
            .GroupBy(v => v.WijkId).Select(g => new { g.Key, Max = g.Max(v => v.Versie) }).OrderBy(g => g.Key).ToList()).Select(g => (g.Key, g.Max)));
    }

    private sealed class CoordinateComparer(double tolerance) : IEqualityComparer<(double, double)>
    {
        public bool Equals((double, double) a, (double, double) b) => Math.Abs(a.Item1 - b.Item1) <= tolerance && Math.Abs(a.Item2 - b.Item2) <= tolerance;
        public int GetHashCode((double, double) obj) => 0;
    }
}
