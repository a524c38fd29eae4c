using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Wijken;

[Collection(ApiCollection.Name)]
public class WijkindelingVoorstelTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;
    private const string Gemeente = DemoGemeenteFixture.Gemeente;

    public WijkindelingVoorstelTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Proposal_lands_as_a_covering_draft_that_balances_the_workload_better_than_today()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var draft = await scope.ServiceProvider.GetRequiredService<WijkindelingVoorstelJob>()
            .RunAsync(Gemeente, "test", new VoorstelVerzoek(8, Seed: 7), CancellationToken.None);

        var client = _api.ClientAs(Gemeente, Roles.GisAnalist);
        var proposal = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{draft}/balans");
        var wijken = proposal.GetProperty("wijken").EnumerateArray().ToList();
        Assert.Equal(8, wijken.Count);
        Assert.Equal(50, wijken.Sum(w => w.GetProperty("buurten").GetInt64()));

        var actief = _api.WithDb(db => db.Wijkindelingen.AsNoTracking().Single(w => w.GemeenteId == Gemeente && w.Status == WijkindelingStatus.Actief).Id);
        var today = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{actief}/balans");
        Assert.True(proposal.GetProperty("maxAfwijkingMeldingen").GetDouble() < today.GetProperty("maxAfwijkingMeldingen").GetDouble(),
            $"proposal {proposal.GetProperty("maxAfwijkingMeldingen")} vs today {today.GetProperty("maxAfwijkingMeldingen")}");

        var dekking = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/{draft}/dekking");
        Assert.True(dekking.GetProperty("dekkend").GetBoolean(), dekking.ToString());
    }

    [Theory]
    [InlineData("""{"aantal":1}""", "aantal")]
    [InlineData("""{"aantal":500}""", "aantal")]
    [InlineData("""{"aantal":8,"werklast":"inwoners"}""", "werklast")]
    [InlineData("""{"aantal":8,"venster":"maandag ochtend"}""", "venster")]
    public async Task Bad_proposal_requests_are_400_naming_the_field(string body, string field)
    {
        var response = await _api.ClientAs(Gemeente, Roles.GisAnalist).PostAsync("/api/v1/wijkindelingen/voorstel",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_proposal_is_queued_for_the_analyst_and_refused_to_a_planner()
    {
        var body = new StringContent("""{"aantal":8,"werklast":"adressen"}""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Accepted, (await _api.ClientAs(Gemeente, Roles.GisAnalist).PostAsync("/api/v1/wijkindelingen/voorstel", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(Gemeente, Roles.Planner).PostAsync("/api/v1/wijkindelingen/voorstel",
            new StringContent("""{"aantal":8}""", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }
}
