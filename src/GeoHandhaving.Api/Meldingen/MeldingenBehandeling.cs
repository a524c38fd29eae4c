using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>The write side after intake: status changes (append-only history) and audited reads of the melder's contact.</summary>
public sealed class MeldingenBehandeling(
    GeoHandhavingDbContext db, CurrentUser user, MelderContactBescherming bescherming, PersoonsgegevensAudit audit, TimeProvider clock)
{
    public enum Uitkomst { Gelukt, NietGevonden, NietToegestaan }

    /// <summary>The new status as a stored event (its instant from the one clock), or why not.</summary>
    public async Task<(Uitkomst Uitkomst, MeldingStatus? Huidig, MeldingGebeurtenis? Gebeurtenis)> ZetStatusAsync(long id, MeldingStatus naar,
        string? toelichting, CancellationToken ct)
    {
        var melding = await db.Meldingen.SingleOrDefaultAsync(m => m.GemeenteId == user.GemeenteId && m.Id == id, ct);
        if (melding is null) return (Uitkomst.NietGevonden, null, null);
        if (!MeldingStatusWorkflow.MagNaar(melding.Status, naar)) return (Uitkomst.NietToegestaan, melding.Status, null);
        var nu = clock.GetUtcNow();
        melding.Status = naar;
        melding.AfgehandeldOp = naar == MeldingStatus.Afgehandeld ? nu : null;
        var gebeurtenis = new MeldingGebeurtenis
        {
            GemeenteId = user.GemeenteId, MeldingId = id, Status = naar, Op = nu, Door = user.Naam, Toelichting = toelichting,
        };
        db.MeldingGebeurtenissen.Add(gebeurtenis);
        await db.SaveChangesAsync(ct);
        return (Uitkomst.Gelukt, naar, gebeurtenis);
    }

    /// <summary>A call-back attempt in the history (the status stays); false when the melder left no contact details.</summary>
    public async Task<MeldingGebeurtenis?> RegistreerTerugbelpogingAsync(long id, Terugbeluitkomst uitkomst, string? toelichting, CancellationToken ct)
    {
        var melding = await db.Meldingen.SingleAsync(m => m.GemeenteId == user.GemeenteId && m.Id == id, ct);
        if (!await db.MelderContacten.AnyAsync(c => c.GemeenteId == user.GemeenteId && c.MeldingId == id && c.Versleuteld != null, ct)) return null;
        var poging = new MeldingGebeurtenis
        {
            GemeenteId = user.GemeenteId, MeldingId = id, Status = melding.Status, Op = clock.GetUtcNow(), Door = user.Naam,
            Toelichting = toelichting, Terugbeluitkomst = uitkomst.Code,
        };
        db.MeldingGebeurtenissen.Add(poging);
        await db.SaveChangesAsync(ct);
        return poging;
    }

    public Task<List<MeldingGebeurtenis>> HistorieAsync(long id, CancellationToken ct) =>
        db.MeldingGebeurtenissen.Where(g => g.GemeenteId == user.GemeenteId && g.MeldingId == id)
            .OrderBy(g => g.Op).ThenBy(g => g.Id).ToListAsync(ct);

    /// <summary>The melder's contact details, written to the audit log with the purpose; null when there are none (or anonymised).</summary>
    public async Task<MelderGegevens?> LeesContactAsync(long id, string doel, CancellationToken ct)
    {
        var contact = await db.MelderContacten.SingleOrDefaultAsync(c => c.GemeenteId == user.GemeenteId && c.MeldingId == id, ct);
        await audit.RegistreerAsync([id], ContactInzage.Inzien, doel, ct);
        return contact?.Versleuteld is { } versleuteld ? bescherming.Ontsleutel(versleuteld) : null;
    }
}
