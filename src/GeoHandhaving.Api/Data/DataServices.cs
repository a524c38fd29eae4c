using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace GeoHandhaving.Api.Data;

public static class DataServices
{
    public const string ConnectionStringName = "GeoHandhaving";

    public static IServiceCollection AddData(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
            ?? throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (scripts/run.sh and scripts/test.sh set it for the local PostGIS).");
        var dataSource = BuildDataSource(connectionString);
        services.AddSingleton(dataSource);
        services.AddScoped<Gemeenten.GemeenteStore>();
        services.AddDbContext<GeoHandhavingDbContext>(o => Configure(o, dataSource));
        // Keys in the database, so every API instance can read what another encrypted; encrypted themselves when configured.
        services.AddDataProtection().SetApplicationName("GeoHandhaving").PersistKeysToDbContext<GeoHandhavingDbContext>()
            .ProtectKeysFromConfiguration(configuration);
        return services;
    }

    public static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        return builder.Build();
    }

    /// <summary>
    /// Applies the migrations without the 30 s command timeout: a migration that fills a table from the meldingen
    /// (HeatmapCellen) takes minutes on millions of them. The one way every host (CLI, tests, benchmarks) migrates.
    /// </summary>
    public static async Task MigrateAsync(GeoHandhavingDbContext db, CancellationToken ct = default)
    {
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync(ct);
    }

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, o => o.UseNetTopologySuite().MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention();
}

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<GeoHandhavingDbContext>
{
    public GeoHandhavingDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GeoHandhaving")
            ?? "Host=127.0.0.1;Port=55432;Database=geohandhaving;Username=postgres;Password=postgres";
        var options = new DbContextOptionsBuilder<GeoHandhavingDbContext>();
        DataServices.Configure(options, DataServices.BuildDataSource(connectionString));
        return new GeoHandhavingDbContext(options.Options);
    }
}
