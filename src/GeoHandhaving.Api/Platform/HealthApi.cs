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
    public sealed record HealthReport(string Status, bool Database, bool MigrationsCurrent, string[] PendingMigrations, bool? JobServer, int HangfireServers);

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
        GeoHandhavingDbContext db, IServiceProvider services, CancellationToken ct)
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
        var report = new HealthReport(database && pending.Length == 0 && jobServer != false ? "healthy" : "unhealthy",
            database, database && pending.Length == 0, pending, jobServer, servers.Count);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
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
