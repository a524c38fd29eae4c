using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Gemeenten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoHandhaving.Cli.Infrastructure;

/// <summary>
/// The services a command needs, configured exactly like the API (appsettings.json, then environment variables
/// such as ConnectionStrings__GeoHandhaving, which scripts/geoh sets for the local PostGIS).
/// </summary>
internal static class CliHost
{
    public static IConfiguration Configuration { get; } = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static ServiceProvider BuildServices(Action<IServiceCollection>? extra = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Configuration);
        services.AddLogging(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            // EF logs the probe of a missing history table as an error on a fresh database; it is expected.
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None)
            // The line of each hotspot run: its meldingen, hotspots and the seconds of each step.
            .AddFilter(typeof(Api.Hotspots.HotspotRecomputeJob).FullName, LogLevel.Information));
        services.AddSingleton(TimeProvider.System);
        services.AddData(Configuration);
        extra?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>Creates the gemeente (tenant) row when it does not exist yet; returns its code.</summary>
    public static async Task<string> EnsureGemeenteAsync(IServiceProvider services, string code, CancellationToken ct, string? naam = null)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GemeenteStore>().EnsureAsync(code, naam, ct)).Id;
    }
}
