using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Heatmap;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>
/// The printable briefing in the system Chromium (playwright-core from npm, as the map page test): every wijk's map holds
/// the numbered places of its list, drawn inside the map, its school names as rendered cover no number, no other name
/// and no edge, and the document prints to PDF on A4 without fetching anything, a page per wijk with its map and list together.
/// </summary>
[Collection(ApiCollection.Name)]
public class BriefingBrowserTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;

    public BriefingBrowserTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    [Fact]
    public async Task The_printed_briefing_shows_every_wijk_map_with_the_numbered_places_of_its_list()
    {
        var html = await _api.ClientAs(DemoGemeenteFixture.Gemeente, Roles.Teamleider)
            .GetStringAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html");
        var artifacts = SharedData.Repo(".artifacts");
        Directory.CreateDirectory(artifacts);
        var (file, pdf, png) = (Path.Combine(artifacts, "briefing.html"), Path.Combine(artifacts, "briefing.pdf"), Path.Combine(artifacts, "briefing.png"));
        await File.WriteAllTextAsync(file, html);

        var run = await ExternalTool.RunBrowserScriptAsync("briefing-test.mjs", file, pdf, png);
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonDocument.Parse(run.Output).RootElement;

        Assert.Empty(report.GetProperty("errors").EnumerateArray());
        Assert.Empty(report.GetProperty("requests").EnumerateArray()); // offline: no basemap configured, nothing fetched
        Assert.Equal("Briefing dinsdag 1 december 2026, vroege dienst", report.GetProperty("title").GetString());
        var wijken = report.GetProperty("wijken").EnumerateArray().ToList();
        Assert.Equal(8, wijken.Count);
        foreach (var wijk in wijken)
        {
            var naam = wijk.GetProperty("wijk").GetString();
            Assert.True(wijk.GetProperty("kaart").GetBoolean() && wijk.GetProperty("wijkOmtrek").GetBoolean(), naam);
            Assert.True(wijk.GetProperty("kaartBreedte").GetDouble() > 300, naam);
            Assert.Matches(@"^\d+ k?m$", wijk.GetProperty("schaalbalk").GetString());
            Assert.True(wijk.GetProperty("scholen").GetInt32() > 0, naam);
            // Every school's name (or letter) is readable inside the map, also for a school near its right edge, and covers
            // no marker and no other name as Chromium sets it; a lettered school is named in the legend.
            Assert.All(wijk.GetProperty("schoolNamen").EnumerateArray(),
                s => Assert.True(s.GetProperty("zichtbaar").GetBoolean(), $"{naam}: {s.GetProperty("naam")}"));
            Assert.Empty(wijk.GetProperty("botsingen").EnumerateArray().Select(b => $"{naam}: {b.GetString()}"));
            Assert.All(wijk.GetProperty("schoolNamen").EnumerateArray().Where(s => s.GetProperty("letter").GetBoolean()),
                s => Assert.True(s.GetProperty("inLegenda").GetBoolean(), $"{naam}: {s.GetProperty("naam")}"));
            Assert.All(wijk.GetProperty("schoolNamen").EnumerateArray().Where(s => !s.GetProperty("letter").GetBoolean()),
                s => Assert.Equal(s.GetProperty("naam").GetString(), s.GetProperty("tekst").GetString()));
            var lijst = wijk.GetProperty("lijst").EnumerateArray().Select(n => n.GetInt32()).ToList();
            var opKaart = wijk.GetProperty("opKaart").EnumerateArray().ToList();
            Assert.Equal(lijst, opKaart.Select(o => o.GetProperty("nummer").GetInt32()).Order().ToList());
            Assert.All(opKaart, o => Assert.True(o.GetProperty("zichtbaar").GetBoolean(), $"{naam} nr {o.GetProperty("nummer")}"));
            Assert.All(opKaart, o => Assert.Equal(o.GetProperty("nummer").GetInt32().ToString(), o.GetProperty("tekst").GetString()));
        }
        Assert.True(wijken.Sum(w => w.GetProperty("lijst").GetArrayLength()) >= 8);
        Assert.Contains("Plekken om te bezoeken", report.GetProperty("text").GetString());
        Assert.True(new FileInfo(pdf).Length > 10_000);

        // In print every wijk starts a page headed with the date and dienst, its map and list fit on one page and stay together.
        var druk = report.GetProperty("druk");
        var paginaHoogte = druk.GetProperty("paginaHoogte").GetDouble();
        var perWijk = druk.GetProperty("wijken").EnumerateArray().ToList();
        Assert.All(perWijk, w => Assert.True(w.GetProperty("nieuwePagina").GetBoolean() && w.GetProperty("bijElkaar").GetBoolean(),
            w.GetProperty("wijk").GetString()));
        Assert.All(perWijk, w => Assert.True(w.GetProperty("hoogte").GetDouble() < paginaHoogte, $"{w.GetProperty("wijk")}: {w.GetProperty("hoogte")} px"));
        Assert.All(perWijk.Skip(1),
            w => Assert.Equal("Briefing dinsdag 1 december 2026 – vroege dienst (07:00–15:00)", w.GetProperty("printkop").GetString()));
        Assert.InRange(druk.GetProperty("paginas").GetInt32(), 8, 24);
    }
}
