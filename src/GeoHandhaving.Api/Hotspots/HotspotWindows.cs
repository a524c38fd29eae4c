using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>The windows hotspots are computed for: the shipped defaults plus the gemeente's own named windows.</summary>
public sealed class HotspotWindows(GeoHandhavingDbContext db)
{
    public async Task<IReadOnlyList<TimeWindow>> ForGemeenteAsync(string gemeenteId, CancellationToken ct)
    {
        var own = await db.Tijdvensters.AsNoTracking().Where(t => t.GemeenteId == gemeenteId).ToListAsync(ct);
        var parsed = own.Select(t => TimeWindowParser.Parse(t.Code, t.Definitie, t.Categorieen, t.AlleenSchooldagen)).ToList();
        var ownNames = parsed.Select(w => w.Name).ToHashSet();
        return [.. DefaultTimeWindows.All.Where(w => !ownNames.Contains(w.Name)), .. parsed];
    }

    /// <summary>The school holiday region whose calendar decides the gemeente's school days (noord when not set).</summary>
    public async Task<SchoolRegio> RegioAsync(string gemeenteId, CancellationToken ct)
    {
        var regio = await db.Gemeenten.Where(g => g.Id == gemeenteId).Select(g => g.SchoolRegio).SingleOrDefaultAsync(ct);
        return Enum.TryParse<SchoolRegio>(regio, ignoreCase: true, out var waarde) ? waarde : SchoolRegio.Noord;
    }
}
