using System.Text.RegularExpressions;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Privacy;

/// <summary>How one melder is recognised: the e-mail address (case-insensitive) or the phone number (digits, +31 as 0).</summary>
public sealed record MelderSleutel(string? Email, string? Telefoon)
{
    public static MelderSleutel Van(string? email, string? telefoon) => new(NormaliseerEmail(email), NormaliseerTelefoon(telefoon));

    private static string? NormaliseerEmail(string? email) =>
        email?.Trim().ToLowerInvariant() is { Length: > 2 } e && e.Contains('@') ? e : null;

    private static string? NormaliseerTelefoon(string? telefoon)
    {
        var cijfers = new string((telefoon ?? "").Where(char.IsAsciiDigit).ToArray());
        if (cijfers.StartsWith("0031")) cijfers = "0" + cijfers[4..];
        else if (cijfers.StartsWith("31") && telefoon!.TrimStart().StartsWith('+')) cijfers = "0" + cijfers[2..];
        return cijfers.Length >= 6 ? cijfers : null;
    }

    public bool Past(MelderGegevens melder) =>
        (Email is not null && NormaliseerEmail(melder.Email) == Email) || (Telefoon is not null && NormaliseerTelefoon(melder.Telefoon) == Telefoon);
}

/// <summary>
/// The audit of personal data (table contact_inzage: who, role, what, when, why) and the AVG requests. The contacts
/// are encrypted with a random IV, so no index can find a melder: a request decrypts each of the gemeente's contacts
/// once, which suits a request that comes a few times a year.
/// </summary>
public sealed class PrivacyStore(
    GeoHandhavingDbContext db, MelderContactBescherming bescherming, PersoonsgegevensAudit audit, CurrentUser user, TimeProvider clock)
{
    public const string Verwijderd = "[verwijderd]";

    public async Task<(IReadOnlyList<InzageUitvoer> Inzages, long Totaal)> InzagesAsync(
        string? gebruiker, long? melding, DateTimeOffset? van, DateTimeOffset? tot, Paging paging, CancellationToken ct)
    {
        var query = db.ContactInzages.AsNoTracking().Where(i => i.GemeenteId == user.GemeenteId);
        if (!string.IsNullOrWhiteSpace(gebruiker)) query = query.Where(i => i.Door == gebruiker.Trim());
        if (melding is { } id) query = query.Where(i => i.MeldingId == id);
        if (van is { } v) query = query.Where(i => i.Op >= v);
        if (tot is { } t) query = query.Where(i => i.Op < t);
        var totaal = await query.LongCountAsync(ct);
        var inzages = await query.OrderByDescending(i => i.Op).ThenByDescending(i => i.Id).Skip(paging.Offset).Take(paging.Limit)
            .Select(i => Uitvoer(i)).ToListAsync(ct);
        return (inzages, totaal);
    }

    public async Task<IReadOnlyList<AvgMeldingUitvoer>> InzageAsync(MelderSleutel melder, string verzoek, CancellationToken ct)
    {
        var contacten = await VanMelderAsync(melder, ct);
        var ids = contacten.Keys.ToList();
        var meldingen = await db.Meldingen.AsNoTracking().Where(m => m.GemeenteId == user.GemeenteId && ids.Contains(m.Id))
            .OrderBy(m => m.GemeldOp).ToListAsync(ct);
        var historie = (await db.MeldingGebeurtenissen.AsNoTracking().Where(g => g.GemeenteId == user.GemeenteId && ids.Contains(g.MeldingId))
            .OrderBy(g => g.Op).ThenBy(g => g.Id).ToListAsync(ct)).ToLookup(g => g.MeldingId);
        var inzages = (await db.ContactInzages.AsNoTracking().Where(i => i.GemeenteId == user.GemeenteId && ids.Contains(i.MeldingId))
            .OrderBy(i => i.Op).ThenBy(i => i.Id).ToListAsync(ct)).ToLookup(i => i.MeldingId);
        await audit.RegistreerAsync(ids, ContactInzage.AvgInzage, verzoek, ct);
        return meldingen.Select(m => new AvgMeldingUitvoer(m.Id, m.Bron, m.Categorie, m.GemeldOp, m.Omschrijving, m.AdresTekst, m.Status.ToString(),
            contacten[m.Id], historie[m.Id].Select(g => new MeldingGebeurtenisUitvoer(g.Status, g.Op, g.Door, g.Toelichting)).ToList(),
            inzages[m.Id].Select(Uitvoer).ToList())).ToList();
    }

    private static InzageUitvoer Uitvoer(ContactInzage i) => new(i.Id, i.MeldingId, i.Handeling, i.Door, i.Rol, i.Op, i.Doel);

    /// <summary>Anonymises the melder's contact in every melding and removes name, e-mail and phone from the descriptions, in one transaction.</summary>
    public async Task<(IReadOnlyList<long> Meldingen, int Geanonimiseerd)> WisAsync(MelderSleutel melder, string verzoek, CancellationToken ct)
    {
        var contacten = await VanMelderAsync(melder, ct);
        var ids = contacten.Keys.Order().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var nu = clock.GetUtcNow();
        var geanonimiseerd = await db.MelderContacten.Where(c => c.GemeenteId == user.GemeenteId && ids.Contains(c.MeldingId) && c.Versleuteld != null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Versleuteld, (string?)null).SetProperty(c => c.Pseudoniem, (string?)null)
                .SetProperty(c => c.GeanonimiseerdOp, nu), ct);
        foreach (var melding in await db.Meldingen.Where(m => m.GemeenteId == user.GemeenteId && ids.Contains(m.Id) && m.Omschrijving != null).ToListAsync(ct))
        {
            melding.Omschrijving = Schoon(melding.Omschrijving!, contacten[melding.Id]);
        }
        await db.SaveChangesAsync(ct);
        await audit.RegistreerAsync(ids, ContactInzage.AvgWissing, verzoek, ct);
        await transaction.CommitAsync(ct);
        return (ids, geanonimiseerd);
    }

    private static string Schoon(string tekst, MelderGegevens melder) =>
        new[] { melder.Naam, melder.Email, melder.Telefoon }.Where(w => !string.IsNullOrWhiteSpace(w) && w!.Trim().Length >= 3)
            .Aggregate(tekst, (t, w) => Regex.Replace(t, Regex.Escape(w!.Trim()), Verwijderd, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant));

    /// <summary>The gemeente's contacts that belong to this melder, decrypted, by melding id.</summary>
    private async Task<Dictionary<long, MelderGegevens>> VanMelderAsync(MelderSleutel melder, CancellationToken ct)
    {
        var gevonden = new Dictionary<long, MelderGegevens>();
        await foreach (var c in db.MelderContacten.AsNoTracking().Where(c => c.GemeenteId == user.GemeenteId && c.Versleuteld != null)
                           .Select(c => new { c.MeldingId, c.Versleuteld }).AsAsyncEnumerable().WithCancellation(ct))
        {
            var gegevens = bescherming.Ontsleutel(c.Versleuteld!);
            if (melder.Past(gegevens)) gevonden[c.MeldingId] = gegevens;
        }
        return gevonden;
    }

}
