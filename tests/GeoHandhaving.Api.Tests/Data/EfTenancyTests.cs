using System.Collections.Concurrent;
using System.Data.Common;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Data;

/// <summary>
/// The tenancy rule (README, architecture) for the queries EF Core writes from LINQ, which <see cref="SqlRuleTests"/>
/// cannot read as constants: every GET endpoint is called as a role that may call it, every statement EF sends is
/// recorded, and in each one every tenant table must be tied to a gemeente (a parameter or a row already tied to one).
/// </summary>
[Collection(ApiCollection.Name)]
public class EfTenancyTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    /// <summary>Every command EF sends (queries, SaveChanges, ExecuteUpdate/Delete, raw SQL through the context).</summary>
    private sealed class SqlRecorder : DbCommandInterceptor
    {
        public ConcurrentBag<string> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Statements.Add(command.CommandText);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }
    }

    private IReadOnlySet<string> TenantTables()
    {
        using var scope = _api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
        return db.Model.GetEntityTypes().Where(e => e.FindProperty("GemeenteId") is not null).Select(e => e.GetTableName()!).ToHashSet();
    }

    [Fact]
    public async Task Every_statement_ef_sends_for_every_get_endpoint_ties_each_tenant_table_to_a_gemeente()
    {
        var recorder = new SqlRecorder();
        await using var host = _api.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureDbContext<GeoHandhavingDbContext>(o => o.AddInterceptors(recorder))));
        var gemeente = await _api.NewGemeenteAsync();
        var intake = host.CreateClient();
        intake.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _api.Token(gemeente, Roles.Intake));
        var melding = await (await intake.PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = "ef-1", categorie = "afval", gemeldOp = "2026-11-30T08:15:00+01:00", lon = 4.87, lat = 52.35,
            melder = new { naam = "A. Melder", email = "a@example.nl" },
        })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = melding.GetProperty("id").GetInt64();

        var endpoints = AuthorizationMatrix.Endpoints(host.Services).Where(e => e.Method == "GET" && !e.Anonymous && e.Policies.Length > 0).ToList();
        foreach (var endpoint in endpoints)
        {
            var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
            client.DefaultRequestHeaders.Authorization =
                new AuthenticationHeaderValue("Bearer", _api.Token(gemeente, endpoint.AllowedRoles.Order().First()));
            using var _ = await client.GetAsync(endpoint.SampleUrl.Replace("/1", $"/{id}"));
        }

        var tenantTables = TenantTables();
        var statements = recorder.Statements.Distinct().ToList();
        Assert.True(statements.Count >= 15, $"only {statements.Count} statements recorded");
        Assert.Contains(statements, s => s.Contains("FROM melding", StringComparison.Ordinal));
        var unscoped = statements.SelectMany(s => Unscoped(s, tenantTables).Select(t => $"{t}: {s}")).ToList();
        Assert.True(unscoped.Count == 0, string.Join("\n\n", unscoped));
    }

    [Fact]
    public void The_check_finds_a_linq_query_without_its_gemeente_and_passes_one_with_it()
    {
        var tenantTables = TenantTables();
        using var scope = _api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
        var zonder = db.Meldingen.Where(m => m.Id == 1).ToQueryString();
        var met = db.Meldingen.Where(m => m.GemeenteId == "X" && m.Id == 1).ToQueryString();
        var metJoin = db.Meldingen.Where(m => m.GemeenteId == "X")
            .Join(db.Boas, m => new { m.GemeenteId, Id = m.EigenaarBoaId!.Value }, b => new { b.GemeenteId, b.Id }, (m, b) => b.Naam)
            .ToQueryString();
        Assert.Equal(["melding m"], Unscoped(zonder, tenantTables));
        Assert.Empty(Unscoped(met, tenantTables));
        Assert.Empty(Unscoped(metJoin, tenantTables));
    }

    /// <summary>EF binds the gemeente as a parameter of its own name (@gemeenteId, @p3), or inlines a constant.</summary>
    private static List<string> Unscoped(string sql, IReadOnlySet<string> tenantTables) =>
        GemeenteScope.Unscoped(sql, tenantTables, @"(@\w+|'[^']*')");
}
