using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>The SQL of the hotspot recompute and its readers, in one named place.</summary>
internal static class HotspotsSql
{
    /// <summary>
    /// One recompute per gemeente at a time, across API instances and the CLI: a session lock, so a process that dies
    /// releases it with its connection.
    /// </summary>
    public const string LockGemeente = "SELECT pg_advisory_lock(hashtextextended('hotspot-recompute:' || @gemeente, 0))";
    public const string UnlockGemeente = "SELECT pg_advisory_unlock(hashtextextended('hotspot-recompute:' || @gemeente, 0))";

    /// <summary>
    /// Geocoded meldingen as hotspot events, each with its nearest BAG address within 10 m (or none): its id is the address
    /// key (else the 10 m cell of the point), so meldingen of one address are damped as repeats, and its street names the
    /// hotspots the melding falls in; and the melder's pseudonymous key (null without contact), so repeat reporters are damped.
    /// </summary>
    public const string Events = """
        SELECT m.id, ST_X(m.locatie), ST_Y(m.locatie), m.gemeld_op, m.categorie,
               coalesce('adres:' || a.id, 'cel:' || floor(ST_X(m.locatie) / 10)::bigint || ',' || floor(ST_Y(m.locatie) / 10)::bigint),
               a.straat, c.pseudoniem
        FROM melding m
        LEFT JOIN melder_contact c ON c.gemeente_id = m.gemeente_id AND c.melding_id = m.id
        LEFT JOIN LATERAL (
            SELECT a.id, a.straat FROM adres a WHERE a.gemeente_id = m.gemeente_id AND ST_DWithin(a.punt, m.locatie, 10)
            ORDER BY a.punt <-> m.locatie LIMIT 1) a ON true
        WHERE m.gemeente_id = @gemeente AND m.locatie IS NOT NULL AND m.gemeld_op <= @tot
        """;

    /// <summary>
    /// Every hotspot of a run in words, from the gemeente's own BAG and buurten: the wijken of the active wijkindeling
    /// (largest overlap first), the schools within 300 m, the street nearest its centre when none of its meldingen lies
    /// at an address (the streets carrying its meldingen are set by the job), the buurt its centre lies in (else the
    /// nearest), and the place name made of them.
    /// </summary>
    /// <summary>Fresh planner statistics for the hotspot table, before <see cref="Enrich"/> reads the rows just written.</summary>
    public const string AnalyseerHotspots = "ANALYZE hotspot";

    public const string Enrich = $"""
        UPDATE hotspot h SET wijk_codes = e.wijk_codes, scholen = e.scholen, straten = e.straten, buurt_naam = e.buurt_naam,
            plaats = nullif(concat_ws(', ',
                nullif(concat_ws(' ', nullif(array_to_string(e.straten, ' / '), ''), '(' || e.buurt_naam || ')'), ''),
                'bij ' || e.scholen[1]), '')
        FROM (
            SELECT h.id,
                coalesce((
                    SELECT array_agg(w.code ORDER BY ST_Area(ST_Intersection(w.geometrie, h.geometrie)) DESC)
                    FROM wijk w {ActieveWijkindelingSql.Join}
                    WHERE w.gemeente_id = h.gemeente_id AND ST_Intersects(w.geometrie, h.geometrie)), ARRAY[]::text[]) AS wijk_codes,
                coalesce((
                    SELECT array_agg(s.naam ORDER BY ST_Distance(s.punt, h.geometrie))
                    FROM school s WHERE s.gemeente_id = h.gemeente_id AND ST_DWithin(s.punt, h.geometrie, 300)), ARRAY[]::text[]) AS scholen,
                CASE WHEN cardinality(h.straten) > 0 THEN h.straten
                     ELSE array_remove(ARRAY[(SELECT a.straat FROM adres a WHERE a.gemeente_id = h.gemeente_id
                                              ORDER BY a.punt <-> h.centroide LIMIT 1)], NULL) END AS straten,
                (SELECT b.naam FROM buurt b WHERE b.gemeente_id = h.gemeente_id ORDER BY b.geometrie <-> h.centroide, b.code LIMIT 1) AS buurt_naam
            FROM hotspot h WHERE h.gemeente_id = @gemeente AND h.run_id = @run) e
        WHERE h.gemeente_id = @gemeente AND h.id = e.id
        """;

    /// <summary>Older completed runs beyond the newest few are removed (their hotspots cascade).</summary>
    public const string PruneOldRuns = """
        DELETE FROM hotspot_run WHERE gemeente_id = @gemeente AND id NOT IN (
            SELECT id FROM hotspot_run WHERE gemeente_id = @gemeente ORDER BY id DESC LIMIT @keep)
        """;

    public const string CurrentRunId = """
        SELECT id FROM hotspot_run WHERE gemeente_id = @gemeente AND status = 'Voltooid' ORDER BY voltooid_op DESC, id DESC LIMIT 1
        """;

    public const string HotspotsOfRun = """
        SELECT h.id, h.venster, h.categorieen, h.geometrie, h.centroide, h.waargenomen, h.verwacht, h.z, h.p, h.score, h.rang,
               h.trend, h.wijk_codes, h.scholen, h.per_uur, h.straten, h.buurt_naam, h.plaats,
               coalesce((SELECT array_agg(b.naam ORDER BY wb.primair DESC, b.naam) FROM wijk_boa wb
                         JOIN boa b ON b.gemeente_id = wb.gemeente_id AND b.id = wb.boa_id
                         WHERE wb.gemeente_id = h.gemeente_id AND wb.wijk_code = ANY(h.wijk_codes)
                           AND wb.wijkindeling_id = (SELECT wi.id FROM wijkindeling wi WHERE wi.gemeente_id = h.gemeente_id AND wi.status = 'Actief')),
                        ARRAY[]::text[])
        FROM hotspot h WHERE h.gemeente_id = @gemeente AND h.run_id = @run
        ORDER BY h.venster, h.rang
        """;
}
