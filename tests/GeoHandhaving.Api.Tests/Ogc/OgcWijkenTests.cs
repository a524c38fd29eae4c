using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Wijken;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Ogc;

[Collection(ApiCollection.Name)]
public class OgcWijkenTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Landing_page_links_self_service_desc_service_doc_conformance_and_data()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var landing = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>("/ogc");
        var rels = landing.GetProperty("links").EnumerateArray().ToDictionary(l => l.GetProperty("rel").GetString()!, l => l);
        Assert.Equal(["self", "service-desc", "service-doc", "conformance", "data"], rels.Keys);
        Assert.Contains("version=3.0", rels["service-desc"].GetProperty("type").GetString());
    }

    [Fact]
    public async Task Service_desc_is_openapi_3_0_with_only_the_ogc_paths()
    {
        var doc = await _api.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/ogc.json");
        Assert.StartsWith("3.0", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/ogc/collections/{collectionId}/items", paths);
        Assert.All(paths, p => Assert.StartsWith("/ogc", p));
    }

    [Fact]
    public async Task Conformance_declares_core_geojson_oas30_crs_and_part_4()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var conformance = await _api.Analist(gemeente).GetFromJsonAsync<JsonElement>("/ogc/conformance");
        var classes = conformance.GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()!).ToList();
        foreach (var suffix in new[] { "features-1/1.0/conf/core", "conf/geojson", "conf/oas30", "features-2/1.0/conf/crs",
                     "conf/create-replace-delete", "features-4/1.0/conf/update" })
        {
            Assert.Contains(classes, c => c.EndsWith(suffix));
        }
    }

    [Fact]
    public async Task Collections_describe_wijken_and_buurten_with_extent_and_crs()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "W1", Square(X0, Y0, 100));
        var collections = await client.GetFromJsonAsync<JsonElement>("/ogc/collections");
        var wijken = collections.GetProperty("collections").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "wijken");
        Assert.Equal(RdCrs, wijken.GetProperty("storageCrs").GetString());
        Assert.Contains(RdCrs, wijken.GetProperty("crs").EnumerateArray().Select(c => c.GetString()));
        var bbox = wijken.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0];
        Assert.InRange(bbox[0].GetDouble(), 4.8, 5.0);
        Assert.InRange(bbox[1].GetDouble(), 52.3, 52.4);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ogc/collections/straten")).StatusCode);
    }

    [Fact]
    public async Task Items_page_with_limit_and_offset_and_report_matched_and_returned()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        foreach (var i in Enumerable.Range(0, 3)) await CreateAsync(client, $"W{i}", Square(X0 + i * 100, Y0, 100));

        var first = await client.GetAsync("/ogc/collections/wijken/items?limit=2");
        Assert.Equal("application/geo+json", first.Content.Headers.ContentType?.MediaType);
        var page1 = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((3, 2), (page1.GetProperty("numberMatched").GetInt32(), page1.GetProperty("numberReturned").GetInt32()));
        var next = Link(page1, "next")!;
        Assert.Contains("offset=2", next);
        Assert.Null(Link(page1, "prev"));

        var page2 = await client.GetFromJsonAsync<JsonElement>(next);
        Assert.Equal(1, page2.GetProperty("numberReturned").GetInt32());
        Assert.Equal("W2", page2.GetProperty("features")[0].GetProperty("properties").GetProperty("code").GetString());
        Assert.Null(Link(page2, "next"));
        Assert.Contains("offset=0", Link(page2, "prev"));
    }

    [Fact]
    public async Task Items_filter_by_bbox_in_rd_or_crs84_and_answer_in_the_requested_crs()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "W", Square(X0, Y0, 100));
        await CreateAsync(client, "O", Square(X0 + 1000, Y0, 100));

        var rd = await client.GetAsync($"/ogc/collections/wijken/items?bbox={X0 + 10},{Y0 + 10},{X0 + 20},{Y0 + 20}&bbox-crs={RdCrs}&crs={RdCrs}");
        var rdBody = await rd.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"<{RdCrs}>", rd.Headers.GetValues("Content-Crs").Single());
        var feature = Assert.Single(rdBody.GetProperty("features").EnumerateArray());
        Assert.InRange(feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0][0].GetDouble(), X0 - 1, X0 + 101);

        var (lon, lat) = Core.Geometry.RdNew.ToWgs84(X0 + 1050, Y0 + 50);
        var wgs = await client.GetFromJsonAsync<JsonElement>(FormattableString.Invariant(
            $"/ogc/collections/wijken/items?bbox={lon - 0.0001},{lat - 0.0001},{lon + 0.0001},{lat + 0.0001}"));
        Assert.Equal("O", Assert.Single(wgs.GetProperty("features").EnumerateArray()).GetProperty("properties").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Options_answer_allow_so_qgis_offers_editing()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var items = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/ogc/collections/wijken/items"));
        Assert.Equal("GET, POST, OPTIONS", string.Join(", ", items.Content.Headers.Allow));
        var item = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/ogc/collections/wijken/items/1"));
        Assert.Equal("GET, PUT, PATCH, DELETE, OPTIONS", string.Join(", ", item.Content.Headers.Allow));
        var buurten = await client.SendAsync(new HttpRequestMessage(HttpMethod.Options, "/ogc/collections/buurten/items"));
        Assert.Equal("GET, OPTIONS", string.Join(", ", buurten.Content.Headers.Allow));
    }

    [Fact]
    public async Task Post_in_rd_with_content_crs_creates_201_with_location()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ogc/collections/wijken/items")
        {
            Content = JsonContent.Create(Feature("W9", "Negen", Square(X0, Y0, 100), reden: null)),
        };
        request.Headers.TryAddWithoutValidation("Content-Crs", $"<{RdCrs}>");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await client.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, item.StatusCode);
        Assert.NotNull(item.Headers.ETag);
        var history = _api.WithDb(db => db.WijkVersies.Single(v => v.GemeenteId == gemeente));
        Assert.Equal("bewerkt via OGC API Features", history.Reden);
    }

    [Fact]
    public async Task Patch_without_if_match_is_accepted_and_versioned()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var patch = new HttpRequestMessage(HttpMethod.Patch, $"/ogc/collections/wijken/items/{id}")
        {
            Content = new StringContent("""{"properties":{"naam":"Via QGIS"}}""", Encoding.UTF8, "application/merge-patch+json"),
        };
        var response = await client.SendAsync(patch);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/wijken/items/{id}");
        Assert.Equal("Via QGIS", item.GetProperty("properties").GetProperty("naam").GetString());
        Assert.Equal(2, _api.WithDb(db => db.WijkVersies.Count(v => v.GemeenteId == gemeente && v.WijkId == id)));
    }

    [Fact]
    public async Task Put_replaces_the_geometry_and_refuses_an_invalid_one_with_422()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var put = new HttpRequestMessage(HttpMethod.Put,
            $"/ogc/collections/wijken/items/{id}")
        { Content = JsonContent.Create(Feature("W1", "Groter", Square(X0, Y0, 300))) };
        put.Headers.TryAddWithoutValidation("Content-Crs", $"<{RdCrs}>");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(put)).StatusCode);
        var area = _api.WithDb(db => db.Wijken.Single(w => w.GemeenteId == gemeente && w.Id == id).Geometrie.Area);
        Assert.Equal(90_000, area, 1);

        var bowTie = BowTie(X0, Y0, 100);
        var invalid = new HttpRequestMessage(HttpMethod.Put,
            $"/ogc/collections/wijken/items/{id}")
        { Content = JsonContent.Create(Feature("W1", "Strik", bowTie)) };
        invalid.Headers.TryAddWithoutValidation("Content-Crs", $"<{RdCrs}>");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await client.SendAsync(invalid)).StatusCode);
    }

    [Fact]
    public async Task Ogc_delete_with_stale_if_match_is_412_and_without_is_204()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var stale = new HttpRequestMessage(HttpMethod.Delete, $"/ogc/collections/wijken/items/{id}");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"stale\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/ogc/collections/wijken/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ogc/collections/wijken/items/{id}")).StatusCode);
    }

    [Fact]
    public async Task Items_with_datetime_show_the_wijken_as_they_were_then()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await Task.Delay(50);
        var then = Uri.EscapeDataString(DateTimeOffset.UtcNow.ToString("O"));
        await Task.Delay(50);
        await client.PatchAsync($"/ogc/collections/wijken/items/{id}",
            new StringContent("""{"properties":{"naam":"Nu"}}""", Encoding.UTF8, "application/merge-patch+json"));

        var past = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/wijken/items?datetime={then}");
        Assert.Equal("Wijk W1", past.GetProperty("features")[0].GetProperty("properties").GetProperty("naam").GetString());
    }

    [Fact]
    public async Task Items_with_a_datetime_interval_give_every_version_in_force_during_it()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow.ToString("O");
        await Task.Delay(50);
        await client.PatchAsync($"/ogc/collections/wijken/items/{id}",
            new StringContent("""{"properties":{"naam":"Nu"}}""", Encoding.UTF8, "application/merge-patch+json"));
        async Task<string[]> Ids(string interval) =>
            (await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/wijken/items?datetime={Uri.EscapeDataString(interval)}"))
                .GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").ToString()).ToArray();

        Assert.Equal([$"{id}.1", $"{id}.2"], await Ids("../.."));
        Assert.Equal([$"{id}.1", $"{id}.2"], await Ids($"2020-01-01/{DateTimeOffset.UtcNow.AddDays(1):yyyy-MM-dd}"));
        Assert.Equal([$"{id}.2"], await Ids($"{DateTimeOffset.UtcNow.AddSeconds(5):O}/.."));
        Assert.Equal([$"{id}.1"], await Ids($"2020-01-01/{between}"));
        Assert.Empty(await Ids("2020-01-01/2021-01-01"));
        var first = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/wijken/items/{id}.1");
        Assert.Equal(("Wijk W1", $"{id}.1"), (first.GetProperty("properties").GetProperty("naam").GetString(), first.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/ogc/collections/wijken/items/{id}.9")).StatusCode);
        foreach (var bad in new[] { "2021-01-01/2020-01-01", "gisteren/vandaag", "2020-01-01/2021-01-01/2022-01-01" })
        {
            var response = await client.GetAsync($"/ogc/collections/wijken/items?datetime={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("datetime", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
    }

    [Fact]
    public async Task Items_need_a_token()
    {
        var response = await _api.CreateClient().GetAsync("/ogc/collections/wijken/items");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string? Link(JsonElement collection, string rel) => collection.GetProperty("links").EnumerateArray()
        .Where(l => l.GetProperty("rel").GetString() == rel).Select(l => l.GetProperty("href").GetString()).FirstOrDefault();
}
