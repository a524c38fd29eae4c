using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Who writes, for which gemeente: the API takes it from the token, the CLI from its options.</summary>
public sealed record Actor(string GemeenteId, string Naam);

/// <summary>A change to a wijk: null members stay as they are (merge-patch semantics).</summary>
public sealed record WijkWijzigingInvoer(string? Naam, Geometry? Geometrie, Crs Crs, string? Reden, string? IfMatch = null);

/// <summary>
/// Reads and writes wijken. Every write is validated (<see cref="WijkValidation"/>; in the active wijkindeling no overlap and no gap),
/// honours If-Match when given, and appends a <see cref="WijkVersie"/> (who, when, why) in the same transaction.
/// REST, OGC API Features and the import all write through here.
/// </summary>
public sealed class WijkenStore(GeoHandhavingDbContext db, WijkValidation validation, WijkenOptions options, TimeProvider clock)
{
    public Task<Wijkindeling?> ActieveWijkindelingAsync(string gemeenteId, CancellationToken ct) =>
        db.Wijkindelingen.FirstOrDefaultAsync(w => w.GemeenteId == gemeenteId && w.Status == WijkindelingStatus.Actief, ct);

    /// <summary>The named wijkindeling, or the active one when <paramref name="id"/> is null.</summary>
    public Task<Wijkindeling?> WijkindelingAsync(string gemeenteId, long? id, CancellationToken ct) => id is null
        ? ActieveWijkindelingAsync(gemeenteId, ct)
        : db.Wijkindelingen.FirstOrDefaultAsync(w => w.GemeenteId == gemeenteId && w.Id == id, ct);

    public async Task<Wijkindeling> ActieveOfNieuweWijkindelingAsync(Actor actor, CancellationToken ct)
    {
        var actief = await ActieveWijkindelingAsync(actor.GemeenteId, ct);
        if (actief is not null)
        {
            return actief;
        }
        var now = clock.GetUtcNow();
        actief = new Wijkindeling
        {
            GemeenteId = actor.GemeenteId, Naam = "Wijkindeling", Status = WijkindelingStatus.Actief,
            AangemaaktOp = now, AangemaaktDoor = actor.Naam, GeactiveerdOp = now,
        };
        db.Wijkindelingen.Add(actief);
        await db.SaveChangesAsync(ct);
        return actief;
    }

    public Task<int> BuurtCountAsync(string gemeenteId, CancellationToken ct) =>
        db.Buurten.CountAsync(b => b.GemeenteId == gemeenteId, ct);

    /// <summary>Those of <paramref name="codes"/> that are no buurt of the gemeente, in the order given.</summary>
    public async Task<List<string>> UnknownBuurtCodesAsync(string gemeenteId, IReadOnlyCollection<string> codes, CancellationToken ct)
    {
        var known = await db.Buurten.Where(b => b.GemeenteId == gemeenteId && codes.Contains(b.Code)).Select(b => b.Code).ToListAsync(ct);
        return codes.Except(known).ToList();
    }

    public Task<Wijk?> FindAsync(string gemeenteId, long id, CancellationToken ct) =>
        db.Wijken.FirstOrDefaultAsync(w => w.GemeenteId == gemeenteId && w.Id == id, ct);

    public Task<Wijk?> FindByCodeAsync(string gemeenteId, long wijkindelingId, string code, CancellationToken ct) =>
        db.Wijken.FirstOrDefaultAsync(w => w.GemeenteId == gemeenteId && w.WijkindelingId == wijkindelingId && w.Code == code, ct);

    public IQueryable<Wijk> Query(string gemeenteId, long wijkindelingId, Envelope? bboxRd)
    {
        var wijken = db.Wijken.AsNoTracking().Where(w => w.GemeenteId == gemeenteId && w.WijkindelingId == wijkindelingId);
        if (bboxRd is not null)
        {
            var box = Core.Geometry.RdNew.RdFactory.ToGeometry(bboxRd);
            wijken = wijken.Where(w => w.Geometrie.Intersects(box));
        }
        return wijken.OrderBy(w => w.Code);
    }

