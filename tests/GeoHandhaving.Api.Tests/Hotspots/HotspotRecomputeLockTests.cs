using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>The recompute lock is per gemeente: gemeenten recompute side by side on the Hangfire workers, one gemeente takes turns.</summary>
[Collection(ApiCollection.Name)]
public class HotspotRecomputeLockTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task A_gemeente_recomputes_on_the_workers_while_another_gemeente_waits_for_its_own_lock()
    {
        var (waiting, other) = (await _api.NewGemeenteAsync(), await _api.NewGemeenteAsync());
        var scheduler = _api.Services.GetRequiredService<HotspotRecomputeScheduler>();
        await using var dataSource = NpgsqlDataSource.Create(ApiFactory.ConnectionString);
        await using var held = await dataSource.OpenConnectionAsync();
        await RecomputeLock.HoldAsync(held, waiting);
        try
        {
            var waitingJob = scheduler.RunNow(waiting, "test: wacht op het slot");
            await Poll.UntilAsync(() => RecomputeLock.IsWaitedForAsync(dataSource, waiting), "the recompute of the locked gemeente never asked for its lock");

            // The worker of the waiting gemeente is busy: the other gemeente's recompute runs on the other worker and completes.
            await WaitForSucceededAsync(scheduler.RunNow(other, "test: naast de andere"));
            Assert.Equal(1, CompletedRuns(other));
            Assert.Equal(0, CompletedRuns(waiting));
            Assert.Equal(ProcessingState.StateName, JobState(waitingJob));
        }
        finally
        {
            await RecomputeLock.ReleaseAsync(held, waiting);
        }
        await Poll.UntilAsync(() => CompletedRuns(waiting) == 1, "the waiting gemeente did not recompute once its lock was free");
    }

    [Fact]
    public async Task One_gemeente_asked_twice_at_once_takes_turns_and_runs_once()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var jobs = _api.Services.GetRequiredService<IBackgroundJobClient>();
        var asked = DateTimeOffset.UtcNow;

        string[] ids =
        [
            .. Enumerable.Range(0, 2).Select(_ => jobs.Enqueue<HotspotRecomputeJob>(j => j.RunAsync(gemeente, "tweemaal", asked, CancellationToken.None))),
        ];
        foreach (var id in ids)
        {
            await WaitForSucceededAsync(id);
        }

        var runs = _api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == gemeente).ToList());
        var run = Assert.Single(runs);
        Assert.Equal(HotspotRunStatus.Voltooid, run.Status);
        Assert.True(run.GestartOp >= asked);
    }

    private int CompletedRuns(string gemeente) =>
        _api.WithDb(db => db.HotspotRuns.Count(r => r.GemeenteId == gemeente && r.Status == HotspotRunStatus.Voltooid));

    private string? JobState(string jobId)
    {
        using var connection = _api.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    private async Task WaitForSucceededAsync(string jobId)
    {
        await Poll.UntilAsync(() => JobState(jobId) is { } state && (state == SucceededState.StateName || state == FailedState.StateName),
            $"job {jobId} did not finish");
        Assert.Equal(SucceededState.StateName, JobState(jobId));
    }
}
