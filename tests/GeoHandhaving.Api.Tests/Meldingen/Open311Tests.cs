using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Meldingen;

[Collection(ApiCollection.Name)]
public class Open311Tests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Services_are_the_top_level_categorieen()
    {
        var services = await _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Intake).GetFromJsonAsync<JsonElement>("/open311/v2/services.json");
        var codes = services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.Contains("parkeeroverlast", codes);
        Assert.Contains("afval", codes);
        Assert.All(services.EnumerateArray(), s => Assert.Equal("realtime", s.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_KCC_system_with_an_api_key_posts_a_request_that_becomes_a_melding_and_reads_its_status()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var key = await (await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "KCC", rollen = new[] { Roles.Intake } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var kcc = _api.CreateClient();
        kcc.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.GetProperty("sleutel").GetString());

        var response = await kcc.PostAsync("/open311/v2/requests.json", Form(("service_code", "afval"), ("lat", "52.35"), ("long", "4.87"),
            ("description", "Zakken naast de container"), ("first_name", "Anna"), ("last_name", "de Melder"), ("email", "anna@example.nl")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString();
        Assert.Equal($"http://localhost/open311/v2/requests/{id}.json", response.Headers.Location?.OriginalString);
        var melding = await _api.ClientAs(gemeente, Roles.Teamleider).GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{id}");
        Assert.Equal("open311", melding.GetProperty("properties").GetProperty("bron").GetString());
        Assert.Equal("afval", melding.GetProperty("properties").GetProperty("categorie").GetString());
        Assert.True(melding.GetProperty("properties").GetProperty("heeftMelderContact").GetBoolean());

        var status = (await _api.ClientAs(gemeente, Roles.Intake).GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal("open", status.GetProperty("status").GetString());
        Assert.Equal("afval", status.GetProperty("service_code").GetString());
        Assert.Equal(52.35, status.GetProperty("lat").GetDouble(), 4);
        Assert.Equal(4.87, status.GetProperty("long").GetDouble(), 4);
    }

    [Fact]
    public async Task The_api_key_may_come_as_the_GeoReport_form_field_and_a_wrong_one_is_401()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var sleutel = (await (await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "KCC", rollen = new[] { Roles.Intake } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sleutel").GetString()!;
        (string, string)[] melding = [("service_code", "afval"), ("lat", "52.35"), ("long", "4.87")];

        var ok = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form([("api_key", sleutel), .. melding]));
        var wrong = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form([("api_key", sleutel[..^2] + "xx"), .. melding]));
        var none = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form(melding));

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(1, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    public static TheoryData<(string, string)[], string> BadRequests => new()
    {
        { [("lat", "52.35"), ("long", "4.87")], "service_code" },
        { [("service_code", "vuurwerk"), ("lat", "52.35"), ("long", "4.87")], "service_code" },
        { [("service_code", "afval"), ("lat", "noord"), ("long", "4.87")], "lat" },
        { [("service_code", "afval"), ("lat", "40.7"), ("long", "-74.0")], "lat/long" },
        { [("service_code", "afval"), ("description", "geen plaats")], "lat/long" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_400_naming_the_GeoReport_field_and_stores_nothing((string, string)[] fields, string field)
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.ClientAs(gemeente, Roles.Intake).PostAsync("/open311/v2/requests.json", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(0, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Json_instead_of_a_form_is_415_and_a_planner_may_not_post()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var json = await _api.ClientAs(gemeente, Roles.Intake).PostAsJsonAsync("/open311/v2/requests.json", new { service_code = "afval" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        var planner = await _api.ClientAs(gemeente, Roles.Planner).PostAsync("/open311/v2/requests.json", Form(("service_code", "afval")));
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
    }
}