    /// <summary>The wijkindeling that was active at <paramref name="at"/>, as its versions stood then.</summary>
    public async Task<IQueryable<WijkVersie>?> AsOfAsync(string gemeenteId, DateTimeOffset at, Envelope? bboxRd, CancellationToken ct)
    {
        var indeling = await db.Wijkindelingen
            .Where(w => w.GemeenteId == gemeenteId && w.GeactiveerdOp != null && w.GeactiveerdOp <= at)
            .OrderByDescending(w => w.GeactiveerdOp).FirstOrDefaultAsync(ct);
        if (indeling is null)
        {
            return null;
        }
        var versies = db.WijkVersies.AsNoTracking().Where(v => v.GemeenteId == gemeenteId && v.WijkindelingId == indeling.Id
            && v.GeldigVan <= at && (v.GeldigTot == null || v.GeldigTot > at) && v.Geometrie != null);
        if (bboxRd is not null)
        {
            var box = Core.Geometry.RdNew.RdFactory.ToGeometry(bboxRd);
            versies = versies.Where(v => v.Geometrie!.Intersects(box));
        }
        return versies.OrderBy(v => v.Code);
    }

    /// <summary>
    /// Every version of a wijk that was in force at some moment of [<paramref name="van"/>, <paramref name="tot"/>] (open
    /// ends allowed): in force means its own validity overlaps the time its wijkindeling was the active one.
    /// </summary>
    public IQueryable<WijkVersie> During(string gemeenteId, DateTimeOffset? van, DateTimeOffset? tot, Envelope? bboxRd)
    {
        var versies = db.WijkVersies.FromSqlRaw(WijkenSql.VersiesInInterval,
            new Npgsql.NpgsqlParameter("gemeente", gemeenteId),
            new Npgsql.NpgsqlParameter("van", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)van ?? DBNull.Value },
            new Npgsql.NpgsqlParameter("tot", NpgsqlTypes.NpgsqlDbType.TimestampTz) { Value = (object?)tot ?? DBNull.Value }).AsNoTracking();
        if (bboxRd is not null)
        {
            var box = Core.Geometry.RdNew.RdFactory.ToGeometry(bboxRd);
            versies = versies.Where(v => v.Geometrie!.Intersects(box));
        }
        return versies.OrderBy(v => v.Code).ThenBy(v => v.GeldigVan);
    }

    /// <summary>The wijk containing the point: the current <see cref="Wijk"/>, or as of <paramref name="at"/> a <see cref="WijkVersie"/>.</summary>
    public async Task<object?> WijkOpPuntAsync(string gemeenteId, Point rd, DateTimeOffset? at, CancellationToken ct)
    {
        if (at is { } moment)
        {
            var versies = await AsOfAsync(gemeenteId, moment, null, ct);
            return versies is null ? null : await versies.Where(v => v.Geometrie!.Covers(rd)).FirstOrDefaultAsync(ct);
        }
        var actief = await ActieveWijkindelingAsync(gemeenteId, ct);
        return actief is null ? null : await Query(gemeenteId, actief.Id, null).Where(w => w.Geometrie.Covers(rd)).FirstOrDefaultAsync(ct);
    }

    public IQueryable<Buurt> Buurten(string gemeenteId, Envelope? bboxRd)
    {
        var buurten = db.Buurten.AsNoTracking().Where(b => b.GemeenteId == gemeenteId);
        if (bboxRd is not null)
        {
            var box = Core.Geometry.RdNew.RdFactory.ToGeometry(bboxRd);
            buurten = buurten.Where(b => b.Geometrie.Intersects(box));
        }
        return buurten.OrderBy(b => b.Code);
    }

    /// <summary>The RD New extent of a wijkindeling's wijken, or (null) of the buurten; null when there are none.</summary>
    public async Task<Envelope?> ExtentAsync(string gemeenteId, long? wijkindelingId, CancellationToken ct)
    {
        var envelopes = wijkindelingId is { } indeling
            ? await db.Wijken.Where(w => w.GemeenteId == gemeenteId && w.WijkindelingId == indeling).Select(w => w.Geometrie.Envelope).ToListAsync(ct)
            : await db.Buurten.Where(b => b.GemeenteId == gemeenteId).Select(b => b.Geometrie.Envelope).ToListAsync(ct);
        if (envelopes.Count == 0) return null;
        var extent = new Envelope();
        envelopes.ForEach(e => extent.ExpandToInclude(e.EnvelopeInternal));
        return extent;
    }

    public Task<WijkVersie?> VersionAsync(string gemeenteId, long wijkId, int versie, CancellationToken ct) =>
        db.WijkVersies.AsNoTracking().FirstOrDefaultAsync(v => v.GemeenteId == gemeenteId && v.WijkId == wijkId && v.Versie == versie, ct);

    public Task<List<WijkVersie>> HistoryAsync(string gemeenteId, long wijkId, CancellationToken ct) =>
        db.WijkVersies.AsNoTracking().Where(v => v.GemeenteId == gemeenteId && v.WijkId == wijkId).OrderBy(v => v.Versie).ToListAsync(ct);

    public async Task<WijkWriteResult> CreateAsync(Actor actor, long wijkindelingId, string code, string naam,
        Geometry? geometrie, Crs crs, string? reden, CancellationToken ct)
    {
        if (await IsArchivedAsync(actor.GemeenteId, wijkindelingId, ct))
        {
            return new WijkFout.Archived(wijkindelingId);
        }
        var (rd, problem) = validation.ToValidStorage(geometrie, crs);
        if (problem is not null)
        {
            return new WijkFout.InvalidGeometry(problem);
        }
        if (await FindByCodeAsync(actor.GemeenteId, wijkindelingId, code, ct) is { } bestaand)
        {
            return new WijkFout.DuplicateCode(code, bestaand.Id);
        }
        var actief = await IsActiveAsync(actor.GemeenteId, wijkindelingId, ct);
        var (fitted, dekking) = await CoverageRuleAsync(actief, actor.GemeenteId, wijkindelingId, null, null, rd, ct);
        if (dekking is not null)
        {
            return dekking;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var wijk = await InsertAsync(actor, wijkindelingId, code, naam, fitted!, reden, ct);
        await OwnersFollowAsync(actief, actor.GemeenteId, null, wijk.Geometrie, wijk.GewijzigdOp, ct);
        await tx.CommitAsync(ct);
        return WijkWriteResult.Ok(wijk);
    }

    private async Task<Wijk> InsertAsync(Actor actor, long wijkindelingId, string code, string naam, MultiPolygon rd, string? reden,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var wijk = new Wijk
        {
            GemeenteId = actor.GemeenteId, WijkindelingId = wijkindelingId, Code = code, Naam = naam, Geometrie = rd,
            Versie = 1, GewijzigdOp = now, GewijzigdDoor = actor.Naam,
        };
        db.Wijken.Add(wijk);
        await db.SaveChangesAsync(ct);
        await AppendVersionAsync(wijk, WijkWijziging.Aangemaakt, reden, now, ct);
        await db.SaveChangesAsync(ct);
        return wijk;
    }

    /// <summary>
    /// Writes an import that was checked as a whole (validity, slivers snapped, no overlap left): a version for every wijk
    /// created or changed, in the caller's transaction so the file lands whole or not at all.
    /// </summary>
    public async Task WriteImportAsync(Actor actor, long wijkindelingId, IReadOnlyList<(string Code, string Naam, MultiPolygon Geometrie)> wijken,
        string reden, CancellationToken ct)
    {
        foreach (var (code, naam, geometrie) in wijken)
        {
            if (await FindByCodeAsync(actor.GemeenteId, wijkindelingId, code, ct) is not { } wijk)
            {
                await InsertAsync(actor, wijkindelingId, code, naam, geometrie, reden, ct);
                continue;
            }
            Apply(wijk, naam, geometrie, actor);
            await AppendVersionAsync(wijk, WijkWijziging.Gewijzigd, reden, wijk.GewijzigdOp, ct);
            await db.SaveChangesAsync(ct);
        }
        if (wijken.Count > 0 && await IsActiveAsync(actor.GemeenteId, wijkindelingId, ct))
        {
            await WijkToewijzing.HerverdeelAsync(db, actor.GemeenteId, new Herverdeling(Toewijzing.WijkgrensAangepast), clock.GetUtcNow(), ct);
        }
    }

    private void Apply(Wijk wijk, string naam, MultiPolygon geometrie, Actor actor)
    {
        wijk.Naam = naam;
        wijk.Geometrie = geometrie;
        wijk.Versie++;
        wijk.GewijzigdOp = clock.GetUtcNow();
        wijk.GewijzigdDoor = actor.Naam;
    }

    public async Task<WijkWriteResult> UpdateAsync(Actor actor, long id, WijkWijzigingInvoer verzoek, CancellationToken ct) =>
        await ChangeAsync(actor, id, verzoek, WijkWijziging.Gewijzigd, ct);

    public async Task<WijkWriteResult> RestoreAsync(Actor actor, long id, int versie, string? reden, string? ifMatch, CancellationToken ct)
    {
        var oud = await db.WijkVersies.AsNoTracking()
            .FirstOrDefaultAsync(v => v.GemeenteId == actor.GemeenteId && v.WijkId == id && v.Versie == versie, ct);
        if (oud?.Geometrie is null)
        {
            return new WijkFout.NotFound("Wijkversie", $"{id}/{versie}");
        }
        reden ??= $"herstel van versie {versie}";
        if (await FindAsync(actor.GemeenteId, id, ct) is null)
        {
            return await UndeleteAsync(actor, oud, reden, ct);
        }
        var verzoek = new WijkWijzigingInvoer(oud.Naam, oud.Geometrie, Crs.RdNewCrs, reden, ifMatch);
        return await ChangeAsync(actor, id, verzoek, WijkWijziging.Hersteld, ct);
    }

    /// <summary>
    /// Brings a deleted wijk back under its own id (so its history stays one line) as version <paramref name="oud"/> was,
    /// checked like a new wijk: the wijkindeling must be editable, the code free and the area not taken by another wijk.
    /// </summary>
    private async Task<WijkWriteResult> UndeleteAsync(Actor actor, WijkVersie oud, string reden, CancellationToken ct)
    {
        var laatste = await db.WijkVersies.AsNoTracking().Where(v => v.GemeenteId == actor.GemeenteId && v.WijkId == oud.WijkId)
            .OrderByDescending(v => v.Versie).FirstAsync(ct);
        if (laatste.Wijziging != WijkWijziging.Verwijderd) return new WijkFout.NotFound("Wijk", oud.WijkId);
        if (await IsArchivedAsync(actor.GemeenteId, laatste.WijkindelingId, ct)) return new WijkFout.Archived(laatste.WijkindelingId);
        if (await FindByCodeAsync(actor.GemeenteId, laatste.WijkindelingId, oud.Code, ct) is { } bestaand)
        {
            return new WijkFout.DuplicateCode(oud.Code, bestaand.Id);
        }
        var actief = await IsActiveAsync(actor.GemeenteId, laatste.WijkindelingId, ct);
        var (fitted, dekking) = await CoverageRuleAsync(actief, actor.GemeenteId, laatste.WijkindelingId, null, null, oud.Geometrie, ct);
        if (dekking is not null)
        {
            return dekking;
        }
        var now = clock.GetUtcNow();
        var wijk = new Wijk
        {
            GemeenteId = actor.GemeenteId, Id = oud.WijkId, WijkindelingId = laatste.WijkindelingId, Code = oud.Code, Naam = oud.Naam,
            Geometrie = fitted!, Versie = laatste.Versie + 1, GewijzigdOp = now, GewijzigdDoor = actor.Naam,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(WijkenSql.InsertUnderOwnId,
        [
            new Npgsql.NpgsqlParameter("gemeente", wijk.GemeenteId), new Npgsql.NpgsqlParameter("id", wijk.Id),
            new Npgsql.NpgsqlParameter("wijkindeling", wijk.WijkindelingId), new Npgsql.NpgsqlParameter("code", wijk.Code),
            new Npgsql.NpgsqlParameter("naam", wijk.Naam), new Npgsql.NpgsqlParameter("geometrie", wijk.Geometrie),
            new Npgsql.NpgsqlParameter("versie", wijk.Versie), new Npgsql.NpgsqlParameter("op", now),
            new Npgsql.NpgsqlParameter("door", wijk.GewijzigdDoor),
        ], ct);
        await AppendVersionAsync(wijk, WijkWijziging.Hersteld, reden, now, ct);
        await db.SaveChangesAsync(ct);
        await OwnersFollowAsync(actief, actor.GemeenteId, null, wijk.Geometrie, now, ct);
        await tx.CommitAsync(ct);
        return WijkWriteResult.Ok(wijk);
    }

    public async Task<WijkWriteResult> DeleteAsync(Actor actor, long id, string? reden, string? ifMatch, CancellationToken ct)
    {
        var wijk = await FindAsync(actor.GemeenteId, id, ct);
        if (wijk is null)
        {
            return new WijkFout.NotFound("Wijk", id);
        }
        if (await IsArchivedAsync(actor.GemeenteId, wijk.WijkindelingId, ct))
        {
            return new WijkFout.Archived(wijk.WijkindelingId);
        }
        if (!WijkETag.Matches(ifMatch, wijk))
        {
            return await StaleAsync(wijk, ct);
        }
        var actief = await IsActiveAsync(actor.GemeenteId, wijk.WijkindelingId, ct);
        if ((await CoverageRuleAsync(actief, actor.GemeenteId, wijk.WijkindelingId, wijk, wijk.Geometrie, null, ct)).Fout is { } dekking)
        {
            return dekking;
        }
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        wijk.Versie++;
        wijk.GewijzigdOp = now;
        wijk.GewijzigdDoor = actor.Naam;
        await AppendVersionAsync(wijk, WijkWijziging.Verwijderd, reden, now, ct);
        db.Wijken.Remove(wijk);
        if (!await SaveOrStaleAsync(ct))
        {
            return await StaleAsync(wijk, ct);
        }
        await OwnersFollowAsync(actief, actor.GemeenteId, wijk.Geometrie, null, now, ct);
        await tx.CommitAsync(ct);
        return WijkWriteResult.Ok(wijk);
    }

    private async Task<WijkWriteResult> ChangeAsync(Actor actor, long id, WijkWijzigingInvoer verzoek, WijkWijziging wijziging,
        CancellationToken ct)
    {
        var wijk = await FindAsync(actor.GemeenteId, id, ct);
        if (wijk is null)
        {
            return new WijkFout.NotFound("Wijk", id);
        }
        if (await IsArchivedAsync(actor.GemeenteId, wijk.WijkindelingId, ct))
        {
            return new WijkFout.Archived(wijk.WijkindelingId);
        }
        if (!WijkETag.Matches(verzoek.IfMatch, wijk))
        {
            return await StaleAsync(wijk, ct);
        }
        var geometrie = wijk.Geometrie;
        var oud = wijk.Geometrie;
        var actief = await IsActiveAsync(actor.GemeenteId, wijk.WijkindelingId, ct);
        if (verzoek.Geometrie is not null)
        {
            var (rd, problem) = validation.ToValidStorage(verzoek.Geometrie, verzoek.Crs);
            if (problem is not null)
            {
                return new WijkFout.InvalidGeometry(problem);
            }
            // The same shape, read in any CRS the API offers and sent back, is no change and so never a conflict.
            if (!ShapeComparison.SameShape(wijk.Geometrie, rd!, options.SameShapeToleranceM))
            {
                var (fitted, dekking) = await CoverageRuleAsync(actief, actor.GemeenteId, wijk.WijkindelingId, wijk, wijk.Geometrie, rd, ct);
                if (dekking is not null)
                {
                    return dekking;
                }
                geometrie = fitted!;
            }
        }
        var naam = verzoek.Naam ?? wijk.Naam;
        if (wijziging == WijkWijziging.Gewijzigd && naam == wijk.Naam && ReferenceEquals(geometrie, wijk.Geometrie))
        {
            return WijkWriteResult.Ok(wijk);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Apply(wijk, naam, geometrie, actor);
        await AppendVersionAsync(wijk, wijziging, verzoek.Reden, wijk.GewijzigdOp, ct);
        if (!await SaveOrStaleAsync(ct))
        {
            return await StaleAsync(wijk, ct);
        }
        if (!geometrie.EqualsExact(oud))
        {
            await OwnersFollowAsync(actief, actor.GemeenteId, oud, geometrie, wijk.GewijzigdOp, ct);
        }
        await tx.CommitAsync(ct);
        return WijkWriteResult.Ok(wijk);
    }

    /// <summary>
    /// The coverage rule of a write that replaces <paramref name="oud"/> (null: a new wijk) by <paramref name="nieuw"/>
    /// (null: a deletion). A draft may hold gaps and overlaps until its activation checks the whole. The active
    /// wijkindeling never holds one: the new geometry may not overlap another wijk, and what the old one covered inside
    /// the gemeentegrens must stay covered (without a grens no gap can be told).
    /// </summary>
    /// <returns>The geometry to store (snapped to its neighbours where they differ by a sliver), or why not.</returns>
    private async Task<(MultiPolygon? Geometrie, WijkFout? Fout)> CoverageRuleAsync(bool actief, string gemeenteId, long wijkindelingId,
        Wijk? zelf, MultiPolygon? oud, MultiPolygon? nieuw, CancellationToken ct)
    {
        var geometrie = nieuw;
        if (nieuw is not null)
        {
            var (fitted, overlap) = await FitAsync(gemeenteId, wijkindelingId, zelf, nieuw, ct);
            if (overlap is not null && actief)
            {
                return (null, overlap);
            }
            geometrie = fitted ?? nieuw;
        }
        if (actief && oud is not null && await GapAsync(gemeenteId, wijkindelingId, zelf?.Id, oud, geometrie, ct) is { } gap)
        {
            return (null, gap);
        }
        return (geometrie, null);
    }

    private async Task<WijkFout.Gap?> GapAsync(string gemeenteId, long wijkindelingId, long? zelf, MultiPolygon oud, MultiPolygon? nieuw,
        CancellationToken ct)
    {
        var gat = await db.Database.SqlQueryRaw<GatRij>(WijkenSql.NieuwGat,
            new Npgsql.NpgsqlParameter("gemeente", gemeenteId), new Npgsql.NpgsqlParameter("wijkindeling", wijkindelingId),
            new Npgsql.NpgsqlParameter("zelf", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)zelf ?? DBNull.Value },
            new Npgsql.NpgsqlParameter("oud", oud),
            new Npgsql.NpgsqlParameter("nieuw", (object?)nieuw ?? DBNull.Value) { DataTypeName = "geometry" },
            new Npgsql.NpgsqlParameter("ruis", options.NoiseM2)).ToListAsync(ct);
        // A gap thinner than the sliver width is reprojection noise, as an overlap is (the one sliver rule).
        var echt = gat.FirstOrDefault(g => !options.Slivers.IsThin(g.Oppervlakte, g.Omtrek));
        return echt is null ? null : new WijkFout.Gap(Math.Round(echt.Oppervlakte, 2), echt.Geometrie);
    }

    private sealed record GatRij(double Oppervlakte, double Omtrek, Geometry Geometrie);

    private Task<bool> IsActiveAsync(string gemeenteId, long wijkindelingId, CancellationToken ct) =>
        db.Wijkindelingen.AnyAsync(w => w.GemeenteId == gemeenteId && w.Id == wijkindelingId && w.Status == WijkindelingStatus.Actief, ct);

    /// <summary>
    /// Owners follow the wijk: when the active wijkindeling's geometry changes, the open meldingen in the old or new
    /// area move to their wijk and owner now, in the caller's transaction (a draft's edits move nobody).
    /// </summary>
    private async Task OwnersFollowAsync(bool actief, string gemeenteId, Geometry? oud, Geometry? nieuw, DateTimeOffset now, CancellationToken ct)
    {
        if (!actief) return;
        // The box around both: only meldingen whose assignment really changes are written, so a wider net is harmless.
        var gebied = new Envelope(oud?.EnvelopeInternal ?? nieuw!.EnvelopeInternal);
        gebied.ExpandToInclude(nieuw?.EnvelopeInternal ?? gebied);
        await WijkToewijzing.HerverdeelAsync(db, gemeenteId,
            new Herverdeling(Toewijzing.WijkgrensAangepast, Core.Geometry.RdNew.RdFactory.ToGeometry(gebied)), now, ct);
    }

    /// <summary>
    /// The overlap check of a write: the geometry as it will be stored, snapped to the neighbours in its wijkindeling where
    /// they differ by a sliver (<see cref="WijkenOptions.Slivers"/>); the largest real overlap when there is one.
    /// </summary>
    private async Task<(MultiPolygon? Geometrie, WijkFout.Overlap? Overlap)> FitAsync(string gemeenteId, long wijkindelingId, Wijk? zelf,
        MultiPolygon rd, CancellationToken ct)
    {
        var zelfId = zelf?.Id;
        var buren = await db.Wijken.AsNoTracking()
            .Where(w => w.GemeenteId == gemeenteId && w.WijkindelingId == wijkindelingId && w.Id != zelfId
                && w.Geometrie.IsWithinDistance(rd, options.SliverMaxWidthM))
            .Select(w => new { w.Id, w.Code, w.Naam, w.Geometrie }).ToListAsync(ct);
        var snap = BoundarySnapping.Snap(rd, buren.Select(b => (b.Code, (Geometry)b.Geometrie)).ToList(), options.Slivers, zelf?.Geometrie);
        if (snap.Overlappen.MaxBy(o => o.OppervlakteM2) is not { } echte)
        {
            return (snap.Geometrie, null);
        }
        var buur = buren.First(b => b.Code == echte.Buur);
        return (null, new WijkFout.Overlap(buur.Id, buur.Code, buur.Naam, echte.OppervlakteM2, echte.Gebied));
    }

    private async Task AppendVersionAsync(Wijk wijk, WijkWijziging wijziging, string? reden, DateTimeOffset now, CancellationToken ct)
    {
        await db.WijkVersies.Where(v => v.GemeenteId == wijk.GemeenteId && v.WijkId == wijk.Id && v.GeldigTot == null)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.GeldigTot, now), ct);
        db.WijkVersies.Add(new WijkVersie
        {
            GemeenteId = wijk.GemeenteId, WijkId = wijk.Id, WijkindelingId = wijk.WijkindelingId, Versie = wijk.Versie,
            Code = wijk.Code, Naam = wijk.Naam, Geometrie = wijziging == WijkWijziging.Verwijderd ? null : wijk.Geometrie,
            Wijziging = wijziging, Door = wijk.GewijzigdDoor, GeldigVan = now,
            // A deletion is a version that is valid for no time: as-of queries skip it by its null geometry.
            GeldigTot = wijziging == WijkWijziging.Verwijderd ? now : null, Reden = reden,
        });
    }

    private async Task<bool> SaveOrStaleAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        // Two writers with the same If-Match both add version n+1; the loser meets the unique (wijk, versie) index
        // before its version check on wijk can fail, and is just as stale.
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException
        {
            SqlState: Npgsql.PostgresErrorCodes.UniqueViolation,
            TableName: "wijk_versie"
        })
        {
            return false;
        }
    }

    /// <summary>Stale, naming the version of the wijk as it is now in the database (another writer may have just changed it).</summary>
    private async Task<WijkWriteResult> StaleAsync(Wijk wijk, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var current = await FindAsync(wijk.GemeenteId, wijk.Id, ct);
        return current is null ? new WijkFout.NotFound("Wijk", wijk.Id) : new WijkFout.Stale(current.Id, current.Versie);
    }

    private Task<bool> IsArchivedAsync(string gemeenteId, long wijkindelingId, CancellationToken ct) =>
        db.Wijkindelingen.AnyAsync(w => w.GemeenteId == gemeenteId && w.Id == wijkindelingId && w.Status == WijkindelingStatus.Gearchiveerd, ct);
}

