using GeoHandhaving.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Gemeenten;

/// <summary>The one way a gemeente (tenant) comes to exist: the CLI imports, the demo loader and the tests call it.</summary>
public sealed class GemeenteStore(GeoHandhavingDbContext db)
{
    /// <summary>Creates the gemeente when it does not exist yet; a given <paramref name="naam"/> renames an existing one.</summary>
    public async Task<Gemeente> EnsureAsync(string code, string? naam, CancellationToken ct)
    {
        var gemeente = await db.Gemeenten.FirstOrDefaultAsync(g => g.Id == code, ct);
        if (gemeente is null)
        {
            gemeente = new Gemeente { Id = code, Naam = naam ?? code };
            db.Gemeenten.Add(gemeente);
        }
        else if (naam is not null)
        {
            gemeente.Naam = naam;
        }
        await db.SaveChangesAsync(ct);
        return gemeente;
    }
}
