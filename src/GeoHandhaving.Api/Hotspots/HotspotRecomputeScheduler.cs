using GeoHandhaving.Core.TimeWindows;
using Hangfire;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>Configuration section "Hotspots".</summary>
public sealed class HotspotsOptions
{
    public const string Section = "Hotspots";
    /// <summary>Nightly recompute of every gemeente, cron in Europe/Amsterdam time.</summary>
    public string NightlyCron { get; set; } = "30 3 * * *";
    /// <summary>A recompute asked for after an import waits this long, so a burst of changes costs one run.</summary>
    public TimeSpan Debounce { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Asks Hangfire for hotspot recomputes: debounced after imports and wijkindeling activations (a queued run that finds
/// a newer completed run skips itself), and nightly for every gemeente.
/// </summary>
public sealed class HotspotRecomputeScheduler(IBackgroundJobClient jobs, Microsoft.Extensions.Options.IOptions<HotspotsOptions> options, TimeProvider clock)
{
    public const string NightlyJobId = "hotspots-nachtelijk";

    public string Request(string gemeenteId, string aanleiding) =>
        jobs.Schedule<HotspotRecomputeJob>(j => j.RunAsync(gemeenteId, aanleiding, clock.GetUtcNow(), CancellationToken.None), options.Value.Debounce);

    /// <summary>Queues a recompute now; one that starts after this request (asked on another instance too) covers it.</summary>
    public string RunNow(string gemeenteId, string aanleiding) =>
        jobs.Enqueue<HotspotRecomputeJob>(j => j.RunAsync(gemeenteId, aanleiding, clock.GetUtcNow(), CancellationToken.None));

    public static void RegisterNightly(IRecurringJobManager recurring, HotspotsOptions options) =>
        recurring.AddOrUpdate<NightlyHotspotRecompute>(NightlyJobId, j => j.RunAsync(CancellationToken.None), options.NightlyCron,
            new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });
}

/// <summary>
/// The nightly job: one recompute queued per gemeente, each its own Hangfire job so one failure does not stop the rest and
/// gemeenten recompute side by side on the workers (the lock is per gemeente).
/// </summary>
public sealed class NightlyHotspotRecompute(Data.GeoHandhavingDbContext db, HotspotRecomputeScheduler scheduler)
{
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var gemeente in await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Gemeenten.Select(g => g.Id), ct))
        {
            scheduler.RunNow(gemeente, "nachtelijke herberekening");
        }
    }
}
