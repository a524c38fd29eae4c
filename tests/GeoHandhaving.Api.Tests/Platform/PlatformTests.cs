using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Platform;

[Collection(ApiCollection.Name)]
public class PlatformTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Health_is_green_with_database_migrations_and_hangfire()
    {
        var client = _api.CreateClient();
        HttpResponseMessage response = null!;
        // The Hangfire server announces itself a moment after start-up.
        for (var i = 0; i < 20; i++)
        {
            response = await client.GetAsync("/health");
            if (response.StatusCode == HttpStatusCode.OK) break;
            await Task.Delay(500);
        }
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("database").GetBoolean());
        Assert.True(body.GetProperty("migrationsCurrent").GetBoolean());
        Assert.True(body.GetProperty("jobServer").GetBoolean());
        Assert.True(body.GetProperty("hangfireServers").GetInt32() >= 1);
    }

    [Fact]
    public async Task An_api_only_instance_is_healthy_without_a_job_server_of_its_own()
    {
        await using var apiOnly = _api.Variant(_ => { });
        var response = await apiOnly.CreateClient().GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("jobServer").ValueKind);
    }

    [Fact]
    public async Task OpenApi_document_is_anonymous_and_describes_bearer_auth()
    {
        var response = await _api.CreateClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GeoHandhaving API", doc.GetProperty("info").GetProperty("title").GetString());
        Assert.True(doc.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("bearer", out _));
    }

    [Fact]
    public async Task OpenApi_ui_is_served()
    {
        var response = await _api.CreateClient().GetAsync("/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("swagger", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Hangfire_dashboard_is_for_the_platformbeheerder_only_never_a_gemeentes_admin_nor_a_token_in_the_url()
    {
        var (a, b) = (await _api.NewGemeenteAsync(), await _api.NewGemeenteAsync());
        var anonymous = await _api.CreateClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(a, Roles.Planner).GetAsync("/hangfire")).StatusCode);
        // The dashboard lists the jobs of every gemeente: the admin of one sees none of it, in either gemeente.
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(a, Roles.Admin).GetAsync("/hangfire")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(b, Roles.Admin).GetAsync("/hangfire")).StatusCode);
        // A token in the URL (it would land in logs and history) is not read any more.
        var tokenInUrl = await _api.CreateClient().GetAsync($"/hangfire?access_token={_api.Token(a, Roles.Platformbeheerder)}");
        Assert.Equal(HttpStatusCode.Unauthorized, tokenInUrl.StatusCode);

        var beheerder = await _api.ClientAs(b, Roles.Platformbeheerder).GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, beheerder.StatusCode);
        Assert.DoesNotContain("Password", await beheerder.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Token_signed_with_another_key_is_refused()
    {
        var client = _api.CreateClient();
        var foreign = new LocalTokenIssuer(new AuthOptions { SigningKey = new string('x', 40) }, TimeProvider.System)
            .Issue("intruder", "GM9999", [Roles.Admin], TimeSpan.FromHours(1));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", foreign);
        var response = await client.GetAsync("/hangfire");
        Assert.True(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Unknown_route_answers_problem_details()
    {
        var response = await _api.CreateClient().GetAsync("/api/v1/does-not-exist");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
