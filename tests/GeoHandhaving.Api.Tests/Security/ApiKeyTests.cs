using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public class ApiKeyTests(ApiFixture fixture)
{
    private const string Briefing = "/api/v1/briefing?datum=2026-12-01&dienst=vroeg";
    private readonly ApiFactory _api = fixture.Api;

    private async Task<(string Gemeente, long Id, string Sleutel)> CreateKeyAsync(params string[] rollen)
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "briefingscherm post Noord", rollen });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal($"http://localhost/api/v1/api-keys/{body.GetProperty("id").GetInt64()}", response.Headers.Location?.OriginalString);
        return (gemeente, body.GetProperty("id").GetInt64(), body.GetProperty("sleutel").GetString()!);
    }

    private HttpClient WithKey(string sleutel)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, sleutel);
        return client;
    }

    [Fact]
    public async Task A_teamleider_key_reads_the_briefing_and_only_its_hash_is_stored()
    {
        var (gemeente, id, sleutel) = await CreateKeyAsync(Roles.Teamleider);

        Assert.StartsWith($"geoh.{gemeente}.", sleutel);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(sleutel).GetAsync(Briefing)).StatusCode);
        var stored = _api.WithDb(db => db.ApiKeys.Single(k => k.GemeenteId == gemeente && k.Id == id));
        Assert.NotEqual(sleutel, stored.Hash);
        Assert.DoesNotContain(sleutel.Split('.')[2], stored.Hash);
        Assert.Equal(ApiKeySecret.Hash(sleutel), stored.Hash);
    }

    [Fact]
    public async Task A_key_carries_only_its_own_roles_and_never_manages_keys()
    {
        var (_, _, sleutel) = await CreateKeyAsync(Roles.Planner);
        var client = WithKey(sleutel);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/hotspots/active?dag=di&uur=8")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Briefing)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/api-keys")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_is_refused_and_revoking_again_keeps_the_first_time()
    {
        var (gemeente, id, sleutel) = await CreateKeyAsync(Roles.Teamleider);
        var admin = _api.ClientAs(gemeente, Roles.Admin);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(sleutel).GetAsync(Briefing)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);
        var first = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("ingetrokkenOp").GetDateTimeOffset();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(sleutel).GetAsync(Briefing)).StatusCode);
        Assert.Equal(first, (await admin.GetFromJsonAsync<JsonElement>("/api/v1/api-keys"))[0].GetProperty("ingetrokkenOp").GetDateTimeOffset());
    }

    [Fact]
    public async Task Malformed_unknown_and_re_prefixed_keys_are_401()
    {
        var (_, _, sleutel) = await CreateKeyAsync(Roles.Teamleider);
        var other = await _api.NewGemeenteAsync();
        var secret = sleutel.Split('.')[2];

        foreach (var presented in new[] { "not-a-key", $"geoh.{other}.{secret}", sleutel[..^1] + (sleutel[^1] == 'A' ? 'B' : 'A'), "" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithKey(presented).GetAsync(Briefing)).StatusCode);
        }
    }

    [Fact]
    public async Task Keys_are_listed_per_gemeente_without_secrets_and_another_gemeentes_key_cannot_be_revoked()
    {
        var (gemeente, id, sleutel) = await CreateKeyAsync(Roles.Teamleider, Roles.Intake);
        var other = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Admin);

        var listed = await _api.ClientAs(gemeente, Roles.Admin).GetStringAsync("/api/v1/api-keys");
        Assert.Contains("\"rollen\":[\"teamleider\",\"intake\"]", listed);
        Assert.DoesNotContain(sleutel.Split('.')[2], listed);
        Assert.DoesNotContain("hash", listed, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[]", await other.GetStringAsync("/api/v1/api-keys"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync($"/api/v1/api-keys/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WithKey(sleutel).GetAsync(Briefing)).StatusCode);
    }

    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"naam":"","rollen":["planner"]}""", "naam" },
        { $$"""{"naam":"{{new string('x', ApiKeyRules.MaxNaam + 1)}}","rollen":["planner"]}""", "naam" },
        { """{"naam":"scherm"}""", "rollen" },
        { """{"naam":"scherm","rollen":[]}""", "rollen" },
        { """{"naam":"scherm","rollen":["admin"]}""", "rollen" },
        { """{"naam":"scherm","rollen":["planner","boa"]}""", "rollen" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_key_request_is_400_naming_the_field_and_creates_nothing(string body, string field)
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.ClientAs(gemeente, Roles.Admin).PostAsync("/api/v1/api-keys",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(0, _api.WithDb(db => db.ApiKeys.Count(k => k.GemeenteId == gemeente)));
    }
}
