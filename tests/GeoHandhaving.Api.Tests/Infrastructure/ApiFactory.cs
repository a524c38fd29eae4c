using System.Net.Http.Headers;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Infrastructure;

/// <summary>
/// The API in-process against the real PostGIS test database that scripts/test.sh starts (scripts/db.sh, cluster
/// "test"). Tests do not share data: each one works in its own gemeente (tenant), created by <see cref="NewGemeenteAsync"/>.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ConnectionStrings__GeoHandhaving")
        ?? "Host=127.0.0.1;Port=55433;Database=geohandhaving_test;Username=postgres;Password=postgres;Include Error Detail=true";

    /// <summary>The melder key's secret for the API (also its Production variants) and the CLI commands the tests run in-process.</summary>
    public const string MelderSleutelGeheim = "test-melder-sleutel-geheim";

    static ApiFactory() => Environment.SetEnvironmentVariable("Privacy__MelderSleutelGeheim", MelderSleutelGeheim);

    private static readonly SemaphoreSlim MigrateOnce = new(1, 1);
    private static bool _migrated;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:GeoHandhaving", ConnectionString);
        builder.UseSetting("Jobs:PollInterval", "00:00:01");
        builder.UseSetting("Limits:RequestsPerMinutePerClient", "1000000");
    }

    /// <summary>
    /// A free loopback port for a test that runs a real Kestrel: without one Kestrel falls back to port 5000, which the
    /// test runs of other checkouts on the same machine may hold. A factory made by WithWebHostBuilder ignores
    /// UseKestrel(port): give it <see cref="FreeUrl"/> as its "urls" setting and call UseKestrel().
    /// </summary>
    public static string FreeUrl() => $"http://127.0.0.1:{FreePort()}";

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<ApiFactory> MigratedAsync()
    {
        await MigrateOnce.WaitAsync();
        try
        {
            if (!_migrated)
            {
                // Migrate before the host starts: its Data Protection hosted service reads the key table at start-up.
                var options = new DbContextOptionsBuilder<GeoHandhavingDbContext>();
                await using (var dataSource = DataServices.BuildDataSource(ConnectionString))
                {
                    DataServices.Configure(options, dataSource);
                    await using var db = new GeoHandhavingDbContext(options.Options);
                    await DataServices.MigrateAsync(db);
                }
                await using var scope = Services.CreateAsyncScope();
                // Hangfire installs its schema on first use of the storage; do it before tests enqueue jobs concurrently.
                scope.ServiceProvider.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().Servers();
                _migrated = true;
            }
        }
        finally
        {
            MigrateOnce.Release();
        }
        return this;
    }

    /// <summary>A fresh, empty gemeente for one test, so tests never see each other's rows.</summary>
    public async Task<string> NewGemeenteAsync(string naam = "Testgemeente")
    {
        var id = "T" + Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GemeenteStore>().EnsureAsync(id, naam, CancellationToken.None);
        return id;
    }

    public string Token(string gemeente, params string[] roles) => TokenFor("tester", gemeente, roles);

    public string TokenFor(string subject, string gemeente, params string[] roles)
    {
        var options = Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>().Value;
        return new LocalTokenIssuer(options, TimeProvider.System).Issue(subject, gemeente, roles, TimeSpan.FromHours(1));
    }

    public HttpClient ClientAs(string gemeente, params string[] roles)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(gemeente, roles));
        return client;
    }

    /// <summary>
    /// A second API instance with other settings, without a Hangfire server. It shares this instance's Hangfire
    /// configuration: Hangfire keeps storage and log provider in statics that every host it configures would overwrite,
    /// and a disposed variant would leave this instance logging to a disposed LoggerFactory.
    /// </summary>
    public WebApplicationFactory<Program> Variant(Action<IWebHostBuilder> configure)
    {
        var storage = Services.GetRequiredService<Hangfire.JobStorage>();
        return WithWebHostBuilder(b =>
        {
            b.UseSetting("Jobs:RunServer", "false");
            b.ConfigureTestServices(s => s.AddSingleton(storage).AddSingleton(Hangfire.GlobalConfiguration.Configuration));
            configure(b);
        });
    }

    public T WithDb<T>(Func<GeoHandhavingDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>());
    }
}

/// <summary>One API instance (and Hangfire server) for all integration tests.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}

public sealed class ApiFixture : IAsyncLifetime
{
    public ApiFactory Api { get; } = new();

    public async Task InitializeAsync() => await Api.MigratedAsync();

    public async Task DisposeAsync() => await Api.DisposeAsync();
}
