using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Security;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// The one way a read of personal data reaches the audit (table contact_inzage): who, with which role, which meldingen,
/// what (<see cref="ContactInzage.Handeling"/>), why and when. One set-based insert, in the caller's transaction when
/// there is one, so a list or an export of thousands of meldingen costs one statement.
/// </summary>
public sealed class PersoonsgegevensAudit(GeoHandhavingDbContext db, CurrentUser user, TimeProvider clock)
{
    public async Task RegistreerAsync(IReadOnlyCollection<long> meldingen, string handeling, string doel, CancellationToken ct)
    {
        if (meldingen.Count == 0) return;
        await db.Database.ExecuteSqlRawAsync(MeldingenSql.RegistreerInzage,
        [
            new NpgsqlParameter("gemeente", user.GemeenteId), new NpgsqlParameter("meldingen", meldingen.Distinct().ToArray()),
            new NpgsqlParameter("handeling", handeling), new NpgsqlParameter("door", user.Naam), new NpgsqlParameter("rol", user.HoofdRol),
            new NpgsqlParameter("op", clock.GetUtcNow()), new NpgsqlParameter("doel", doel),
        ], ct);
    }
}
