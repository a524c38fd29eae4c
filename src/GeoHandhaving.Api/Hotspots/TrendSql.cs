using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>A stored trend code in Dutch words, in SQL: built from <see cref="TrendClassifier.Dutch"/>, so the words have one source.</summary>
internal static class TrendSql
{
    public static string Tekst(string codeColumn) =>
        $"CASE {codeColumn} {string.Join(" ", Enum.GetValues<TrendLabel>().Select(l => $"WHEN '{l.Code()}' THEN '{l.Dutch()}'"))} " +
        $"ELSE '{TrendLabel.Sporadic.Dutch()}' END";
}
