using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Reliability;

[Collection(ApiCollection.Name)]
public class DatabaseOutageTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Database_outage_gives_503_problem_and_the_api_recovers_by_itself()
    {
        var real = new NpgsqlConnectionStringBuilder(ApiFactory.ConnectionString);
        await using var proxy = new TcpProxy("127.0.0.1", real.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(real.ConnectionString) { Port = proxy.Port, Timeout = 3 }.ConnectionString;
        await using var api = _api.Variant(b => b.UseSetting("ConnectionStrings:GeoHandhaving", viaProxy));
        var gemeente = await _api.NewGemeenteAsync();
        var client = api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.Teamleider));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/meldingen")).StatusCode);

        proxy.Cut();
        var down = await client.GetAsync("/api/v1/meldingen");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("application/problem+json", down.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith("/database-unavailable", (await down.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString());
        Assert.NotNull(down.Headers.RetryAfter);
        // Health asks the database directly, not through the job storage that this variant shares with the main instance.
        var health = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.False((await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("database").GetBoolean());

        proxy.Start();
        var recovered = HttpStatusCode.ServiceUnavailable;
        for (var attempt = 0; attempt < 10 && recovered != HttpStatusCode.OK; attempt++)
        {
            recovered = (await client.GetAsync("/api/v1/meldingen")).StatusCode;
            if (recovered != HttpStatusCode.OK) await Task.Delay(200);
        }
        Assert.Equal(HttpStatusCode.OK, recovered);
    }
}
