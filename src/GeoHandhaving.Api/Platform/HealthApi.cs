using GeoHandhaving.Api.Data;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Platform;

public static class HealthApi
{
    public sealed record HealthReport(string Status, bool Database, bool MigrationsCurrent, string[] PendingMigrations, bool Hangfire);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", GetHealth)
            .AllowAnonymous()
            .WithName("Health")
            .WithSummary("Database reachable, migrations current, Hangfire up")
            .WithTags("Platform");
        return app;
    }

    internal static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> GetHealth(
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
        var hangfire = database && HangfireIsUp(services);
        var report = new HealthReport(database && pending.Length == 0 && hangfire ? "healthy" : "unhealthy",
            database, database && pending.Length == 0, pending, hangfire);
        return report.Status == "healthy"
            ? TypedResults.Ok(report)
            : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static bool HangfireIsUp(IServiceProvider services)
    {
        try
        {
            var storage = services.GetService<JobStorage>();
            return storage?.GetMonitoringApi().Servers().Count > 0;
        }
        catch (Exception e) when (ProblemExceptionHandler.IsDatabaseUnavailable(e))
        {
            return false;
        }
    }
}
