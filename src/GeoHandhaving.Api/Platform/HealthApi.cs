using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Jobs;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Platform;

public static class HealthApi
{
    /// <param name="JobServer">This instance's Hangfire server is up; null on an API-only instance (Jobs:RunServer=false),
    /// whose health must not depend on job servers elsewhere.</param>
    /// <param name="HangfireServers">Job servers alive in the whole deployment (0: nothing runs recomputes or imports).</param>
    /// <param name="Waarschuwingen">What needs attention without making the service unhealthy, e.g. a school calendar that
    /// ends within the coming weeks.</param>
    public sealed record HealthReport(string Status, bool Database, bool MigrationsCurrent, string[] PendingMigrations, bool? JobServer, int HangfireServers,
        string[] Waarschuwingen);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Lees)
            .AllowAnonymous()
            .WithName("Health")
            .WithSummary("Database reachable, migrations current, this instance's Hangfire server up (when it runs one); 503 otherwise")
            .WithTags("Platform");
        return app;
    }

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> Lees(
        GeoHandhavingDbContext db, IServiceProvider services, Hotspots.SchoolCalendarStore calendars, TimeProvider clock, CancellationToken ct)
    {
        bool database;
        string[] pending = [];
        try
        {
            database = await db.Database.CanConnectAsync(ct);
            if (database)
            {
                pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToArray();
            }
        }
        catch (Exception e) when (ProblemExceptionHandler.IsDatabaseUnavailable(e))
        {
            database = false;
        }
        var servers = database ? HangfireServers(services) : [];
        bool? jobServer = services.GetRequiredService<IOptions<JobsOptions>>().Value.RunServer
            ? servers.Any(name => name.StartsWith(JobsOptions.ServerName + ":", StringComparison.Ordinal))
            : null;
        var waarschuwingen = database && pending.Length == 0 ? await KalenderWaarschuwingenAsync(db, calendars, clock, ct) : [];
        var report = new HealthReport(database && pending.Length == 0 && jobServer != false ? "healthy" : "unhealthy",
            database, database && pending.Length == 0, pending, jobServer, servers.Count, waarschuwingen);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Per school regio of the gemeenten served: does the calendar know the coming weeks?</summary>
    private static async Task<string[]> KalenderWaarschuwingenAsync(GeoHandhavingDbContext db, Hotspots.SchoolCalendarStore calendars, TimeProvider clock,
        CancellationToken ct)
    {
        var regios = await db.Gemeenten.Select(g => g.SchoolRegio).Distinct().ToListAsync(ct);
        if (regios.Count == 0) return [];
        var kalender = await calendars.LoadAsync(ct);
        var over = DateOnly.FromDateTime(Core.TimeWindows.AmsterdamTime.ToLocal(clock.GetUtcNow()).DateTime).AddDays(Hotspots.SchoolCalendarStore.Vooruit.Days);
        return [.. regios.Select(r => Enum.TryParse<Core.TimeWindows.SchoolRegio>(r, ignoreCase: true, out var regio) ? regio : Core.TimeWindows.SchoolRegio.Noord)
            .Distinct().Order().Select(regio => Hotspots.SchoolCalendarStore.Waarschuwing(kalender, regio, over)).OfType<string>()];
    }

    private static List<string> HangfireServers(IServiceProvider services)
    {
        try
        {
            return services.GetService<JobStorage>()?.GetMonitoringApi().Servers().Select(s => s.Name).ToList() ?? [];
        }
        catch (Exception e) when (ProblemExceptionHandler.IsDatabaseUnavailable(e))
        {
            return [];
        }
    }
}
