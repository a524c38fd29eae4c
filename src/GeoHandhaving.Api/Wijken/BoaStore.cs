using GeoHandhaving.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Boa's and which wijken (by code) they own; the first boa assigned to a wijk is its primary wijkboa.</summary>
public sealed class BoaStore(GeoHandhavingDbContext db)
{
    public Task<List<Boa>> ListAsync(string gemeenteId, CancellationToken ct) =>
        db.Boas.AsNoTracking().Where(b => b.GemeenteId == gemeenteId).OrderBy(b => b.Code).ToListAsync(ct);

    public Task<bool> ExistsAsync(string gemeenteId, string code, CancellationToken ct) =>
        db.Boas.AnyAsync(b => b.GemeenteId == gemeenteId && b.Code == code, ct);

    public async Task<Boa> CreateAsync(string gemeenteId, string code, string naam, string? gebruikersnaam, CancellationToken ct)
    {
        var boa = new Boa { GemeenteId = gemeenteId, Code = code, Naam = naam, Gebruikersnaam = gebruikersnaam };
        db.Boas.Add(boa);
        await db.SaveChangesAsync(ct);
        return boa;
    }

    /// <summary>Replaces the boa's of a wijk; the first id becomes primary. Returns the ids that are not boa's of this gemeente.</summary>
    public async Task<long[]> AssignAsync(string gemeenteId, string wijkCode, IReadOnlyList<long> boaIds, CancellationToken ct)
    {
        var known = await db.Boas.Where(b => b.GemeenteId == gemeenteId && boaIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct);
        var unknown = boaIds.Except(known).ToArray();
        if (unknown.Length > 0)
        {
            return unknown;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WijkBoas.Where(wb => wb.GemeenteId == gemeenteId && wb.WijkCode == wijkCode).ExecuteDeleteAsync(ct);
        db.WijkBoas.AddRange(boaIds.Distinct().Select((id, i) =>
            new WijkBoa { GemeenteId = gemeenteId, WijkCode = wijkCode, BoaId = id, Primair = i == 0 }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return [];
    }

    public async Task<ILookup<string, BoaRef>> PerWijkAsync(string gemeenteId, IReadOnlyCollection<string> wijkCodes, CancellationToken ct)
    {
        var rows = await (from wb in db.WijkBoas
                          join b in db.Boas on new { wb.GemeenteId, Id = wb.BoaId } equals new { b.GemeenteId, b.Id }
                          where wb.GemeenteId == gemeenteId && wijkCodes.Contains(wb.WijkCode)
                          orderby wb.Primair descending, b.Code
                          select new { wb.WijkCode, Boa = new BoaRef(b.Id, b.Code, b.Naam, wb.Primair) }).ToListAsync(ct);
        return rows.ToLookup(r => r.WijkCode, r => r.Boa);
    }
}
