using System.Reflection;
using System.Text.RegularExpressions;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Data;

/// <summary>
/// The data-access rule (README, architecture): SQL is a constant of an <c>XxxSql</c> class of its capability, and every
/// reference to a tenant table is scoped by its gemeente_id (to @gemeente or to the gemeente_id of a row already scoped).
/// </summary>
[Collection(ApiCollection.Name)]
public partial class SqlRuleTests(ApiFixture fixture)
{
    /// <summary>Jobs that work over every gemeente at once, on purpose.</summary>
    private static readonly HashSet<string> AcrossGemeenten =
        [$"{nameof(MeldingenSql)}.{nameof(MeldingenSql.AnonimiseerContacten)}", $"{nameof(MeldingenSql)}.{nameof(MeldingenSql.VerwijderMeldingen)}"];

    private static IEnumerable<(string Name, string Sql)> SqlConstants() =>
        typeof(GeoHandhavingDbContext).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (Name: $"{t.Name}.{f.Name}", Sql: (string)f.GetRawConstantValue()!)))
            .Where(c => Statement().IsMatch(c.Sql))
            // Statements composed at run time from their filters, without the filters (the filters only narrow them down).
            .Concat(TileLayers.All.Values.Select(l => ($"{nameof(HeatmapSql)}.{nameof(HeatmapSql.Tile)}({l.Id})", HeatmapSql.Tile(l, ""))))
            .Concat(Enum.GetValues<HeatmapNiveau>().SelectMany(n => new[]
            {
                ($"{nameof(HeatmapSql)}.{nameof(HeatmapSql.Tile)}(heatmap, {n})", HeatmapSql.Tile(TileLayers.Heatmap, "", n)),
                ($"{nameof(HeatmapSql)}.{nameof(HeatmapSql.HeatmapCellen)}({n})", HeatmapSql.HeatmapCellen(n, "")),
            }));

    private IReadOnlySet<string> TenantTables()
    {
        using var scope = fixture.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
        return db.Model.GetEntityTypes().Where(e => e.FindProperty("GemeenteId") is not null)
            .Select(e => e.GetTableName()!).ToHashSet();
    }

    [Fact]
    public void Every_tenant_table_has_the_gemeente_first_in_its_primary_key()
    {
        using var scope = fixture.Api.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
        var tenantTypes = db.Model.GetEntityTypes().Where(e => e.FindProperty("GemeenteId") is not null).ToList();
        Assert.True(tenantTypes.Count >= 15, $"{tenantTypes.Count} tenant tables");
        Assert.All(tenantTypes, e => Assert.Equal("GemeenteId", e.FindPrimaryKey()!.Properties[0].Name));
    }

    [Fact]
    public void Sql_lives_in_the_sql_classes_of_its_capability()
    {
        var elsewhere = typeof(GeoHandhavingDbContext).Assembly.GetTypes()
            .Where(t => !t.Name.EndsWith("Sql", StringComparison.Ordinal) && t.Namespace?.EndsWith(".Wijken", StringComparison.Ordinal) != true
                && t.Namespace?.Contains(".Migrations", StringComparison.Ordinal) != true)
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string) && Statement().IsMatch((string)f.GetRawConstantValue()!))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.Empty(elsewhere);
    }

    [Fact]
    public void Every_tenant_table_in_every_statement_is_scoped_by_its_gemeente()
    {
        var tenantTables = TenantTables();
        Assert.Contains("melding", tenantTables);
        Assert.DoesNotContain("gemeente", tenantTables);
        var constants = SqlConstants().ToList();
        Assert.True(constants.Count > 20, $"only {constants.Count} SQL constants found");
        var unscoped = constants.Where(c => !AcrossGemeenten.Contains(c.Name) && !Fragments.Contains(c.Name))
            .SelectMany(c => GemeenteScope.Unscoped(c.Sql, tenantTables).Select(t => $"{c.Name}: {t}")).ToList();
        Assert.Empty(unscoped);
    }

    [Fact]
    public void The_scope_check_follows_joins_to_the_gemeente_and_finds_a_table_without_it()
    {
        Assert.Equal(["b", "m"], GemeenteScope.ScopedAliases(
            "SELECT * FROM melding m JOIN boa b ON b.gemeente_id = m.gemeente_id WHERE m.gemeente_id = @gemeente").Order());
        Assert.Empty(GemeenteScope.ScopedAliases("SELECT * FROM melding m JOIN boa b ON b.gemeente_id = m.gemeente_id WHERE m.id = @id"));
    }

    /// <summary>Pieces completed by their caller: the columns of a melding, to which MeldingenQueries adds the gemeente.</summary>
    private static readonly HashSet<string> Fragments =
    [
        $"{nameof(MeldingenSql)}.{nameof(MeldingenSql.Rij)}",
        // A melding's address or street in words: parts of the briefing's statements, which scope the melding m they read.
        $"{nameof(Api.Briefing.BriefingSql)}.{nameof(Api.Briefing.BriefingSql.AdresInWoorden)}",
        $"{nameof(Api.Briefing.BriefingSql)}.{nameof(Api.Briefing.BriefingSql.StraatInWoorden)}",
    ];

    [GeneratedRegex(@"\b(SELECT|UPDATE|DELETE|INSERT)\b")]
    private static partial Regex Statement();
}