internal static class WijkenSql
{
    /// <summary>
    /// Versions in force during an interval: a wijkindeling is active from its activation until the next one's, a
    /// version from geldig_van until geldig_tot; NULL bounds are open (tstzrange treats them as infinite).
    /// </summary>
    public const string VersiesInInterval = """
        WITH indeling AS (
            SELECT id, tstzrange(geactiveerd_op, lead(geactiveerd_op) OVER (ORDER BY geactiveerd_op, id), '[)') AS actief
            FROM wijkindeling WHERE gemeente_id = @gemeente AND geactiveerd_op IS NOT NULL)
        SELECT v.* FROM wijk_versie v JOIN indeling i ON i.id = v.wijkindeling_id
        WHERE v.gemeente_id = @gemeente AND v.geometrie IS NOT NULL
          AND NOT isempty(tstzrange(v.geldig_van, v.geldig_tot, '[)') * i.actief)
          AND tstzrange(v.geldig_van, v.geldig_tot, '[)') * i.actief && tstzrange(@van, @tot, '[]')
        """;

    /// <summary>
    /// The pieces, largest first, that a change of one wijk (@oud to @nieuw, NULL for a deletion) leaves inside the
    /// gemeentegrens and outside every other wijk of the wijkindeling, above rounding noise (@ruis); none without a grens.
    /// </summary>
    public const string NieuwGat = """
        WITH weg AS (
            SELECT ST_Intersection(ST_Difference(@oud, coalesce(@nieuw, ST_GeomFromText('POLYGON EMPTY', 28992))), g.grens) AS geometrie
            FROM gemeente g WHERE g.id = @gemeente AND g.grens IS NOT NULL
        ), open AS (
            SELECT ST_Difference(weg.geometrie, coalesce((
                SELECT ST_Union(w.geometrie) FROM wijk w
                WHERE w.gemeente_id = @gemeente AND w.wijkindeling_id = @wijkindeling AND w.id IS DISTINCT FROM @zelf
                  AND w.geometrie && weg.geometrie), ST_GeomFromText('POLYGON EMPTY', 28992))) AS geometrie
            FROM weg
        )
        SELECT ST_Area(d.geom) AS oppervlakte, ST_Perimeter(d.geom) AS omtrek, d.geom AS geometrie
        FROM open CROSS JOIN LATERAL ST_Dump(ST_CollectionExtract(open.geometrie, 3)) d
        WHERE ST_Area(d.geom) > @ruis
        ORDER BY ST_Area(d.geom) DESC
        """;

    /// <summary>A restored wijk keeps its id: the identity column must be told to take the given value.</summary>
    public const string InsertUnderOwnId = """
        INSERT INTO wijk (gemeente_id, id, wijkindeling_id, code, naam, geometrie, versie, gewijzigd_op, gewijzigd_door)
        OVERRIDING SYSTEM VALUE
        VALUES (@gemeente, @id, @wijkindeling, @code, @naam, @geometrie, @versie, @op, @door)
        """;
}
