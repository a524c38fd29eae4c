using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Meldingen;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Boa's and which wijken (by code) they own; the first boa assigned to a wijk is its primary wijkboa.</summary>
public sealed class BoaStore(GeoHandhavingDbContext db, TimeProvider clock)
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

    /// <summary>
    /// Replaces the boa's of a wijk of one wijkindeling; the first id becomes primary. In the active wijkindeling the
    /// open meldingen of that wijk follow in the same transaction. Returns the ids that are not boa's of this gemeente.
    /// </summary>
    public async Task<long[]> AssignAsync(string gemeenteId, long wijkindelingId, string wijkCode, IReadOnlyList<long> boaIds, CancellationToken ct)
    {
        var known = await db.Boas.Where(b => b.GemeenteId == gemeenteId && boaIds.Contains(b.Id)).Select(b => b.Id).ToListAsync(ct);
        var unknown = boaIds.Except(known).ToArray();
        if (unknown.Length > 0)
        {
            return unknown;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.WijkBoas.Where(wb => wb.GemeenteId == gemeenteId && wb.WijkindelingId == wijkindelingId && wb.WijkCode == wijkCode).ExecuteDeleteAsync(ct);
        db.WijkBoas.AddRange(boaIds.Distinct().Select((id, i) =>
            new WijkBoa { GemeenteId = gemeenteId, WijkindelingId = wijkindelingId, WijkCode = wijkCode, BoaId = id, Primair = i == 0 }));
        await db.SaveChangesAsync(ct);
        if (await db.Wijkindelingen.AnyAsync(w => w.GemeenteId == gemeenteId && w.Id == wijkindelingId && w.Status == WijkindelingStatus.Actief, ct))
        {
            await WijkToewijzing.HerverdeelAsync(db, gemeenteId, new Herverdeling(Toewijzing.WijkboaGewijzigd, WijkCode: wijkCode), clock.GetUtcNow(), ct);
        }
        await tx.CommitAsync(ct);
        return [];
    }

    /// <summary>
    /// The boa's per wijk code of a wijkindeling. A draft's wijk without boa's of its own shows the active wijk's of
    /// the same code: the ones activation carries over (<see cref="CarryOverAsync"/>).
    /// </summary>
    public async Task<ILookup<string, BoaRef>> PerWijkAsync(string gemeenteId, long wijkindelingId, IReadOnlyCollection<string> wijkCodes,
        CancellationToken ct)
    {
        var actief = await db.Wijkindelingen.Where(w => w.GemeenteId == gemeenteId && w.Status == WijkindelingStatus.Actief)
            .Select(w => (long?)w.Id).FirstOrDefaultAsync(ct);
        var concept = await db.Wijkindelingen.AnyAsync(w => w.GemeenteId == gemeenteId && w.Id == wijkindelingId && w.Status == WijkindelingStatus.Concept, ct);
        var rows = await (from wb in db.WijkBoas
                          join b in db.Boas on new { wb.GemeenteId, Id = wb.BoaId } equals new { b.GemeenteId, b.Id }
                          where wb.GemeenteId == gemeenteId && wijkCodes.Contains(wb.WijkCode)
                                && (wb.WijkindelingId == wijkindelingId || (concept && wb.WijkindelingId == actief))
                          orderby wb.Primair descending, b.Code
                          select new { wb.WijkCode, wb.WijkindelingId, Boa = new BoaRef(b.Id, b.Code, b.Naam, wb.Primair) }).ToListAsync(ct);
        var eigen = rows.Where(r => r.WijkindelingId == wijkindelingId).Select(r => r.WijkCode).ToHashSet();
        return rows.Where(r => r.WijkindelingId == wijkindelingId || !eigen.Contains(r.WijkCode)).ToLookup(r => r.WijkCode, r => r.Boa);
    }

    /// <summary>At activation: every wijk of the draft without boa's of its own gets those of the active wijk with its code.</summary>
    public Task<int> CarryOverAsync(string gemeenteId, long conceptId, CancellationToken ct) =>
        db.Database.ExecuteSqlRawAsync(BoaSql.CarryOver,
            [new Npgsql.NpgsqlParameter("gemeente", gemeenteId), new Npgsql.NpgsqlParameter("concept", conceptId)], ct);
}

internal static class BoaSql
{
    public const string CarryOver = """
        INSERT INTO wijk_boa (gemeente_id, wijkindeling_id, wijk_code, boa_id, primair)
        SELECT wb.gemeente_id, @concept, wb.wijk_code, wb.boa_id, wb.primair
        FROM wijk_boa wb JOIN wijkindeling a ON a.gemeente_id = wb.gemeente_id AND a.id = wb.wijkindeling_id AND a.status = 'Actief'
        WHERE wb.gemeente_id = @gemeente
          AND EXISTS (SELECT 1 FROM wijk w WHERE w.gemeente_id = @gemeente AND w.wijkindeling_id = @concept AND w.code = wb.wijk_code)
          AND NOT EXISTS (SELECT 1 FROM wijk_boa eigen
                          WHERE eigen.gemeente_id = @gemeente AND eigen.wijkindeling_id = @concept AND eigen.wijk_code = wb.wijk_code)
        """;
}
