using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Platform;

/// <summary>The one filter rule: an unknown venster, categorie or wijk is 400 listing the known values, on every endpoint.</summary>
[Collection(ApiCollection.Name)]
public class UnknownFilterValueTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;

    public UnknownFilterValueTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private HttpClient Teamleider => _api.ClientAs(DemoGemeenteFixture.Gemeente, Roles.Teamleider, Roles.Planner);

    [Theory]
    [InlineData("/api/v1/hotspots?venster=bestaatniet", "venster", "schoolbrengen")]
    [InlineData("/api/v1/hotspots?categorie=bestaatniet", "categorie", "parkeeroverlast")]
    [InlineData("/api/v1/hotspots/active?dag=di&uur=8&categorie=bestaatniet", "categorie", "parkeeroverlast")]
    [InlineData("/api/v1/heatmap?venster=bestaatniet", "venster", "uitgaansnacht")]
    [InlineData("/api/v1/heatmap?categorie=bestaatniet", "categorie", "afval")]
    [InlineData("/api/v1/tiles/hotspots/14/8414/5384.mvt?venster=bestaatniet", "venster", "schoolbrengen")]
    [InlineData("/api/v1/tiles/meldingen/14/8414/5384.mvt?categorie=bestaatniet", "categorie", "afval")]
    [InlineData("/api/v1/tiles/heatmap.json?categorie=bestaatniet", "categorie", "afval")]
    [InlineData("/api/v1/meldingen?categorie=bestaatniet", "categorie", "afval")]
    [InlineData("/api/v1/meldingen?wijk=bestaatniet", "wijk", null)]
    [InlineData("/api/v1/meldingen/export.csv?wijk=bestaatniet", "wijk", null)]
    [InlineData("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&wijk=bestaatniet", "wijk", null)]
    public async Task An_unknown_filter_value_is_400_naming_the_field_and_listing_the_known_values(string url, string field, string? known)
    {
        var response = await Teamleider.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://geohandhaving.nl/problems/unknown-value", problem.GetProperty("type").GetString());
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal("bestaatniet", problem.GetProperty("value").GetString());
        var bekend = problem.GetProperty("bekend").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.NotEmpty(bekend);
        if (known is not null) Assert.Contains(known, bekend);
        Assert.Contains(bekend[0]!, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_known_value_is_matched_regardless_of_case_and_filters_as_before()
    {
        var wijk = (await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/wijken")).GetProperty("features")[0]
            .GetProperty("properties").GetProperty("code").GetString()!;
        var meldingen = await Teamleider.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen?wijk={wijk.ToLowerInvariant()}&categorie=AFVAL&limit=5");
        Assert.All(meldingen.GetProperty("features").EnumerateArray(), f =>
        {
            Assert.Equal(wijk, f.GetProperty("properties").GetProperty("wijk").GetString());
            Assert.Equal("afval", f.GetProperty("properties").GetProperty("categorie").GetString());
        });
        var hotspots = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/hotspots?venster=SchoolBrengen");
        Assert.All(hotspots.GetProperty("features").EnumerateArray(),
            f => Assert.Equal("schoolbrengen", f.GetProperty("properties").GetProperty("venster").GetString()));
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>($"/api/v1/briefing?datum=2026-12-01&dienst=vroeg&wijk={wijk}");
        Assert.Equal(wijk, Assert.Single(briefing.GetProperty("wijken").EnumerateArray()).GetProperty("wijk").GetString());
    }
}
