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
    /// Geocoded meldingen as hotspot events. The address key is the point rounded to the metre: meldingen that
    /// geocode to one address stack there, and the engine damps such repeats.
    /// </summary>
    public const string Events = """
        SELECT id, ST_X(locatie), ST_Y(locatie), gemeld_op, categorie,
               round(ST_X(locatie))::bigint || ',' || round(ST_Y(locatie))::bigint
        FROM melding
        WHERE gemeente_id = @gemeente AND locatie IS NOT NULL AND gemeld_op <= @tot
        """;

    /// <summary>Wijken of the active wijkindeling and schools within 300 m, for every hotspot of a run.</summary>
    public const string Enrich = $"""
        UPDATE hotspot h SET
            wijk_codes = coalesce((
                SELECT array_agg(w.code ORDER BY ST_Area(ST_Intersection(w.geometrie, h.geometrie)) DESC)
                FROM wijk w {ActieveWijkindelingSql.Join}
                WHERE w.gemeente_id = h.gemeente_id AND ST_Intersects(w.geometrie, h.geometrie)), ARRAY[]::text[]),
            scholen = coalesce((
                SELECT array_agg(s.naam ORDER BY ST_Distance(s.punt, h.geometrie))
                FROM school s WHERE s.gemeente_id = h.gemeente_id AND ST_DWithin(s.punt, h.geometrie, 300)), ARRAY[]::text[])
        WHERE h.gemeente_id = @gemeente AND h.run_id = @run
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
               h.trend, h.wijk_codes, h.scholen,
               coalesce((SELECT array_agg(b.naam ORDER BY wb.primair DESC, b.naam) FROM wijk_boa wb
                         JOIN boa b ON b.gemeente_id = wb.gemeente_id AND b.id = wb.boa_id
                         WHERE wb.gemeente_id = h.gemeente_id AND wb.wijk_code = ANY(h.wijk_codes)
                           AND wb.wijkindeling_id = (SELECT wi.id FROM wijkindeling wi WHERE wi.gemeente_id = h.gemeente_id AND wi.status = 'Actief')),
                        ARRAY[]::text[])
        FROM hotspot h WHERE h.gemeente_id = @gemeente AND h.run_id = @run
        ORDER BY h.venster, h.rang
        """;
}
