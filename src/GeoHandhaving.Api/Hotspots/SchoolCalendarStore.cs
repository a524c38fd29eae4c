using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>The school holidays from the schoolvakantie table (imported with `geoh import schoolvakanties`).</summary>
public sealed class SchoolCalendarStore(GeoHandhavingDbContext db)
{
    public async Task<SchoolCalendar> LoadAsync(CancellationToken ct)
    {
        var rows = await db.SchoolVakanties.AsNoTracking().ToListAsync(ct);
        return new SchoolCalendar(rows.Select(r => new SchoolHoliday(r.Schooljaar, r.Vakantie,
            r.Regio == "alle" ? null : Enum.Parse<SchoolRegio>(r.Regio, ignoreCase: true), r.Van, r.Tot)).ToList());
    }

    /// <summary>Replaces the holidays of the school years in <paramref name="calendar"/> (idempotent per schooljaar).</summary>
    public async Task<int> ImportAsync(SchoolCalendar calendar, CancellationToken ct)
    {
        var years = calendar.Holidays.Select(h => h.Schooljaar).Distinct().ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SchoolVakanties.Where(v => years.Contains(v.Schooljaar)).ExecuteDeleteAsync(ct);
        db.SchoolVakanties.AddRange(calendar.Holidays.Select(h => new SchoolVakantie
        {
            Schooljaar = h.Schooljaar, Vakantie = h.Name, Regio = h.Regio?.ToString().ToLowerInvariant() ?? "alle", Van = h.From, Tot = h.To,
        }));
        var count = await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return count;
    }
}
