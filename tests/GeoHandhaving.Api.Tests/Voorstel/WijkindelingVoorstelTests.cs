using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Wijken;
using GeoHandhaving.Api.Voorstel;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Districting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Voorstel;

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
    public async Task Proposal_runs_as_a_job_whose_status_ends_with_a_covering_draft_that_balances_better_than_today()
    {
        var client = _api.ClientAs(Gemeente, Roles.GisAnalist);
        var posted = await client.PostAsJsonAsync("/api/v1/wijkindelingen/voorstel", new { aantal = 8, seed = 7 });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        Assert.Matches(@"^http://localhost/api/v1/wijkindelingen/voorstel/\d+$", posted.Headers.Location!.OriginalString);
        Assert.Equal("wachtrij", (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var seen = new List<string>();
        var status = await WaitUntilDoneAsync(client, posted.Headers.Location!, seen);
        Assert.True(status.GetProperty("status").GetString() == "voltooid", status.ToString());
        Assert.Equal(100, status.GetProperty("percentage").GetDouble());
        Assert.All(seen, s => Assert.Contains(s, new[] { "wachtrij", "bezig", "voltooid" }));
        var samenvatting = status.GetProperty("samenvatting");
        Assert.Equal(8, samenvatting.GetProperty("aantalWijken").GetInt32());
        Assert.True(samenvatting.GetProperty("binnenTolerantie").GetBoolean() || samenvatting.GetProperty("reden").GetString() is { Length: > 0 },
            samenvatting.ToString());
        var draft = status.GetProperty("wijkindelingId").GetInt64();

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

    [Fact]
    public async Task A_running_proposal_reports_its_phase_step_and_percentage_and_only_to_its_own_gemeente()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<VoorstelRuns>();
        var run = await runs.QueueAsync(new Actor(Gemeente, "test"), new VoorstelInvoer(8), CancellationToken.None);
        await runs.StartAsync(Gemeente, run.Id, CancellationToken.None);
        await runs.ReportAsync(Gemeente, run.Id, new DistrictingProgress(DistrictingPhase.Annealing, 250_000, 1_000_000, 2, 4), CancellationToken.None);

        var status = await _api.ClientAs(Gemeente, Roles.Teamleider).GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/voorstel/{run.Id}");
        Assert.Equal("bezig", status.GetProperty("status").GetString());
        Assert.Equal("Annealing", status.GetProperty("fase").GetString());
        Assert.Equal(250_000, status.GetProperty("stap").GetInt64());
        Assert.Equal(1_000_000, status.GetProperty("stappen").GetInt64());
        Assert.Equal(2, status.GetProperty("start").GetInt32());
        Assert.InRange(status.GetProperty("percentage").GetDouble(), 27.5, 50); // start 2 of at most 4, annealing a quarter done

        var other = _api.ClientAs(await _api.NewGemeenteAsync("Buurgemeente"), Roles.GisAnalist, Roles.Teamleider, Roles.Admin);
        var elsewhere = await other.GetAsync($"/api/v1/wijkindelingen/voorstel/{run.Id}");
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_failed_proposal_reports_the_reason_as_problem_details()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<VoorstelRuns>();
        // As if the buurt was removed after the request was accepted: the job finds it no more.
        var run = await runs.QueueAsync(new Actor(Gemeente, "test"),
            new VoorstelInvoer(8, VastgezetteBuurten: new Dictionary<string, int> { ["BU9999XX99"] = 1 }), CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() =>
            scope.ServiceProvider.GetRequiredService<WijkindelingVoorstelJob>().RunAsync(Gemeente, run.Id, CancellationToken.None));

        var status = await _api.ClientAs(Gemeente, Roles.GisAnalist).GetFromJsonAsync<JsonElement>($"/api/v1/wijkindelingen/voorstel/{run.Id}");
        Assert.Equal("mislukt", status.GetProperty("status").GetString());
        var probleem = status.GetProperty("probleem");
        Assert.Equal("https://geohandhaving.nl/problems/proposal-failed", probleem.GetProperty("type").GetString());
        Assert.Contains("BU9999XX99", probleem.GetProperty("detail").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("wijkindelingId").ValueKind);
    }

    [Fact]
    public async Task Locked_buurten_end_up_in_the_wijk_the_request_names()
    {
        var buurten = _api.WithDb(db => db.Buurten.AsNoTracking().Where(b => b.GemeenteId == Gemeente).OrderBy(b => b.Code).ToList());
        var (first, last) = (buurten[0], buurten[^1]);
        var client = _api.ClientAs(Gemeente, Roles.GisAnalist);
        var posted = await client.PostAsJsonAsync("/api/v1/wijkindelingen/voorstel", new
        {
            aantal = 6, werklast = "adressen", vastgezetteBuurten = new Dictionary<string, int> { [first.Code] = 3, [last.Code] = 5 },
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var status = await WaitUntilDoneAsync(client, posted.Headers.Location!, []);
        Assert.True(status.GetProperty("status").GetString() == "voltooid", status.ToString());
        var draft = status.GetProperty("wijkindelingId").GetInt64();
        var wijken = _api.WithDb(db => db.Wijken.AsNoTracking().Where(w => w.GemeenteId == Gemeente && w.WijkindelingId == draft).ToList());
        Assert.Equal(6, wijken.Count);
        Assert.True(wijken.Single(w => w.Code == "V03").Geometrie.Covers(first.Geometrie.InteriorPoint), $"{first.Code} not in V03");
        Assert.True(wijken.Single(w => w.Code == "V05").Geometrie.Covers(last.Geometrie.InteriorPoint), $"{last.Code} not in V05");
    }

    [Theory]
    [InlineData("""{"aantal":8,"vastgezetteBuurten":{"BU9999XX99":1}}""", "unknown-buurt", "vastgezetteBuurten.BU9999XX99")]
    [InlineData("""{"aantal":8,"vastgezetteBuurten":{"{first}":9}}""", "unknown-wijk", "vastgezetteBuurten.{first}")]
    [InlineData("""{"aantal":8,"vastgezetteBuurten":{"{first}":0}}""", "unknown-wijk", "vastgezetteBuurten.{first}")]
    public async Task Locking_an_unknown_buurt_or_to_an_unknown_wijk_is_422_naming_the_field_and_the_code(string body, string type, string field)
    {
        var first = _api.WithDb(db => db.Buurten.AsNoTracking().Where(b => b.GemeenteId == Gemeente).OrderBy(b => b.Code).First().Code);
        var response = await _api.ClientAs(Gemeente, Roles.GisAnalist).PostAsync("/api/v1/wijkindelingen/voorstel",
            new StringContent(body.Replace("{first}", first), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://geohandhaving.nl/problems/" + type, problem.GetProperty("type").GetString());
        Assert.Equal(field.Replace("{first}", first), problem.GetProperty("field").GetString());
        Assert.Contains(field.Replace("{first}", first)["vastgezetteBuurten.".Length..], problem.GetProperty("detail").GetString());
    }

    /// <summary>Polls the status resource as a client would, until the job has completed or failed.</summary>
    private static async Task<JsonElement> WaitUntilDoneAsync(HttpClient client, Uri status, List<string> seen)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (true)
        {
            var current = await client.GetFromJsonAsync<JsonElement>(status);
            seen.Add(current.GetProperty("status").GetString()!);
            if (seen[^1] is "voltooid" or "mislukt" || DateTime.UtcNow > deadline)
            {
                return current;
            }
            await Task.Delay(250);
        }
    }

    [Fact]
    public async Task A_proposal_balances_the_work_of_a_named_window_of_the_gemeente()
    {
        var client = _api.ClientAs(Gemeente, Roles.GisAnalist);
        var posted = await client.PostAsJsonAsync("/api/v1/wijkindelingen/voorstel", new { aantal = 6, venster = "schoolbrengen" });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);

        var status = await WaitUntilDoneAsync(client, posted.Headers.Location!, []);
        Assert.True(status.GetProperty("status").GetString() == "voltooid", status.ToString());
        Assert.Equal(6, status.GetProperty("samenvatting").GetProperty("aantalWijken").GetInt32());
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
