using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>
/// The map page in a real browser against the API on a real Kestrel port, with the demo gemeente as scripts/run.sh loads
/// it. Chromium is the system one (scripts/install-deps.sh test); it is driven by playwright-core from npm
/// (tests/…/Heatmap/browser), not the ~800 MB Playwright NuGet package.
/// </summary>
[Collection(ApiCollection.Name)]
public class KaartBrowserTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;

    public KaartBrowserTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    /// <summary>Runs kaart-test.mjs against <paramref name="baseUrl"/>, signing in as <paramref name="aanmelding"/> says.</summary>
    public static async Task<JsonElement> RunBrowserAsync(string baseUrl, object aanmelding, string screenshotName, bool kort = false)
    {
        var screenshot = SharedData.Repo($".artifacts/{screenshotName}");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var run = await ExternalTool.RunBrowserScriptAsync("kaart-test.mjs",
            [baseUrl, JsonSerializer.Serialize(aanmelding), screenshot, .. kort ? new[] { "kort" } : []]);
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;
        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        // Signed in by the session cookie alone: tiles carry no Authorization header, the page can read no token.
        Assert.All(report.GetProperty("tileRequests").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("authorization").ValueKind));
        Assert.Equal("""{"local":{},"session":{},"cookie":""}""", report.GetProperty("storage").GetString());
        var cookie = Assert.Single(report.GetProperty("cookies").EnumerateArray());
        Assert.True(cookie.GetProperty("httpOnly").GetBoolean());
        Assert.Equal("Lax", cookie.GetProperty("sameSite").GetString());
        Assert.True(report.GetProperty("nonBackgroundPixels").GetProperty("alle").GetInt32() > 1000, report.ToString());
        return report;
    }

    [Fact]
    public async Task The_demo_heatmap_changes_from_8_to_23_hours_and_window_period_and_clicks_work()
    {
        await using var kestrel = _api.WithWebHostBuilder(b => b.UseSetting("Kaart:BasemapUrl", "").UseSetting("urls", ApiFactory.FreeUrl()));
        kestrel.UseKestrel();
        kestrel.StartServer();
        var baseUrl = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // Without an identity provider the map page sends the planner to the local sign-in page, which says it is for development.
        var report = await RunBrowserAsync(baseUrl, new { lokaal = new { gemeente = DemoGemeenteFixture.Gemeente, rol = Roles.Planner } }, "kaart-uur-23.png");
        Assert.Contains("/aanmelden?terug=", report.GetProperty("aanmeldPagina").GetString());
        Assert.Contains("Alleen voor ontwikkeling", report.GetProperty("ontwikkelingTekst").GetString());
        var tiles = report.GetProperty("tileRequests").EnumerateArray()
            .Select(t => (Url: t.GetProperty("url").GetString()!, Status: t.GetProperty("status").GetInt32())).ToList();
        Assert.All(tiles, t => Assert.True(t.Status is 200 or 204, $"{t.Url}: {t.Status}"));
        bool Requested(string layer, params string[] filters) =>
            tiles.Any(t => t.Url.Contains($"/{layer}/") && t.Status == 200 && filters.All(t.Url.Contains));
        Assert.True(Requested("heatmap", "uur=8"));
        Assert.True(Requested("heatmap", "uur=23"));
        Assert.True(Requested("wijken"));

        // What the planner sees: the heatmap's cells at 08:00 are not those at 23:00, and the map is drawn both times.
        var cellen = report.GetProperty("heatmapCellen");
        Assert.True(cellen.GetProperty("uur8").GetString() != cellen.GetProperty("uur23").GetString(), report.ToString());
        Assert.True(report.GetProperty("nonBackgroundPixels").GetProperty("uur8").GetInt32() > 1000, report.ToString());
        Assert.True(report.GetProperty("nonBackgroundPixels").GetProperty("uur23").GetInt32() > 1000, report.ToString());

        // A run holds hotspots of every window (171 by default): without a window (or weekday and hour) the page shows none of them.
        Assert.False(report.GetProperty("hotspotsZichtbaarZonderVenster").GetBoolean());
        Assert.Equal("hotspots: schoolbrengen", report.GetProperty("hotspotVensterTekst").GetString());
        // A hotspot reads as the briefing names it: the place in words (bold; textContent runs it into the next line), the
        // window, the meldingen expected per hour and the trend in Dutch, the wijk by name; no machine codes.
        var hotspotPopup = report.GetProperty("hotspotPopup").GetString()!;
        var plaatsen = _api.WithDb(db => db.Hotspots.Where(h => h.GemeenteId == DemoGemeenteFixture.Gemeente && h.Venster == "schoolbrengen"
            && h.Plaats != null).Select(h => h.Plaats!).Distinct().ToList());
        Assert.Contains(plaatsen, hotspotPopup.StartsWith);
        Assert.Matches("venster: schoolbrengen; .+verwacht \\d+(,\\d)? meldingen per uur, (nieuw|toenemend|aanhoudend|afnemend|sporadisch)wijk: [A-Z]",
            hotspotPopup);
        Assert.DoesNotMatch("new|intensifying|persistent|diminishing|sporadic|WK\\d", hotspotPopup);
        var wijkPopup = report.GetProperty("wijkPopup").GetString()!;
        // Name in bold, then the code: textContent runs them together.
        Assert.Contains(_api.WithDb(db => db.Wijken.Where(w => w.GemeenteId == DemoGemeenteFixture.Gemeente).Select(w => w.Naam + w.Code).ToList()),
            wijkPopup.StartsWith);

        Assert.Contains("schoolbrengen", report.GetProperty("vensters").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain(report.GetProperty("vensters").EnumerateArray(), v => v.GetString()!.StartsWith("uur-"));
        Assert.True(Requested("heatmap", "venster=schoolbrengen", "van="), string.Join("\n", tiles.Where(t => t.Url.Contains("venster"))
            .Select(t => $"{t.Status} {t.Url}")));
        Assert.True(Requested("hotspots", "venster=schoolbrengen"));
        Assert.True(File.Exists(SharedData.Repo(".artifacts/kaart-uur-23.png")));
    }
}
