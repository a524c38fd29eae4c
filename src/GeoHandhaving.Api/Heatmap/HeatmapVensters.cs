namespace GeoHandhaving.Api.Heatmap;

/// <summary>
/// A named recurring window in Europe/Amsterdam local time, for the heatmap's <c>venster</c> filter. A window whose end
/// is before its start runs past midnight: its early-morning part belongs to the next weekday.
/// </summary>
public sealed record HeatmapVenster(string Naam, string Definitie, int[] IsoDagen, TimeOnly Van, TimeOnly Tot)
{
    /// <summary>The window as a SQL condition on <c>m.gemeld_op</c>; constants only, so it needs no parameters.</summary>
    public string ToSql()
    {
        const string Dag = "extract(isodow FROM m.gemeld_op AT TIME ZONE 'Europe/Amsterdam')";
        const string Tijd = "(m.gemeld_op AT TIME ZONE 'Europe/Amsterdam')::time";
        string Dagen(IEnumerable<int> dagen) => string.Join(", ", dagen);
        if (Van < Tot)
        {
            return $"({Dag} IN ({Dagen(IsoDagen)}) AND {Tijd} >= '{Van:HH\\:mm}' AND {Tijd} < '{Tot:HH\\:mm}')";
        }
        var volgendeDagen = IsoDagen.Select(d => d % 7 + 1);
        return $"(({Dag} IN ({Dagen(IsoDagen)}) AND {Tijd} >= '{Van:HH\\:mm}') OR ({Dag} IN ({Dagen(volgendeDagen)}) AND {Tijd} < '{Tot:HH\\:mm}'))";
    }
}

/// <summary>The built-in windows of the heatmap (the hotspot engine's own windows live in the tijdvenster table).</summary>
public static class HeatmapVensters
{
    public static readonly IReadOnlyDictionary<string, HeatmapVenster> Alle = new[]
    {
        new HeatmapVenster("schoolbrengen", "ma-vr 07:45-08:45", [1, 2, 3, 4, 5], new(7, 45), new(8, 45)),
        new HeatmapVenster("schoolhalen", "ma-vr 14:00-15:30", [1, 2, 3, 4, 5], new(14, 0), new(15, 30)),
        new HeatmapVenster("uitgaansnacht", "vr,za 22:00-04:00", [5, 6], new(22, 0), new(4, 0)),
    }.ToDictionary(v => v.Naam);
}
