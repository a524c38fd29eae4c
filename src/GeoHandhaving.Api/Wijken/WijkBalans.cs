using Npgsql;

namespace GeoHandhaving.Api.Wijken;

public sealed record WijkBalansRij(string Code, string Naam, long Meldingen, long Adressen, long Buurten, long Scholen,
    double OppervlakteM2, double PolsbyPopper, double AfwijkingMeldingen);

/// <summary>Workload and shape of every wijk of a wijkindeling: compare a draft (or proposal) with the active one.</summary>
public sealed record WijkBalans(long WijkindelingId, double MaxAfwijkingMeldingen, double GemiddeldePolsbyPopper, IReadOnlyList<WijkBalansRij> Wijken);

/// <summary>The balance of a wijkindeling, computed in PostGIS from the meldingen of the last year, addresses, buurten and schools.</summary>
public sealed class WijkBalansQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<WijkBalans> VoorAsync(string gemeenteId, long wijkindelingId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(WijkBalansSql.PerWijk);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("indeling", wijkindelingId);
        command.Parameters.AddWithValue("van", clock.GetUtcNow().AddYears(-1).UtcDateTime);
        var rows = new List<(string Code, string Naam, long Meldingen, long Adressen, long Buurten, long Scholen, double Area, double Perimeter)>();
        await using (var r = await command.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                rows.Add((r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetDouble(6), r.GetDouble(7)));
            }
        }
        var mean = rows.Count == 0 ? 0 : rows.Average(w => (double)w.Meldingen);
        var wijken = rows.Select(w => new WijkBalansRij(w.Code, w.Naam, w.Meldingen, w.Adressen, w.Buurten, w.Scholen, Math.Round(w.Area, 1),
            w.Perimeter == 0 ? 0 : Math.Round(4 * Math.PI * w.Area / (w.Perimeter * w.Perimeter), 3),
            mean == 0 ? 0 : Math.Round((w.Meldingen - mean) / mean, 4))).ToList();
        return new WijkBalans(wijkindelingId, wijken.Count == 0 ? 0 : wijken.Max(w => Math.Abs(w.AfwijkingMeldingen)),
            wijken.Count == 0 ? 0 : Math.Round(wijken.Average(w => w.PolsbyPopper), 3), wijken);
    }
}

internal static class WijkBalansSql
{
    /// <summary>The proposal's workload: every melding of the period with its buurt, categorie and time (windows are applied in C#, as the hotspots do).</summary>
    public const string MeldingenVanHetJaar = """
        SELECT buurt_code, categorie, gemeld_op FROM melding WHERE gemeente_id = @gemeente AND buurt_code IS NOT NULL AND gemeld_op >= @van
        """;

    public const string PerWijk = """
        SELECT w.code, w.naam,
            (SELECT count(*) FROM melding m WHERE m.gemeente_id = w.gemeente_id AND m.gemeld_op >= @van AND ST_Covers(w.geometrie, m.locatie)),
            (SELECT count(*) FROM adres a WHERE a.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, a.punt)),
            (SELECT count(*) FROM buurt b WHERE b.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, ST_PointOnSurface(b.geometrie))),
            (SELECT count(*) FROM school s WHERE s.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, s.punt)),
            ST_Area(w.geometrie), ST_Perimeter(w.geometrie)
        FROM wijk w WHERE w.gemeente_id = @gemeente AND w.wijkindeling_id = @indeling
        ORDER BY w.code
        """;

    /// <summary>Today's wijk of every buurt: the active wijk that covers a point inside the buurt.</summary>
    public const string HuidigeWijkPerBuurt = $"""
        SELECT b.code, w.code FROM buurt b
        JOIN wijk w ON w.gemeente_id = b.gemeente_id AND ST_Covers(w.geometrie, ST_PointOnSurface(b.geometrie))
        {ActieveWijkindelingSql.Join}
        WHERE b.gemeente_id = @gemeente
        """;
}
