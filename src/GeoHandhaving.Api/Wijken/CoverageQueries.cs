using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Wijken;

/// <summary>One problem piece of a wijkindeling: a gap, an overlap between two wijken, or a sliver of either (RD New).</summary>
public sealed record DekkingsProbleem(string Soort, string? WijkA, string? WijkB, double OppervlakteM2, Geometry Geometrie);

public sealed record DekkingsRapport(long WijkindelingId, bool GrensBekend, IReadOnlyList<DekkingsProbleem> Problemen)
{
    public bool Dekkend => Problemen.Count == 0;
}

/// <summary>
/// The coverage check of a whole wijkindeling, in PostGIS: gaps are the gemeentegrens minus the union of the wijken,
/// overlaps the pairwise intersections (with an &amp;&amp; prefilter so the GiST index does the pairing). Each piece is
/// judged by the one <see cref="SliverRule"/> (<see cref="WijkenOptions.Slivers"/>): below the noise level it is mm rounding
/// and ignored, thinner or smaller than the sliver tolerances it is a sliver.
/// </summary>
public sealed class CoverageQueries(NpgsqlDataSource dataSource, WijkenOptions limits)
{
    private const string DekkingSql = """
        WITH indeling AS (
            SELECT id, code, geometrie FROM wijk WHERE gemeente_id = @gemeente AND wijkindeling_id = @wijkindeling
        ),
        gaten AS (
            SELECT 'gat' AS soort, NULL::text AS wijk_a, NULL::text AS wijk_b,
                   (ST_Dump(ST_Difference(g.grens,
                       COALESCE((SELECT ST_Union(geometrie) FROM indeling), ST_GeomFromText('POLYGON EMPTY', 28992))))).geom AS geometrie
            FROM gemeente g WHERE g.id = @gemeente AND g.grens IS NOT NULL
        ),
        overlappen AS (
            SELECT 'overlap', a.code, b.code,
                   (ST_Dump(ST_CollectionExtract(ST_Intersection(a.geometrie, b.geometrie), 3))).geom
            FROM indeling a
            JOIN indeling b ON a.geometrie && b.geometrie AND a.id < b.id AND ST_Intersects(a.geometrie, b.geometrie)
        ),
        stukken AS (SELECT * FROM gaten UNION ALL SELECT * FROM overlappen)
        SELECT soort, wijk_a, wijk_b, ST_Area(geometrie), ST_Perimeter(geometrie), geometrie
        FROM stukken
        WHERE ST_Area(geometrie) > @noise
        ORDER BY ST_Area(geometrie) DESC
        """;

    public async Task<DekkingsRapport> CheckAsync(string gemeenteId, long wijkindelingId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(DekkingSql, connection);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("wijkindeling", wijkindelingId);
        var rule = limits.Slivers;
        // Noise is dropped in the database already, so mm pieces never travel; the same threshold as rule.IsNoise.
        command.Parameters.AddWithValue("noise", rule.NoiseM2);
        var problemen = new List<DekkingsProbleem>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var (soort, area, perimeter) = (reader.GetString(0), reader.GetDouble(3), reader.GetDouble(4));
                problemen.Add(new DekkingsProbleem(rule.IsSliver(area, perimeter) ? "sliver-" + soort : soort,
                    reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2), Math.Round(area, 3),
                    reader.GetFieldValue<Geometry>(5)));
            }
        }
        await using var grens = new NpgsqlCommand("SELECT grens IS NOT NULL FROM gemeente WHERE id = @gemeente", connection);
        grens.Parameters.AddWithValue("gemeente", gemeenteId);
        return new DekkingsRapport(wijkindelingId, await grens.ExecuteScalarAsync(ct) is true, problemen);
    }
}
