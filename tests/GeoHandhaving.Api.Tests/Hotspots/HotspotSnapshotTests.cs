using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>Readers never wait for a new run, and no melding is left out of the runs that follow it.</summary>
[Collection(ApiCollection.Name)]
public class HotspotSnapshotTests(ApiFixture fixture)
{
    private static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task The_previous_snapshot_serves_while_a_new_run_is_loaded_in_the_background()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await AddMeldingenAsync(gemeente, 500);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var current = new CurrentHotspots(_api.Services.GetRequiredService<NpgsqlDataSource>(),
            _api.Services.GetRequiredService<IServiceScopeFactory>(), clock, NullLogger<CurrentHotspots>.Instance);
        var first = await RecomputeAsync(gemeente);
        Assert.Equal(first, (await current.GetAsync(gemeente, CancellationToken.None))!.RunId);

        var second = await RecomputeAsync(gemeente);
        clock.Advance(TimeSpan.FromSeconds(6));

        // Due for a check, the reader gets the previous run's snapshot at once; the check and the loading go on without it.
        Assert.Equal(first, (await current.GetAsync(gemeente, CancellationToken.None))!.RunId);
        await Poll.UntilAsync(async () => (await current.GetAsync(gemeente, CancellationToken.None))!.RunId == second,
            "the new run's snapshot was never loaded");
    }

    [Fact]
    public async Task Meldingen_filed_while_a_run_is_busy_are_each_in_a_run_that_starts_after_they_were_stored_within_the_debounce()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await AddMeldingenAsync(gemeente, 200);
        await using var instance = _api.Variant(b => b.UseSetting("Hotspots:Debounce", Debounce.ToString()));
        var intake = instance.CreateClient();
        intake.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.Intake));
        var dataSource = _api.Services.GetRequiredService<NpgsqlDataSource>();

        // The run stays busy while the test holds the hotspot table: it has read its meldingen and waits to write.
        await using var holder = await dataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await new NpgsqlCommand("LOCK TABLE hotspot IN SHARE MODE", holder, hold).ExecuteNonQueryAsync();
        var busy = RecomputeAsync(gemeente);
        await Poll.UntilAsync(() => WaitsToWriteHotspotsAsync(dataSource), "the first run never came to writing its hotspots");
        var stored = new List<DateTimeOffset>();
        for (var i = 0; i < 3; i++)
        {
            var response = await intake.PostAsJsonAsync("/api/v1/meldingen", new
            {
                bron = "KCC", externId = Guid.NewGuid().ToString(), categorie = "afval", gemeldOp = DateTimeOffset.UtcNow.AddMinutes(-1),
                lon = 4.88, lat = 52.36,
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
            stored.Add(_api.WithDb(db => db.Meldingen.Single(m => m.GemeenteId == gemeente && m.Id == id).AangemaaktOp));
        }
        // The debounced recompute is due while the first run is still busy: it must not count that run as covering it. The
        // hold is short: the runs of other gemeenten wait for the hotspot table too.
        await Task.Delay(Debounce + TimeSpan.FromSeconds(1.5));
        Assert.True(_api.WithDb(db => db.HotspotRuns.Any(r => r.GemeenteId == gemeente && r.Status == HotspotRunStatus.Bezig)));
        await hold.RollbackAsync();
        var busyRun = await busy;

        var lastStored = stored[^1];
        await Poll.UntilAsync(() => _api.WithDb(db => db.HotspotRuns.Any(r =>
            r.GemeenteId == gemeente && r.Status == HotspotRunStatus.Voltooid && r.GestartOp >= lastStored)), "no run followed the meldingen");
        var busyRunDone = _api.WithDb(db => db.HotspotRuns.Single(r => r.GemeenteId == gemeente && r.Id == busyRun)).VoltooidOp!.Value;
        Assert.Equal(200, _api.WithDb(db => db.HotspotRuns.Single(r => r.GemeenteId == gemeente && r.Id == busyRun)).AantalMeldingen);
        foreach (var storedAt in stored)
        {
            var next = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == gemeente && r.Status == HotspotRunStatus.Voltooid
                && r.GestartOp >= storedAt).OrderBy(r => r.GestartOp).First());
            Assert.Equal(200 + stored.Count, next.AantalMeldingen);
            // Within the debounce, or as soon as the busy run let go of the gemeente's lock (plus the job poll interval).
            var latest = (storedAt + Debounce > busyRunDone ? storedAt + Debounce : busyRunDone) + TimeSpan.FromSeconds(5);
            Assert.True(next.GestartOp <= latest, $"run {next.Id} started at {next.GestartOp:O}, after {latest:O}");
        }
    }

    private static async Task<bool> WaitsToWriteHotspotsAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted AND relation = 'hotspot'::regclass)");
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> RecomputeAsync(string gemeente)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(gemeente, "test", null, CancellationToken.None))!.Value;
    }

    /// <summary>Meldingen on a 100 × 100 grid of 10 m in the middle of Amsterdam, one an hour back from now.</summary>
    private async Task AddMeldingenAsync(string gemeente, int count)
    {
        await using var command = _api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            INSERT INTO melding (gemeente_id, bron, extern_id, categorie, gemeld_op, locatie, geocode_status, status, aangemaakt_op)
            SELECT @gemeente, 'test', 'rij-' || i, 'afval', now() - i * interval '1 hour',
                   ST_SetSRID(ST_MakePoint(121000 + (i % 100) * 10, 487000 + (i / 100 % 100) * 10), 28992), 'Punt', 'Nieuw', now()
            FROM generate_series(1, @count) i
            """);
        command.Parameters.AddWithValue("gemeente", gemeente);
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
    }
}
