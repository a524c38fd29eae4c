using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>The school holidays from the schoolvakantie table (imported with `geoh import schoolvakanties`).</summary>
public sealed class SchoolCalendarStore(GeoHandhavingDbContext db)
{
    /// <summary>How far ahead a recompute and /health look: a run's hotspots serve the briefings of the coming weeks.</summary>
    public static readonly TimeSpan Vooruit = TimeSpan.FromDays(28);

    /// <summary>
    /// The sentence that says the calendar does not know <paramref name="datum"/> for the regio (and what is assumed
    /// then), or null when it does.
    /// </summary>
    public static string? Waarschuwing(SchoolCalendar kalender, SchoolRegio regio, DateOnly datum)
    {
        if (kalender.Covers(datum, regio)) return null;
        var regioNaam = regio.ToString().ToLowerInvariant();
        var bekend = kalender.CoveredUntil(regio) is { } tot
            ? $"De schoolvakanties van regio {regioNaam} zijn bekend van {DutchDates.Date(kalender.CoveredFrom!.Value)} tot en met {DutchDates.Date(tot)}"
            : $"Er zijn geen schoolvakanties van regio {regioNaam} geladen";
        return $"{bekend}; voor {DutchDates.Date(datum)} zijn de schooldagen onbekend: de schoolvensters gelden dan op elke werkdag "
            + "die geen feestdag is. Importeer het volgende schooljaar met geoh import schoolvakanties.";
    }

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
