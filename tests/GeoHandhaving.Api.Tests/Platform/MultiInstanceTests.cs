using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Platform;

/// <summary>
/// Two API instances against one database: the test's main instance (with the Hangfire server) and a second host with its
/// own geocoders, hotspot snapshots and key cache, as a second process behind a load balancer would have.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MultiInstanceTests(ApiFixture fixture) : IAsyncLifetime
{
    private readonly ApiFactory _api = fixture.Api;
    private WebApplicationFactory<Program> _other = null!;

    public Task InitializeAsync()
    {
        _other = _api.Variant(_ => { });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _other.DisposeAsync();

    private HttpClient Other(string gemeente, params string[] roles)
    {
        var client = _other.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, roles));
        return client;
    }

    [Fact]
    public async Task A_bag_import_on_one_instance_makes_the_other_geocode_the_new_addresses()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var other = Other(gemeente, Roles.Intake);
        async Task<string?> GeocodeOnOther() =>
            (await other.GetFromJsonAsync<JsonElement>("/api/v1/geocode?q=Dam%201%2C%201012JS%20Amsterdam")).GetProperty("status").GetString();
        Assert.Equal("unmatched", await GeocodeOnOther());

        var import = await _api.ClientAs(gemeente, Roles.GisAnalist).PostAsync("/api/v1/bag/import", new StringContent(
            "straat,huisnummer,postcode,woonplaats,x_rd,y_rd\nDam,1,1012JS,Amsterdam,121394.03,487383.05\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);

        await Poll.UntilAsync(async () => await GeocodeOnOther() == "matched", "the other instance never geocoded the imported address");
    }

    [Fact]
    public async Task A_recompute_asked_on_both_instances_while_one_runs_is_run_once_after_it()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await using var dataSource = NpgsqlDataSource.Create(ApiFactory.ConnectionString);
        await using var busy = await dataSource.OpenConnectionAsync();
        await RecomputeLock.HoldAsync(busy, gemeente);
        var jobIds = new List<string>();
        foreach (var instance in new[] { _api.ClientAs(gemeente, Roles.Admin), Other(gemeente, Roles.Admin) })
        {
            var response = await instance.PostAsync("/api/v1/hotspots/herbereken", null);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            jobIds.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobId").GetString()!);
        }
        await Poll.UntilAsync(() => RecomputeLock.IsWaitedForAsync(dataSource, gemeente), "no recompute waited for the busy one");
        await RecomputeLock.ReleaseAsync(busy, gemeente);

        using var storage = _api.Services.GetRequiredService<JobStorage>().GetConnection();
        foreach (var id in jobIds)
        {
            await Poll.UntilAsync(() => storage.GetStateData(id)?.Name == SucceededState.StateName, $"job {id} did not succeed");
        }
        var run = Assert.Single(_api.WithDb(db => db.HotspotRuns.Where(r => r.GemeenteId == gemeente).ToList()));
        Assert.Equal(HotspotRunStatus.Voltooid, run.Status);
    }

    [Fact]
    public async Task A_key_revoked_on_one_instance_is_refused_by_the_other_within_five_seconds()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var admin = _api.ClientAs(gemeente, Roles.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/api-keys", new { naam = "briefingscherm", rollen = new[] { Roles.Teamleider } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var screen = _other.CreateClient();
        screen.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, created.GetProperty("sleutel").GetString());
        // Accepted once on the other instance, so it holds the key in its cache (30 s).
        Assert.Equal(HttpStatusCode.OK, (await screen.GetAsync("/api/v1/hotspots/runs")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/api-keys/{created.GetProperty("id").GetInt64()}")).StatusCode);
        var revoked = System.Diagnostics.Stopwatch.StartNew();
        await Poll.UntilAsync(async () => (await screen.GetAsync("/api/v1/hotspots/runs")).StatusCode == HttpStatusCode.Unauthorized,
            "the other instance kept accepting the revoked key");
        Assert.True(revoked.Elapsed < TimeSpan.FromSeconds(5), $"refused only after {revoked.Elapsed.TotalSeconds:F1} s");
    }
}
