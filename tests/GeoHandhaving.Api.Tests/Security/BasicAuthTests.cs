using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>QGIS 3.22 authenticates an OGC API with HTTP Basic only: the API key is the password, any user name.</summary>
[Collection(ApiCollection.Name)]
public class BasicAuthTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private async Task<string> KeyAsync(string gemeente, string rol)
    {
        var response = await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "qgis " + rol, rollen = new[] { rol } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sleutel").GetString()!;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private HttpClient WithBasic(string user, string password, Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? api = null)
    {
        var client = (api ?? _api).CreateClient();
        client.DefaultRequestHeaders.Authorization = Basic(user, password);
        return client;
    }

    [Fact]
    public async Task A_gis_key_as_basic_password_reads_and_edits_ogc_as_its_gemeente_with_any_user_name()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var id = (await CreateAsync(_api.Analist(gemeente), "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await CreateAsync(_api.Analist(await _api.NewGemeenteAsync()), "ANDER", Square(X0, Y0, 100));
        var client = WithBasic("wie dan ook", await KeyAsync(gemeente, Roles.GisAnalist));

        var items = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/wijken/items");
        Assert.Equal(["W1"], items.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/wijken")).StatusCode);
        var patch = await client.PatchAsync($"/ogc/collections/wijken/items/{id}",
            new StringContent("""{"properties":{"naam":"Via QGIS"}}""", Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("apikey:qgis gis-analist", _api.WithDb(db => db.WijkVersies.Single(v => v.GemeenteId == gemeente && v.Versie == 2).Door));
    }

    [Fact]
    public async Task Basic_carries_only_the_keys_role_and_is_refused_on_rest_writes()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var id = (await CreateAsync(_api.Analist(gemeente), "W1", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var planner = WithBasic("qgis", await KeyAsync(gemeente, Roles.Planner));
        var analist = WithBasic("qgis", await KeyAsync(gemeente, Roles.GisAnalist));

        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync($"/ogc/collections/wijken/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.DeleteAsync($"/ogc/collections/wijken/items/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.GetAsync("/api/v1/api-keys")).StatusCode);
        var rest = await analist.PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("W2", "Twee", Square(X0 + 100, Y0, 100)));
        Assert.Equal(HttpStatusCode.Unauthorized, rest.StatusCode);
        Assert.Equal(1, _api.WithDb(db => db.Wijken.Count(w => w.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task A_401_from_ogc_offers_basic_beside_bearer_so_qgis_asks_for_the_key()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var anonymous = await _api.CreateClient().GetAsync("/ogc/collections/wijken/items");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["Basic", "Bearer"], anonymous.Headers.WwwAuthenticate.Select(c => c.Scheme));
        Assert.Contains("realm=\"GeoHandhaving\"", anonymous.Headers.WwwAuthenticate.First().Parameter);

        var wrong = await WithBasic("qgis", $"geoh.{gemeente}.{new string('A', 43)}").GetAsync("/ogc");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(["Basic", "Bearer"], wrong.Headers.WwwAuthenticate.Select(c => c.Scheme));

        var rest = await _api.CreateClient().GetAsync("/api/v1/wijken");
        Assert.Equal(["Bearer"], rest.Headers.WwwAuthenticate.Select(c => c.Scheme));
    }

    [Fact]
    public async Task Unknown_revoked_and_empty_basic_passwords_are_401()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var admin = _api.ClientAs(gemeente, Roles.Admin);
        var sleutel = await KeyAsync(gemeente, Roles.GisAnalist);
        var id = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.OK, (await WithBasic("qgis", sleutel).GetAsync("/ogc/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await WithBasic(sleutel, "").GetAsync("/ogc/collections")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        foreach (var (user, password) in new[] { ("qgis", sleutel), ("qgis", "geheim"), ("qgis", "") })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithBasic(user, password).GetAsync("/ogc/collections")).StatusCode);
        }
        var garbage = _api.CreateClient();
        garbage.DefaultRequestHeaders.Authorization = new("Basic", "niet-base64!");
        Assert.Equal(HttpStatusCode.Unauthorized, (await garbage.GetAsync("/ogc/collections")).StatusCode);
    }

    [Fact]
    public async Task Guessed_basic_passwords_are_rate_limited_like_other_credentials()
    {
        await using var limited = _api.Variant(b => b.UseSetting("Limits:RequestsPerMinutePerClient", "3"));
        var guesser = WithBasic("qgis", "geoh.GM9999.geraden", limited);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await guesser.GetAsync("/ogc/collections/wijken/items")).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }
}
