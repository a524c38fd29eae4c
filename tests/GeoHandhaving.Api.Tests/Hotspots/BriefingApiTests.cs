using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Hotspots;

[Collection(ApiCollection.Name)]
public class BriefingApiTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;

    public BriefingApiTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private HttpClient Teamleider => _api.ClientAs(DemoGemeenteFixture.Gemeente, Roles.Teamleider);

    [Fact]
    public async Task Early_shift_briefing_lists_every_wijk_with_its_boa_hourly_hotspots_and_melders_to_call_back()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal("07:00", briefing.GetProperty("van").GetString());
        var wijken = briefing.GetProperty("wijken").EnumerateArray().ToList();
        Assert.Equal(8, wijken.Count);
        Assert.All(wijken, w => Assert.NotEmpty(w.GetProperty("wijkboas").EnumerateArray()));
        Assert.All(wijken, w => Assert.Equal(8, w.GetProperty("blokken").GetArrayLength()));
        var achtUur = wijken.SelectMany(w => w.GetProperty("blokken").EnumerateArray())
            .Where(b => b.GetProperty("uur").GetString() == "08:00–09:00").SelectMany(b => b.GetProperty("hotspots").EnumerateArray()).ToList();
        Assert.Contains(achtUur, h => h.GetProperty("venster").GetString() == "schoolbrengen");
        Assert.Contains(wijken, w => w.GetProperty("terugbellen").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Briefing_prints_as_html()
    {
        var response = await Teamleider.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=laat&format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Briefing", html);
        Assert.Contains("Wijkboa:", html);
    }

    [Theory]
    [InlineData("/api/v1/briefing?dienst=vroeg", "datum")]
    [InlineData("/api/v1/briefing?datum=01-12-2026&dienst=vroeg", "datum")]
    [InlineData("/api/v1/briefing?datum=2026-12-01&dienst=middag", "dienst")]
    public async Task Bad_briefing_parameters_are_400_naming_the_field(string url, string field)
    {
        var response = await Teamleider.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Planner_may_not_read_the_briefing()
    {
        var response = await _api.ClientAs(DemoGemeenteFixture.Gemeente, Roles.Planner).GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
