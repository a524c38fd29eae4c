using GeoHandhaving.Api.Security;
using Hangfire;
using Hangfire.PostgreSql;

namespace GeoHandhaving.Api.Jobs;

/// <summary>Configuration section "Jobs".</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";
    /// <summary>Run a Hangfire server in this process (switch off for API-only instances).</summary>
    public bool RunServer { get; set; } = true;
    public int WorkerCount { get; set; } = 2;
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
    /// <summary>The name this process's server announces (Hangfire appends a unique suffix), so /health finds its own.</summary>
    public static readonly string ServerName = $"geoh-{Environment.MachineName}-{Environment.ProcessId}";
}

public static class JobsServices
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        var options = configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        var connectionString = configuration.GetConnectionString(Data.DataServices.ConnectionStringName)!;
        services.AddHangfire((sp, c) => c
            .UseLogProvider(new HostBoundLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(o => o.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = "hangfire",
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.PollInterval,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            }));
        if (options.RunServer)
        {
            services.AddHostedService<RecurringJobsRegistration>();
            services.AddHangfireServer(s =>
            {
                s.WorkerCount = options.WorkerCount;
                s.SchedulePollingInterval = options.PollInterval;
                s.ServerName = JobsOptions.ServerName;
            });
        }
        return services;
    }

    /// <summary>
    /// Only a Hangfire client (to enqueue jobs), for the CLI. Unlike AddHangfire it does not install the ASP.NET Core log
    /// provider in Hangfire's static configuration, which would outlive this short-lived service provider.
    /// </summary>
    public static IServiceCollection AddJobClient(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(Data.DataServices.ConnectionStringName)!;
        services.AddSingleton<JobStorage>(_ => new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true }));
        services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        return services;
    }

    public static IEndpointRouteBuilder MapJobsDashboard(this IEndpointRouteBuilder app)
    {
        app.MapHangfireDashboard("/hangfire", new DashboardOptions
        {
            Authorization = [new PlatformbeheerDashboardFilter()],
            DisplayStorageConnectionString = false,
            DashboardTitle = "GeoHandhaving jobs",
        }).RequireAuthorization(Policies.Platformbeheer);
        return app;
    }
}
