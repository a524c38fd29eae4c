using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>
/// A geometry read from the service in any CRS it offers and written back unchanged is no change and never a conflict:
/// QGIS reads CRS84 by default and PATCHes the geometry back as merge-patch, other clients PUT the whole feature.
/// </summary>
[Collection(ApiCollection.Name)]
public class WijkRoundTripTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;

    public WijkRoundTripTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private HttpClient Analist => _api.ClientAs(DemoGemeenteFixture.Gemeente, Roles.GisAnalist);

    private List<(long Id, int Versie)> Versies() => _api.WithDb(db => db.Wijken.Where(w => w.GemeenteId == DemoGemeenteFixture.Gemeente)
        .OrderBy(w => w.Id).Select(w => new { w.Id, w.Versie }).ToList()).Select(w => (w.Id, w.Versie)).ToList();

    [Fact]
    public async Task Every_demo_wijk_read_in_crs84_and_patched_back_over_ogc_is_200_and_no_new_version()
    {
        var before = Versies();
        Assert.Equal(8, before.Count);
        foreach (var (id, versie) in before)
        {
            var response = await PatchBackOverOgcAsync(Analist, id);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"wijk {id}: {body}");
            Assert.Equal(versie, body.GetProperty("properties").GetProperty("versie").GetInt32());
        }
        Assert.Equal(before, Versies());
    }

    [Fact]
    public async Task Every_demo_wijk_read_and_put_back_in_crs84_and_in_rd_new_over_rest_and_ogc_adds_no_version()
    {
        var before = Versies();
        foreach (var (id, _) in before) await AssertWrittenBackUnchangedAsync(Analist, id);
        Assert.Equal(before, Versies());
    }

    [Fact]
    public async Task A_real_edit_in_crs84_next_to_a_neighbour_is_stored_and_agrees_with_it()
    {
        // A new gemeente with two neighbours, one edited in CRS84 the way QGIS saves it: the shared edge round-trips
        // through WGS84 (millimetres of noise), one far corner really moves.
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var a = await CreateAsync(client, "A", Square(X0, Y0, 1000));
        await CreateAsync(client, "B", Square(X0 + 1000, Y0, 1000));
        var id = a.GetProperty("id").GetInt64();
        var feature = await client.GetFromJsonAsync<JsonObject>($"/ogc/collections/wijken/items/{id}");
        var ring = feature!["geometry"]!["coordinates"]![0]![0]!.AsArray();
        var lowerLeft = ring.Select((c, i) => (c, i)).MinBy(p => p.c![0]!.GetValue<double>() + p.c![1]!.GetValue<double>()).i;
        ring[lowerLeft] = new JsonArray(ring[lowerLeft]![0]!.GetValue<double>() - 0.001, ring[lowerLeft]![1]!.GetValue<double>());
        if (lowerLeft == 0) ring[^1] = ring[0]!.DeepClone();
        var patch = new StringContent(new JsonObject { ["geometry"] = feature["geometry"]!.DeepClone() }.ToJsonString(), Encoding.UTF8,
            "application/merge-patch+json");
        var response = await client.PatchAsync($"/ogc/collections/wijken/items/{id}", patch);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("properties").GetProperty("versie").GetInt32());
        var overlap = _api.WithDb(db => db.Wijken.Where(w => w.GemeenteId == gemeente).ToList());
        Assert.InRange(overlap[0].Geometrie.Intersection(overlap[1].Geometrie).Area, 0, 0.01);
    }
}
