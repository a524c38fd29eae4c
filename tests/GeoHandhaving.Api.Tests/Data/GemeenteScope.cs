using System.Text.RegularExpressions;

namespace GeoHandhaving.Api.Tests.Data;

/// <summary>
/// The one reading of the tenancy rule over a SQL statement, for the SQL constants (<see cref="SqlRuleTests"/>) and the
/// statements EF writes (<see cref="EfTenancyTests"/>): every tenant table is tied to a gemeente, by its
/// <c>gemeente_id</c> equal to a parameter (or literal), or through a chain of <c>x.gemeente_id = y.gemeente_id</c> to a
/// table that is; an INSERT names the column.
/// </summary>
public static partial class GemeenteScope
{
    /// <param name="parameter">What the gemeente is compared with: <c>@gemeente</c> in our SQL; any parameter in EF's.</param>
    public static List<string> Unscoped(string sql, IReadOnlySet<string> tenantTables, string parameter = @"@gemeente\b")
    {
        var scoped = ScopedAliases(sql, parameter);
        var unaliased = new Regex($@"(?<![\w.])""?gemeente_id""?\s*=\s*{parameter}");
        var unscoped = new List<string>();
        foreach (Match reference in TableReference().Matches(sql))
        {
            var table = reference.Groups["table"].Value;
            if (!tenantTables.Contains(table)) continue;
            var alias = reference.Groups["alias"].Success && !Keywords.Contains(reference.Groups["alias"].Value.ToUpperInvariant())
                ? reference.Groups["alias"].Value : table;
            var ok = reference.Groups["verb"].Value.Equals("INTO", StringComparison.OrdinalIgnoreCase)
                ? sql.Contains("gemeente_id", StringComparison.Ordinal)
                : scoped.Contains(alias) || (alias == table && unaliased.IsMatch(sql));
            if (!ok) unscoped.Add($"{table} {alias}");
        }
        return unscoped;
    }

    /// <summary>The aliases tied to the gemeente, directly or through a chain of <c>x.gemeente_id = y.gemeente_id</c>.</summary>
    public static HashSet<string> ScopedAliases(string sql, string parameter = @"@gemeente\b")
    {
        const string Alias = @"""?(?<alias>[a-z_][a-z0-9_]*)""?\.""?gemeente_id""?";
        var toGemeente = new Regex($@"(?<![\w.]){Alias}\s*=\s*{parameter}|{parameter}\s*=\s*{Alias}\b");
        var scoped = toGemeente.Matches(sql).Select(m => m.Groups["alias"].Value).ToHashSet();
        var pairs = BetweenAliases().Matches(sql).Select(m => (m.Groups["a"].Value, m.Groups["b"].Value)).ToList();
        for (var grown = true; grown;)
        {
            grown = false;
            foreach (var (x, y) in pairs)
            {
                if (scoped.Contains(x) && scoped.Add(y)) grown = true;
                if (scoped.Contains(y) && scoped.Add(x)) grown = true;
            }
        }
        return scoped;
    }

    private static readonly HashSet<string> Keywords = ["WHERE", "ON", "SET", "JOIN", "LEFT", "INNER", "CROSS", "USING", "GROUP", "ORDER", "LIMIT",
        "VALUES", "SELECT", "WITH", "RETURNING", "FOR"];

    // EF writes aliases such as m0; quoted names only where it must.
    [GeneratedRegex(@"(?<![\w.])""?(?<a>[a-z_][a-z0-9_]*)""?\.""?gemeente_id""?\s*=\s*""?(?<b>[a-z_][a-z0-9_]*)""?\.""?gemeente_id\b")]
    private static partial Regex BetweenAliases();

    [GeneratedRegex(@"\b(?<verb>FROM|JOIN|UPDATE|INTO)\s+""?(?<table>[a-z_]+)""?\b(?:\s+(?:AS\s+)?""?(?<alias>[a-z_][a-z0-9_]*)""?\b)?",
        RegexOptions.IgnoreCase)]
    private static partial Regex TableReference();
}
