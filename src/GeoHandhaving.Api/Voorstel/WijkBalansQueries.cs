using Npgsql;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>The balance of a wijkindeling, computed in PostGIS from the meldingen of the last year, addresses, buurten and schools.</summary>
public sealed class WijkBalansQueries(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<WijkBalansUitvoer> VoorAsync(string gemeenteId, long wijkindelingId, CancellationToken ct)
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
        var wijken = rows.Select(w => new WijkBalansRijUitvoer(w.Code, w.Naam, w.Meldingen, w.Adressen, w.Buurten, w.Scholen, Math.Round(w.Area, 1),
            w.Perimeter == 0 ? 0 : Math.Round(4 * Math.PI * w.Area / (w.Perimeter * w.Perimeter), 3),
            mean == 0 ? 0 : Math.Round((w.Meldingen - mean) / mean, 4))).ToList();
        return new WijkBalansUitvoer(wijkindelingId, wijken.Count == 0 ? 0 : wijken.Max(w => Math.Abs(w.AfwijkingMeldingen)),
            wijken.Count == 0 ? 0 : Math.Round(wijken.Average(w => w.PolsbyPopper), 3), wijken);
    }
}
