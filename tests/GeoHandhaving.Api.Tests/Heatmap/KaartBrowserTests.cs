using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using static GeoHandhaving.Api.Tests.Heatmap.HeatmapTestData;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>
/// The map page in a real browser against the API on a real Kestrel port. Chromium is the system one (scripts/install-deps.sh
/// test); it is driven by playwright-core from npm (tests/…/Heatmap/browser), not the ~800 MB Playwright NuGet package.
/// </summary>
[Collection(ApiCollection.Name)]
public class KaartBrowserTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;
    private static readonly string BrowserFolder = SharedData.Repo("tests/GeoHandhaving.Api.Tests/Heatmap/browser");

    [Fact]
    public async Task The_hour_slider_window_and_period_refilter_the_tiles_the_map_is_drawn_and_clicks_open_details()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var cellen = from dx in new[] { 0, 25, 50 } from dy in new[] { 0, 25 } select (dx, dy);
        await ImportAsync(_api, gemeente, cellen.SelectMany(c => InCel(6, X + c.dx, Y + c.dy)).ToList());
        await WijkAsync(_api, gemeente, "W1", new Envelope(X - 200, X + 250, Y - 150, Y + 200));
        await HotspotRunAsync(_api, gemeente, X - 100, Y - 100, "schoolbrengen", DateTimeOffset.UtcNow);

        await using var kestrel = _api.WithWebHostBuilder(b => b.UseSetting("Kaart:BasemapUrl", ""));
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        var baseUrl = kestrel.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        if (!Directory.Exists(Path.Combine(BrowserFolder, "node_modules", "playwright-core")))
        {
            var install = await ExternalTool.RunAsync("npm", BrowserFolder, "ci", "--no-audit", "--no-fund");
            Assert.True(install.ExitCode == 0, install.Error);
        }
        var screenshot = SharedData.Repo(".artifacts/kaart-uur-8.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        var run = await ExternalTool.RunAsync("node", BrowserFolder, "kaart-test.mjs", baseUrl, _api.Token(gemeente, Roles.Planner), screenshot);
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;

        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        var tiles = report.GetProperty("tileRequests").EnumerateArray().ToList();
        Assert.All(tiles, t => Assert.StartsWith("Bearer ", t.GetProperty("authorization").GetString()));
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/heatmap/") && !t.GetProperty("url").GetString()!.Contains("uur="));
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/heatmap/") && t.GetProperty("url").GetString()!.Contains("uur=8")
            && t.GetProperty("status").GetInt32() == 200);
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/wijken/") && t.GetProperty("status").GetInt32() == 200);
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/hotspots/") && t.GetProperty("status").GetInt32() == 200);
        // Six cells of 25 m at zoom 15 plus outlines: thousands of coloured pixels, far from a blank canvas.
        Assert.True(report.GetProperty("nonBackgroundPixels").GetProperty("na").GetInt32() > 1000, run.Output);

        Assert.StartsWith("Hotspot 1", report.GetProperty("hotspotPopup").GetString());
        Assert.Contains("schoolbrengen", report.GetProperty("hotspotPopup").GetString());
        // The wijk's popup: its name in bold, then its code (textContent runs them together).
        Assert.StartsWith("Wijk W1W1", report.GetProperty("wijkPopup").GetString());

        // The meldingen (Monday 5 October 08:00) fall in schoolbrengen and after 1 October: still drawn, filtered by both.
        Assert.Contains("schoolbrengen", report.GetProperty("vensters").EnumerateArray().Select(v => v.GetString()));
        Assert.DoesNotContain(report.GetProperty("vensters").EnumerateArray(), v => v.GetString()!.StartsWith("uur-"));
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/heatmap/") && t.GetProperty("url").GetString()!.Contains("venster=schoolbrengen")
            && t.GetProperty("url").GetString()!.Contains("van=2026-") && t.GetProperty("status").GetInt32() == 200);
        Assert.Contains(tiles, t => t.GetProperty("url").GetString()!.Contains("/hotspots/") && t.GetProperty("url").GetString()!.Contains("venster=schoolbrengen")
            && t.GetProperty("status").GetInt32() == 200);
        Assert.True(report.GetProperty("nonBackgroundPixels").GetProperty("venster").GetInt32() > 1000, run.Output);
        Assert.True(File.Exists(screenshot));
    }
}
