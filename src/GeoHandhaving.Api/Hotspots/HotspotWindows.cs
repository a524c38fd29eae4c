using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>What deciding "is this instant in that window" needs for one gemeente: its windows, the school holidays, its region.</summary>
public sealed record WindowContext(IReadOnlyList<TimeWindow> Windows, SchoolCalendar Calendar, SchoolRegio Regio);

/// <summary>
/// The windows hotspots are computed for: the shipped defaults plus the gemeente's own named windows; and the one
/// place the window context (<see cref="WindowContext"/>) is loaded, for the recompute, the snapshots, the heatmap and the proposal.
/// </summary>
public sealed class HotspotWindows(GeoHandhavingDbContext db, SchoolCalendarStore calendars)
{
    public async Task<WindowContext> ContextAsync(string gemeenteId, CancellationToken ct) =>
        new(await ForGemeenteAsync(gemeenteId, ct), await calendars.LoadAsync(ct), await RegioAsync(gemeenteId, ct));

    public async Task<IReadOnlyList<TimeWindow>> ForGemeenteAsync(string gemeenteId, CancellationToken ct)
    {
        var own = await db.Tijdvensters.AsNoTracking().Where(t => t.GemeenteId == gemeenteId).ToListAsync(ct);
        var parsed = own.Select(t => TimeWindowParser.Parse(t.Code, t.Definitie, t.Categorieen, t.AlleenSchooldagen)).ToList();
        var ownNames = parsed.Select(w => w.Name).ToHashSet();
        return [.. DefaultTimeWindows.All.Where(w => !ownNames.Contains(w.Name)), .. parsed];
    }

    /// <summary>
    /// A window given by name (one of the gemeente's, e.g. schoolbrengen or uur-di-08) or by definition
    /// (e.g. "ma-vr 07:00-09:00"); the error says why neither fits.
    /// </summary>
    public async Task<(TimeWindow? Window, string? Error)> ResolveAsync(string gemeenteId, string nameOrDefinition, CancellationToken ct)
    {
        var text = nameOrDefinition.Trim();
        var windows = await ForGemeenteAsync(gemeenteId, ct);
        if (windows.FirstOrDefault(w => string.Equals(w.Name, text, StringComparison.OrdinalIgnoreCase)) is { } named) return (named, null);
        try
        {
            return (TimeWindowParser.Parse("eigen", text), null);
        }
        catch (FormatException e)
        {
            var names = string.Join(", ", windows.Except(DefaultTimeWindows.HoursOfWeek).Select(w => w.Name));
            return (null, $"geen venster van de gemeente ({names}, uur-di-08 …) en geen definitie als 'ma-vr 07:00-09:00': {e.Message}");
        }
    }

    /// <summary>The school holiday region whose calendar decides the gemeente's school days (noord when not set).</summary>
    private async Task<SchoolRegio> RegioAsync(string gemeenteId, CancellationToken ct)
    {
        var regio = await db.Gemeenten.Where(g => g.Id == gemeenteId).Select(g => g.SchoolRegio).SingleOrDefaultAsync(ct);
        return Enum.TryParse<SchoolRegio>(regio, ignoreCase: true, out var waarde) ? waarde : SchoolRegio.Noord;
    }

    /// <summary>Sets the gemeente's school regio; false when the gemeente does not exist.</summary>
    public async Task<bool> ZetRegioAsync(string gemeenteId, SchoolRegio regio, CancellationToken ct) =>
        await db.Gemeenten.Where(g => g.Id == gemeenteId)
            .ExecuteUpdateAsync(s => s.SetProperty(g => g.SchoolRegio, regio.ToString().ToLowerInvariant()), ct) == 1;
}
