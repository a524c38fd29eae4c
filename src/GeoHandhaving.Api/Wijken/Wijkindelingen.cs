using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Drafts (concepten) of a wijkindeling and their activation, which must pass the coverage check.</summary>
public sealed class Wijkindelingen(GeoHandhavingDbContext db, CoverageQueries coverage, BoaStore boas, HotspotRecomputeScheduler hotspots,
    TimeProvider clock)
{
    public Task<List<Wijkindeling>> ListAsync(string gemeenteId, CancellationToken ct) =>
        db.Wijkindelingen.AsNoTracking().Where(w => w.GemeenteId == gemeenteId).OrderByDescending(w => w.Id).ToListAsync(ct);

    /// <summary>
    /// A new draft; with <paramref name="kopieVanActief"/> it starts as a copy of the active wijkindeling's wijken.
    /// Without a name it is "Concept van {active} ({Amsterdam date})".
    /// </summary>
    public async Task<Wijkindeling> CreateDraftAsync(Actor actor, string? naam, bool kopieVanActief, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (naam is null)
        {
            var actieveNaam = await db.Wijkindelingen.Where(w => w.GemeenteId == actor.GemeenteId && w.Status == WijkindelingStatus.Actief)
                .Select(w => w.Naam).FirstOrDefaultAsync(ct) ?? "niets";
            naam = $"Concept van {actieveNaam} ({AmsterdamTime.ToLocal(now):yyyy-MM-dd HH:mm})";
        }
        var concept = new Wijkindeling
        {
            GemeenteId = actor.GemeenteId, Naam = naam, Status = WijkindelingStatus.Concept, AangemaaktOp = now, AangemaaktDoor = actor.Naam,
        };
        // Inside the caller's transaction when there is one (an import writes its draft and its wijken as one).
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Wijkindelingen.Add(concept);
        await db.SaveChangesAsync(ct);
        if (kopieVanActief)
        {
            var actief = await db.Wijkindelingen.AsNoTracking()
                .FirstOrDefaultAsync(w => w.GemeenteId == actor.GemeenteId && w.Status == WijkindelingStatus.Actief, ct);
            var wijken = actief is null ? [] : await db.Wijken.AsNoTracking()
                .Where(w => w.GemeenteId == actor.GemeenteId && w.WijkindelingId == actief.Id).ToListAsync(ct);
            var kopieen = wijken.Select(w => new Wijk
            {
                GemeenteId = w.GemeenteId, WijkindelingId = concept.Id, Code = w.Code, Naam = w.Naam, Geometrie = w.Geometrie,
                Versie = 1, GewijzigdOp = now, GewijzigdDoor = actor.Naam,
            }).ToList();
            db.Wijken.AddRange(kopieen);
            await db.SaveChangesAsync(ct);
            db.WijkVersies.AddRange(kopieen.Select(w => new WijkVersie
            {
                GemeenteId = w.GemeenteId, WijkId = w.Id, WijkindelingId = concept.Id, Versie = 1, Code = w.Code, Naam = w.Naam,
                Geometrie = w.Geometrie, Wijziging = WijkWijziging.Aangemaakt, Door = actor.Naam, GeldigVan = now,
                Reden = $"kopie van wijkindeling {actief!.Id}",
            }));
            await db.SaveChangesAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return concept;
    }

    /// <summary>
    /// Activates a draft when its coverage check passes. In one transaction: the previous active wijkindeling is
    /// archived, its boa's carry over by code to the draft's wijken without their own, and every open melding moves to
    /// its new wijk and owner with a history line; then a hotspot recompute is asked for (hotspots carry their wijken).
    /// </summary>
    public async Task<(Wijkindeling? Actief, WijkFout? Fout)> ActivateAsync(Actor actor, long id, CancellationToken ct)
    {
        var concept = await db.Wijkindelingen.FirstOrDefaultAsync(w => w.GemeenteId == actor.GemeenteId && w.Id == id, ct);
        if (concept is null)
        {
            return (null, new WijkFout.NotFound("Wijkindeling", id));
        }
        if (concept.Status != WijkindelingStatus.Concept)
        {
            return (null, new WijkFout.NotADraft(id, concept.Status));
        }
        var rapport = await coverage.CheckAsync(actor.GemeenteId, id, ct);
        if (!rapport.Dekkend)
        {
            return (null, new WijkFout.CoverageFailed(rapport));
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Archive first: the partial unique index allows one active wijkindeling per gemeente at any moment.
        await boas.CarryOverAsync(actor.GemeenteId, id, ct);
        await db.Wijkindelingen.Where(w => w.GemeenteId == actor.GemeenteId && w.Status == WijkindelingStatus.Actief)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WijkindelingStatus.Gearchiveerd), ct);
        concept.Status = WijkindelingStatus.Actief;
        concept.GeactiveerdOp = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await WijkToewijzing.HerverdeelAsync(db, actor.GemeenteId, new Herverdeling(Toewijzing.WijkindelingGeactiveerd), concept.GeactiveerdOp.Value, ct);
        await tx.CommitAsync(ct);
        hotspots.Request(actor.GemeenteId, $"wijkindeling {id} geactiveerd");
        return (concept, null);
    }
}
