using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Core.Hotspots;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Hotspots;

[Collection(ApiCollection.Name)]
public class HotspotsApiTests : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;
    private const string Gemeente = DemoGemeenteFixture.Gemeente;

    public HotspotsApiTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private HttpClient As(string role) => _api.ClientAs(Gemeente, role);

    private static List<JsonElement> Features(JsonElement collection) => collection.GetProperty("features").EnumerateArray().ToList();

    [Fact]
    public async Task A_cached_answer_is_kept_per_gemeente_and_never_skips_authorization()
    {
        const string url = "/api/v1/hotspots/active?dag=wo&uur=8&limit=7";
        Assert.NotEmpty(Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>(url)));

        var other = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Planner);
        Assert.Empty(Features(await other.GetFromJsonAsync<JsonElement>(url)));
        Assert.Equal(HttpStatusCode.Forbidden, (await As(Roles.Intake).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Tuesday_morning_at_a_quarter_past_eight_returns_school_hotspots_with_reason_wijk_and_wijkboa()
    {
        var body = await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?at=2026-12-01T08:15&limit=50");
        var features = Features(body);
        Assert.NotEmpty(features);
        Assert.Equal(Enumerable.Range(1, features.Count), features.Select(f => f.GetProperty("properties").GetProperty("rang").GetInt32()));
        var school = features.Select(f => f.GetProperty("properties")).First(p => p.GetProperty("venster").GetString() == "schoolbrengen");
        // Streets of the demo BAG, the buurt, the nearest school:
        // "… bij Schoolweg / Molenlaan (Oude Dorp), bij RK Basisschool Sint Jozef tijdens het brengen".
        Assert.Matches("^parkeeroverlast.* bij [A-Z].* \\(.+\\), bij .+ tijdens het brengen$", school.GetProperty("reden").GetString());
        Assert.NotEmpty(school.GetProperty("scholen").EnumerateArray());
        Assert.NotEmpty(school.GetProperty("wijken").EnumerateArray());
        Assert.NotEmpty(school.GetProperty("wijkboas").EnumerateArray());
        Assert.Contains(school.GetProperty("trend").GetString(), new[] { "new", "intensifying", "persistent", "diminishing", "sporadic" });
        Assert.Contains(features[0].GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
    }

    [Fact]
    public async Task Saturday_at_eleven_in_the_evening_returns_uitgaans_hotspots_and_no_school_hotspots()
    {
        var features = Features(await As(Roles.Teamleider).GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?dag=za&uur=23&limit=50"));
        var vensters = features.Select(f => f.GetProperty("properties").GetProperty("venster").GetString()).ToList();
        Assert.Contains("uitgaansnacht", vensters);
        Assert.DoesNotContain(vensters, v => v!.StartsWith("school"));
    }

    [Fact]
    public async Task School_hotspots_are_off_in_the_christmas_holiday()
    {
        var features = Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?at=2026-12-22T08:15&limit=50"));
        Assert.DoesNotContain(features, f => f.GetProperty("properties").GetProperty("venster").GetString()!.StartsWith("school"));
    }

    [Theory]
    [InlineData("/api/v1/hotspots/active", "dag")]
    [InlineData("/api/v1/hotspots/active?dag=xx&uur=8", "dag")]
    [InlineData("/api/v1/hotspots/active?dag=di&uur=24", "uur")]
    [InlineData("/api/v1/hotspots/active?at=2026-12-01T08:15%2B01:00", "at")]
    [InlineData("/api/v1/hotspots/active?dag=di&uur=8&limit=0", "limit")]
    [InlineData("/api/v1/hotspots/active?dag=di&uur=8&crs=EPSG:3857", "crs")]
    public async Task Bad_briefing_questions_are_400_naming_the_parameter(string url, string field)
    {
        var response = await As(Roles.Planner).GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Hotspots_of_a_window_runs_and_windows_are_listed_and_intake_may_not_see_them()
    {
        var brengen = Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots?venster=schoolbrengen"));
        Assert.NotEmpty(brengen);
        Assert.All(brengen, f => Assert.Equal("schoolbrengen", f.GetProperty("properties").GetProperty("venster").GetString()));

        var runs = await As(Roles.Planner).GetFromJsonAsync<JsonElement[]>("/api/v1/hotspots/runs");
        var run = runs!.First(r => r.GetProperty("status").GetString() == "Voltooid");
        Assert.True(run.GetProperty("aantalMeldingen").GetInt32() > 40_000);
        Assert.Contains("CellSize", run.GetProperty("parameters").GetString());

        var windows = await As(Roles.Planner).GetFromJsonAsync<JsonElement[]>("/api/v1/tijdvensters");
        Assert.Contains(windows!, w => w.GetProperty("code").GetString() == "schoolhalen"
            && w.GetProperty("definitie").GetString() == "ma,di,do,vr 14:15-15:30; wo 12:00-13:00");
        Assert.Equal(171, windows!.Length);

        Assert.Equal(HttpStatusCode.Forbidden, (await As(Roles.Intake).GetAsync("/api/v1/hotspots/active?dag=di&uur=8")).StatusCode);
    }

    [Fact]
    public async Task Another_gemeente_sees_no_hotspots_of_the_demo_gemeente()
    {
        var other = await _api.NewGemeenteAsync();
        var body = await _api.ClientAs(other, Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?dag=di&uur=8");
        Assert.Empty(Features(body));
    }

    [Fact]
    public async Task A_recompute_replaces_the_run_atomically_and_readers_see_a_complete_run()
    {
        long? before = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == Gemeente && r.Status == HotspotRunStatus.Voltooid).Max(r => (long?)r.Id));
        await using var scope = _api.Services.CreateAsyncScope();
        var run = await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(Gemeente, "test", null, CancellationToken.None);
        Assert.True(run > before);
        var counts = _api.WithDb(db => (db.HotspotRuns.Single(r => r.GemeenteId == Gemeente && r.Id == run).AantalHotspots,
            db.Hotspots.Count(h => h.GemeenteId == Gemeente && h.RunId == run)));
        Assert.Equal(counts.Item1, counts.Item2);

        // Asked before that run started: the debounced job sees it is covered and does nothing.
        var skipped = await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>()
            .RunAsync(Gemeente, "import", DateTimeOffset.UtcNow.AddMinutes(-5), CancellationToken.None);
        Assert.Null(skipped);
    }

    [Fact]
    public async Task A_run_left_bezig_by_a_killed_process_is_marked_failed_by_the_next_run_and_readers_keep_the_previous()
    {
        var previous = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == Gemeente && r.Status == HotspotRunStatus.Voltooid).Max(r => r.Id));
        // What a process killed mid-run leaves behind: the run row, no hotspots (they are written in one transaction).
        var abandoned = _api.WithDb(db =>
        {
            var run = new HotspotRun
            {
                GemeenteId = Gemeente, Status = HotspotRunStatus.Bezig, GestartOp = DateTimeOffset.UtcNow.AddMinutes(-3),
                Aanleiding = "nachtelijk", Parameters = "{}"
            };
            db.HotspotRuns.Add(run);
            db.SaveChanges();
            return run.Id;
        });

        // A completed run serves (the snapshot refreshes in the background, so it may be one before the newest), never the abandoned one.
        var briefing = await As(Roles.Teamleider).GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-03&dienst=laat");
        var served = briefing.GetProperty("hotspotRun").GetInt64();
        Assert.InRange(served, 1, previous);
        Assert.Equal(HotspotRunStatus.Voltooid, _api.WithDb(db => db.HotspotRuns.Single(r => r.GemeenteId == Gemeente && r.Id == served)).Status);
        Assert.NotEmpty(Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?dag=do&uur=16&limit=3")));

        await using var scope = _api.Services.CreateAsyncScope();
        var next = await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(Gemeente, "test", null, CancellationToken.None);
        var runs = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == Gemeente && (r.Id == abandoned || r.Id == next)).ToDictionary(r => r.Id));
        Assert.Equal(HotspotRunStatus.Mislukt, runs[abandoned].Status);
        Assert.Contains("afgebroken", runs[abandoned].Fout);
        Assert.Equal(HotspotRunStatus.Voltooid, runs[next!.Value].Status);
    }

    [Fact]
    public async Task Two_recomputes_of_one_gemeente_at_once_take_turns_and_both_complete()
    {
        async Task<long?> Recompute()
        {
            await using var scope = _api.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(Gemeente, "gelijktijdig", null, CancellationToken.None);
        }

        var ids = await Task.WhenAll(Recompute(), Recompute());

        var runs = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == Gemeente && ids.Contains(r.Id)).ToList());
        Assert.Equal(2, runs.Count);
        Assert.All(runs, r => Assert.Equal((HotspotRunStatus.Voltooid, (string?)null), (r.Status, r.Fout)));
        var (first, second) = (runs.MinBy(r => r.Id)!, runs.MaxBy(r => r.Id)!);
        Assert.True(second.GestartOp >= first.VoltooidOp, "the second run started before the first had finished");
    }

    [Fact]
    public async Task Admin_can_queue_a_recompute_and_a_planner_cannot()
    {
        Assert.Equal(HttpStatusCode.Accepted, (await As(Roles.Admin).PostAsync("/api/v1/hotspots/herbereken", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await As(Roles.Planner).PostAsync("/api/v1/hotspots/herbereken", null)).StatusCode);
    }

    [Fact]
    public async Task The_hotspots_list_keeps_everything_and_filters_by_the_expected_meldingen_per_hour()
    {
        var alle = Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots?venster=schoolbrengen"));
        var sterk = Features(await As(Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/hotspots?venster=schoolbrengen&minPerUur=0.5"));
        Assert.NotEmpty(sterk);
        Assert.True(alle.Count > sterk.Count, $"{alle.Count} / {sterk.Count}");
        Assert.All(sterk, f => Assert.True(f.GetProperty("properties").GetProperty("perUur").GetDouble() >= 0.5));
        Assert.All(alle, f => Assert.False(string.IsNullOrEmpty(f.GetProperty("properties").GetProperty("plaats").GetString())));
        var fout = await As(Roles.Planner).GetAsync("/api/v1/hotspots?minPerUur=-1");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
    }

    [Fact]
    public async Task A_run_is_read_by_id_with_its_backtest_in_a_dutch_sentence_and_an_unknown_or_foreign_id_is_404()
    {
        var runs = await As(Roles.Planner).GetFromJsonAsync<JsonElement[]>("/api/v1/hotspots/runs");
        var id = runs!.First(r => r.GetProperty("status").GetString() == "Voltooid").GetProperty("id").GetInt64();

        var run = await As(Roles.Planner).GetFromJsonAsync<JsonElement>($"/api/v1/hotspots/runs/{id}");
        Assert.Equal(id, run.GetProperty("id").GetInt64());
        var backtest = run.GetProperty("backtest").EnumerateArray().ToList();
        Assert.Equal(["alle-uren", "schoolbrengen", "schoolhalen", "uitgaansnacht"], backtest.Select(b => b.GetProperty("venster").GetString()));
        foreach (var b in backtest)
        {
            var instelling = b.GetProperty("instelling").GetString()!;
            Assert.Equal(instelling, HotspotSetting.Named(instelling).Name);
            Assert.InRange(b.GetProperty("perioden").GetInt32(), 1, HotspotModel.Origins);
            var (gekozen, telling) = (b.GetProperty("gekozen"), b.GetProperty("telling"));
            Assert.True(gekozen.GetProperty("trefkans1").GetDouble() >= telling.GetProperty("trefkans1").GetDouble());
            Assert.Matches(@"^In de afgelopen (vier weken|\d perioden van vier weken) vingen deze hotspots \d+ % van de meldingen in 1 % van het gebied " +
                @"en \d+ % in 5 %; (een telling \d+ % en \d+ %|dit is een telling van de meldingen: geen andere instelling voorspelde beter)\.$",
                b.GetProperty("zin").GetString());
        }

        var onbekend = await As(Roles.Planner).GetAsync("/api/v1/hotspots/runs/999999999");
        Assert.Equal(HttpStatusCode.NotFound, onbekend.StatusCode);
        Assert.Equal("application/problem+json", onbekend.Content.Headers.ContentType?.MediaType);
        var ander = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Planner);
        Assert.Equal(HttpStatusCode.NotFound, (await ander.GetAsync($"/api/v1/hotspots/runs/{id}")).StatusCode);
    }

    [Fact]
    public async Task The_recompute_stores_exactly_what_the_model_computes_for_the_same_meldingen_and_reference()
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>();
        var id = await job.RunAsync(Gemeente, "een model", null, CancellationToken.None);
        var run = _api.WithDb(db => db.HotspotRuns.Single(r => r.GemeenteId == Gemeente && r.Id == id));
        var stored = _api.WithDb(db => db.Hotspots.Where(h => h.GemeenteId == Gemeente && h.RunId == id).ToList());

        // What geoh hotspots predict runs: HotspotModel.Run on the events, with the run's reference.
        var context = await scope.ServiceProvider.GetRequiredService<HotspotWindows>().ContextAsync(Gemeente, CancellationToken.None);
        var (events, _) = await job.LoadEventsAsync(Gemeente, run.GestartOp, CancellationToken.None);
        var model = HotspotModel.Run(events, context.Windows, HotspotRecomputeJob.ParametersFor(context, run.GestartOp, events));

        Assert.Equal(model.Choices.Select(BacktestVensterUitvoer.Van), HotspotRunUitvoer.Van(run).Backtest);
        var computed = model.Hotspots.Windows.SelectMany(w => w.Hotspots).ToList();
        Assert.Equal(computed.Count, stored.Count);
        var byKey = stored.ToDictionary(h => (h.Venster, Groep: h.Categorieen.Length == 0 ? CategoryGroup.All.Name : string.Join('+', h.Categorieen), h.Rang));
        Assert.All(computed, h =>
        {
            var s = byKey[(h.Window, h.CategoryGroup, h.Rank)];
            Assert.Equal(Math.Round(h.Observed, 3), s.Waargenomen);
            Assert.True(s.Geometrie.EqualsTopologically(h.Polygon), $"{h.Window} {h.CategoryGroup} {h.Rank}");
        });
    }
}
