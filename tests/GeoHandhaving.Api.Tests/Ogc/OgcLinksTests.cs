using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>QGIS resolves no relative link and reads a new feature's id from Location: every URL leaves absolute.</summary>
[Collection(ApiCollection.Name)]
public class OgcLinksTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Every_link_of_ogc_and_its_children_is_absolute_and_answers_200()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await CreateAsync(client, "W2", Square(X0 + 100, Y0, 100));
        await ImportBuurtAsync(client, "BU01", Square(X0, Y0, 200));

        // The landing page, plus a page of one so that next and prev links exist, plus one feature (it carries links too).
        var queue = new Queue<string>([$"{client.BaseAddress}ogc", $"{client.BaseAddress}ogc/collections/wijken/items?limit=1",
            $"{client.BaseAddress}ogc/collections/wijken/items/{id}"]);
        var seen = new HashSet<string>(queue);
        var rels = new HashSet<string>();
        while (queue.TryDequeue(out var url))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            if (response.Content.Headers.ContentType?.MediaType is not ("application/json" or "application/geo+json")) continue;
            foreach (var (href, rel) in Links(await response.Content.ReadFromJsonAsync<JsonElement>()))
            {
                Assert.True(Uri.TryCreate(href, UriKind.Absolute, out var absolute), $"{url}: link '{rel}' is not absolute: {href}");
                Assert.Equal(client.BaseAddress!.Authority, absolute.Authority);
                rels.Add(rel);
                if (seen.Add(href)) queue.Enqueue(href);
            }
        }
        Assert.Superset(new HashSet<string> { "self", "service-desc", "service-doc", "conformance", "data", "items", "next", "prev", "collection" }, rels);
        Assert.Contains(seen, s => s.Contains("/collections/buurten/items"));
    }

    [Fact]
    public async Task Links_and_locations_use_the_configured_public_base_url()
    {
        await using var api = _api.Variant(b => b.UseSetting("PublicUrl:BaseUrl", "https://gis.gemeente.example/geoh/"));
        var gemeente = await _api.NewGemeenteAsync();
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.GisAnalist));

        var landing = await client.GetFromJsonAsync<JsonElement>("/ogc");
        Assert.All(Links(landing), l => Assert.StartsWith("https://gis.gemeente.example/geoh/", l.Href));
        Assert.Contains(Links(landing), l => l == ("https://gis.gemeente.example/geoh/openapi/ogc.json", "service-desc"));

        var rest = await client.PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("W1", "Een", Square(X0, Y0, 100)));
        var id = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal($"https://gis.gemeente.example/geoh/api/v1/wijken/{id}", rest.Headers.Location?.OriginalString);

        using var post = new HttpRequestMessage(HttpMethod.Post, "/ogc/collections/wijken/items")
        {
            Content = JsonContent.Create(Feature("W2", "Twee", Square(X0 + 100, Y0, 100))),
        };
        post.Headers.TryAddWithoutValidation("Content-Crs", $"<{RdCrs}>");
        var ogc = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, ogc.StatusCode);
        Assert.Matches(@"^https://gis\.gemeente\.example/geoh/ogc/collections/wijken/items/\d+$", ogc.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Forwarded_proto_and_host_count_only_from_a_trusted_proxy()
    {
        async Task<string> SelfLinkVia(string trustedProxy)
        {
            await using var api = _api.Variant(b => b.UseSetting("PublicUrl:TrustedProxies:0", trustedProxy).UseSetting("urls", ApiFactory.FreeUrl()));
            api.UseKestrel();
            api.StartServer();
            var gemeente = await _api.NewGemeenteAsync();
            var client = api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.GisAnalist));
            client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
            client.DefaultRequestHeaders.Add("X-Forwarded-Host", "gis.gemeente.example");
            var landing = await client.GetFromJsonAsync<JsonElement>("/ogc");
            return Links(landing).Single(l => l.Rel == "self").Href;
        }

        Assert.Equal("https://gis.gemeente.example/ogc", await SelfLinkVia("127.0.0.1"));
        Assert.Matches("^http://(localhost|127.0.0.1):[0-9]+/ogc$", await SelfLinkVia("10.20.30.40"));
        Assert.Matches("^http://(localhost|127.0.0.1):[0-9]+/ogc$", await SelfLinkVia("192.168.0.0/16"));
    }

    [Fact]
    public async Task Ogc_items_carry_flat_properties_boas_as_text_and_iso_dates_while_rest_keeps_objects()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await CreateAsync(client, "W2", Square(X0 + 100, Y0, 100));
        async Task<long> BoaAsync(string code, string naam) => (await (await client.PostAsJsonAsync("/api/v1/boas", new { code, naam }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        long[] boaIds = [await BoaAsync("B1", "Fatima el Amrani"), await BoaAsync("B2", "Joost Verhoeven")];
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/wijken/W1/boas", new { boaIds })).StatusCode);

        var items = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/wijken/items");
        var w1 = items.GetProperty("features")[0].GetProperty("properties");
        Assert.Equal("Fatima el Amrani (primair), Joost Verhoeven", w1.GetProperty("boas").GetString());
        Assert.Equal("B1, B2", w1.GetProperty("boaCodes").GetString());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", w1.GetProperty("gewijzigdOp").GetString());
        Assert.All(items.GetProperty("features").EnumerateArray().SelectMany(f => f.GetProperty("properties").EnumerateObject()),
            p => Assert.DoesNotContain(p.Value.ValueKind, new[] { JsonValueKind.Array, JsonValueKind.Object }));
        var w2 = items.GetProperty("features")[1].GetProperty("properties");
        Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (w2.GetProperty("boas").ValueKind, w2.GetProperty("boaCodes").ValueKind));
        var one = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/wijken/items/{id}");
        Assert.Equal("B1, B2", one.GetProperty("properties").GetProperty("boaCodes").GetString());

        var rest = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}");
        Assert.Equal("B1", rest.GetProperty("properties").GetProperty("boas")[0].GetProperty("code").GetString());
    }

    /// <summary>Every link of an OGC document: its own, its collections' and its features'.</summary>
    internal static List<(string Href, string Rel)> Links(JsonElement document)
    {
        var links = new List<(string, string)>();
        void Add(JsonElement owner)
        {
            if (owner.ValueKind != JsonValueKind.Object || !owner.TryGetProperty("links", out var list)) return;
            links.AddRange(list.EnumerateArray().Select(l => (l.GetProperty("href").GetString()!, l.GetProperty("rel").GetString()!)));
        }
        Add(document);
        foreach (var member in new[] { "collections", "features" })
        {
            if (document.ValueKind == JsonValueKind.Object && document.TryGetProperty(member, out var items))
            {
                foreach (var item in items.EnumerateArray()) Add(item);
            }
        }
        return links;
    }

    private static async Task ImportBuurtAsync(HttpClient client, string code, JsonArray rings)
    {
        var feature = Feature(code, "Buurt " + code, rings);
        var collection = new JsonObject
        {
            ["type"] = "FeatureCollection",
            ["crs"] = new JsonObject { ["type"] = "name", ["properties"] = new JsonObject { ["name"] = "urn:ogc:def:crs:EPSG::28992" } },
            ["features"] = new JsonArray(feature),
        };
        var response = await client.PostAsJsonAsync("/api/v1/buurten/import", collection);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
