using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.Extensions.DependencyInjection;
using static GeoHandhaving.Api.Tests.Heatmap.HeatmapTestData;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>
/// The heatmap's venster filter (SQL) must count exactly the meldingen the hotspot engine's <see cref="TimeWindow.Contains"/>
/// counts: the same windows of the gemeente, midnight crossing, DST, categories and school holidays.
/// </summary>
[Collection(ApiCollection.Name)]
public class HeatmapVensterTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;
    private static readonly string[] Categorieen = ["parkeeroverlast", "jeugdoverlast", "geluidsoverlast", "afval"];
    private const string EigenVenster = "marktdag";

    [Fact]
    public async Task Every_window_counts_in_SQL_what_the_hotspot_engine_counts_in_Core()
    {
        var calendar = SchoolCalendar.Load(GeoHandhaving.Testing.SharedData.Repo("data/schoolvakanties.csv"));
        await using (var scope = _api.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SchoolCalendarStore>().ImportAsync(calendar, CancellationToken.None);
        }
        // Every 29 minutes from 8 October to 4 November 2026: the herfstvakantie (noord 17–25 October) and the night the
        // clocks go back (25 October) fall inside, and each time of day comes round on many weekdays.
        var start = new DateTimeOffset(2026, 10, 8, 0, 0, 0, TimeSpan.Zero);
        var meldingen = Enumerable.Range(0, 1340).Select(i => new TestMelding(X + 5 + i % 10, Y + 10,
            Categorieen[i % Categorieen.Length], start.AddMinutes(29 * i).ToString("O", CultureInfo.InvariantCulture))).ToList();
        var gemeente = await _api.NewGemeenteAsync();
        await ImportAsync(_api, gemeente, meldingen);
        _api.WithDb(db =>
        {
            db.Tijdvensters.Add(new Tijdvenster
            {
                GemeenteId = gemeente, Code = EigenVenster, Naam = "Markt", Definitie = "za 07:30-14:00; wo 23:00-01:30",
                Categorieen = ["afval"]
            });
            return db.SaveChanges();
        });
        var planner = _api.ClientAs(gemeente, Roles.Planner);
        var minimum = (await planner.GetFromJsonAsync<JsonElement>("/kaart/config.json")).GetProperty("minimumPerCel").GetInt32();

        TimeWindow[] windows =
        [
            .. DefaultTimeWindows.Named,
            TimeWindowParser.Parse(EigenVenster, "za 07:30-14:00; wo 23:00-01:30", ["afval"]),
            .. DefaultTimeWindows.HoursOfWeek.Where(w => w.Name is "uur-zo-02" or "uur-zo-03" or "uur-vr-23" or "uur-ma-00" or "uur-wo-08"),
        ];
        foreach (var window in windows)
        {
            var expected = meldingen.Count(m => window.Contains(DateTimeOffset.Parse(m.GemeldOp, CultureInfo.InvariantCulture), calendar, SchoolRegio.Noord)
                && (window.Categories.Count == 0 || window.Categories.Contains(m.Categorie)));
            var cellen = await planner.GetFromJsonAsync<JsonElement>($"/api/v1/heatmap?cel=5000&venster={window.Name}");
            var actual = cellen.GetProperty("features").EnumerateArray().Sum(f => f.GetProperty("properties").GetProperty("count").GetInt64());
            Assert.True(expected >= minimum, $"{window.Name}: the test data should put at least {minimum} meldingen in the window, not {expected}");
            Assert.True(expected == actual, $"{window.Name}: Core counts {expected}, the heatmap {actual}");
        }
    }
}
