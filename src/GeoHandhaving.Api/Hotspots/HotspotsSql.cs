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
    /// A run's hotspots in one COPY: tens of thousands of rows, and one firing of the statement-level heatmap-version
    /// trigger instead of one per INSERT statement (EF's batches took most of a recompute: 53 s for 50,000 hotspots).
    /// </summary>
    public const string CopyHotspots = """
        COPY hotspot (gemeente_id, run_id, venster, categorieen, geometrie, centroide, waargenomen, verwacht, z, p, score, rang, trend,
            per_uur, wijk_codes, scholen, straten, buurt_naam, plaats) FROM STDIN (FORMAT BINARY)
        """;

    /// <summary>
    /// The words of a run's places, from the gemeente's own BAG and buurten, per distinct hotspot polygon (@vormen, with
    /// @centra its centroids; the same place recurs in many windows and category groups: 50,000 hotspots, some 20,000
    /// shapes): the wijken of the active wijkindeling (largest overlap first), the schools within 300 m (nearest first),
    /// the street nearest the centre (for a hotspot none of whose meldingen lies at an address) and the buurt the centre
    /// lies in (else the nearest). Read before the hotspots are written, so each row is written once, complete.
    /// </summary>
    public const string PlaceWords = $"""
        SELECT v.nummer::int,
            coalesce((
                SELECT array_agg(w.code ORDER BY ST_Area(ST_Intersection(w.geometrie, v.geometrie)) DESC)
                FROM wijk w {ActieveWijkindelingSql.Join}
                WHERE w.gemeente_id = @gemeente AND ST_Intersects(w.geometrie, v.geometrie)), ARRAY[]::text[]),
            coalesce((
                SELECT array_agg(s.naam ORDER BY ST_Distance(s.punt, v.geometrie))
                FROM school s WHERE s.gemeente_id = @gemeente AND ST_DWithin(s.punt, v.geometrie, 300)), ARRAY[]::text[]),
            (SELECT a.straat FROM adres a WHERE a.gemeente_id = @gemeente ORDER BY a.punt <-> v.centroide LIMIT 1),
            (SELECT b.naam FROM buurt b WHERE b.gemeente_id = @gemeente ORDER BY b.geometrie <-> v.centroide, b.code LIMIT 1)
        FROM unnest(@vormen::geometry[], @centra::geometry[]) WITH ORDINALITY AS v(geometrie, centroide, nummer)
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
