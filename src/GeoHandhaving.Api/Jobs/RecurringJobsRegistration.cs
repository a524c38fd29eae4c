using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using Hangfire;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Jobs;

/// <summary>Registers every recurring job at start-up (idempotent: AddOrUpdate by a fixed id), in one visible place.</summary>
public sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<HotspotsOptions> hotspots,
    IOptions<RetentieOptions> retentie) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        HotspotRecomputeScheduler.RegisterNightly(recurring, hotspots.Value);
        MeldingenRetentie.RegisterNightly(recurring, retentie.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
