using GeoHandhaving.Api.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Where a point lies in the active wijkindeling and who owns it; <see cref="Reden"/> says why there is no owner.</summary>
public sealed record Toewijzing(string? WijkCode, string? BuurtCode, long? EigenaarBoaId, string? Reden)
{
    public const string BuitenAlleWijken = "buiten alle wijken";
    public const string WijkZonderWijkboa = "wijk zonder wijkboa";
}

/// <summary>
/// "A melding's owner follows the wijk it lies in": the primary wijkboa of the wijk of the active wijkindeling that
/// contains the point. One point at a time for intake, set-based for a whole gemeente after a new wijkindeling.
/// </summary>
public sealed class WijkToewijzing(GeoHandhavingDbContext db)
{
    public async Task<Toewijzing> VoorPuntAsync(string gemeenteId, Point rd, CancellationToken ct)
    {
        var wijkCode = await db.Wijken
            .Where(w => w.GemeenteId == gemeenteId && w.Geometrie.Covers(rd)
                && db.Wijkindelingen.Any(i => i.GemeenteId == gemeenteId && i.Id == w.WijkindelingId && i.Status == WijkindelingStatus.Actief))
            .OrderBy(w => w.Code).Select(w => w.Code).FirstOrDefaultAsync(ct);
        var buurtCode = await db.Buurten.Where(b => b.GemeenteId == gemeenteId && b.Geometrie.Covers(rd))
            .OrderBy(b => b.Code).Select(b => b.Code).FirstOrDefaultAsync(ct);
        if (wijkCode is null)
        {
            return new Toewijzing(null, buurtCode, null, Toewijzing.BuitenAlleWijken);
        }
        var boaId = await db.WijkBoas.Where(wb => wb.GemeenteId == gemeenteId && wb.WijkCode == wijkCode)
            .OrderByDescending(wb => wb.Primair).ThenBy(wb => wb.BoaId).Select(wb => (long?)wb.BoaId).FirstOrDefaultAsync(ct);
        return new Toewijzing(wijkCode, buurtCode, boaId, boaId is null ? Toewijzing.WijkZonderWijkboa : null);
    }

    /// <summary>
    /// Reassigns every melding of the gemeente that has a location to the wijk, buurt and primary wijkboa of the active
    /// wijkindeling, in one statement; a new melding with an owner becomes Toegewezen. Returns the number of meldingen updated.
    /// </summary>
    public Task<int> HerverdeelMeldingenAsync(string gemeenteId, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH toewijzing AS (
                SELECT m.gemeente_id, m.id, w.code AS wijk_code, b.code AS buurt_code, wb.boa_id,
                    CASE WHEN w.code IS NULL THEN {Toewijzing.BuitenAlleWijken}
                         WHEN wb.boa_id IS NULL THEN {Toewijzing.WijkZonderWijkboa} END AS reden,
                    CASE WHEN m.status = 'Nieuw' AND wb.boa_id IS NOT NULL THEN 'Toegewezen' ELSE m.status END AS status
                FROM melding m
                LEFT JOIN LATERAL (
                    SELECT w.code FROM wijk w
                    JOIN wijkindeling i ON i.gemeente_id = w.gemeente_id AND i.id = w.wijkindeling_id AND i.status = 'Actief'
                    WHERE w.gemeente_id = m.gemeente_id AND ST_Covers(w.geometrie, m.locatie)
                    ORDER BY w.code LIMIT 1) w ON true
                LEFT JOIN LATERAL (
                    SELECT b.code FROM buurt b
                    WHERE b.gemeente_id = m.gemeente_id AND ST_Covers(b.geometrie, m.locatie)
                    ORDER BY b.code LIMIT 1) b ON true
                LEFT JOIN LATERAL (
                    SELECT wb.boa_id FROM wijk_boa wb
                    WHERE wb.gemeente_id = m.gemeente_id AND wb.wijk_code = w.code
                    ORDER BY wb.primair DESC, wb.boa_id LIMIT 1) wb ON true
                WHERE m.gemeente_id = {gemeenteId} AND m.locatie IS NOT NULL
            )
            UPDATE melding m SET
                wijk_code = t.wijk_code, buurt_code = t.buurt_code, eigenaar_boa_id = t.boa_id,
                eigenaar_reden = t.reden, status = t.status
            FROM toewijzing t
            WHERE m.gemeente_id = t.gemeente_id AND m.id = t.id
              AND (m.wijk_code, m.buurt_code, m.eigenaar_boa_id, m.eigenaar_reden, m.status)
                  IS DISTINCT FROM (t.wijk_code, t.buurt_code, t.boa_id, t.reden, t.status)
            """, ct);
}

/// <summary>Hangfire job enqueued when a wijkindeling is activated; idempotent, so a retry or a second run is harmless.</summary>
public sealed class MeldingenHerverdelenJob(WijkToewijzing toewijzing, ILogger<MeldingenHerverdelenJob> log)
{
    public async Task RunAsync(string gemeenteId, long wijkindelingId, CancellationToken ct)
    {
        var updated = await toewijzing.HerverdeelMeldingenAsync(gemeenteId, ct);
        log.LogInformation("Wijkindeling {WijkindelingId} of {GemeenteId}: {Updated} meldingen reassigned", wijkindelingId, gemeenteId, updated);
    }
}
