using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Meldingen;
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
    public async Task Callbacks_per_wijk_are_the_fifteen_oldest_open_meldingen_whose_melder_left_contact()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        MeldingStatus[] open = [MeldingStatus.Toegewezen, MeldingStatus.InBehandeling, MeldingStatus.Heropend];
        foreach (var wijk in briefing.GetProperty("wijken").EnumerateArray())
        {
            var code = wijk.GetProperty("wijk").GetString();
            var expected = _api.WithDb(db => db.Meldingen
                .Where(m => m.GemeenteId == DemoGemeenteFixture.Gemeente && m.WijkCode == code && open.Contains(m.Status)
                    && db.MelderContacten.Any(c => c.GemeenteId == m.GemeenteId && c.MeldingId == m.Id && c.Versleuteld != null))
                .OrderBy(m => m.GemeldOp).ThenBy(m => m.Id).Take(15).Select(m => m.Id).ToList());
            var actual = wijk.GetProperty("terugbellen").EnumerateArray().Select(t => t.GetProperty("meldingId").GetInt64()).ToList();
            Assert.Equal(15, actual.Count);
            Assert.Equal(expected, actual);
        }
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
