using GeoHandhaving.Api.Data;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// The categorie taxonomy of a gemeente: what it configured in the categorie table, or the default handhaving
/// taxonomy below while it configured nothing.
/// </summary>
public sealed class CategorieTaxonomie(GeoHandhavingDbContext db)
{
    public static readonly IReadOnlyList<(string Code, string Naam, string[] Subcategorieen)> Standaard =
    [
        ("parkeeroverlast", "Parkeeroverlast", ["foutparkeren", "stoepparkeren", "laden-lossen", "gehandicaptenplaats"]),
        ("afval", "Afval", ["bijplaatsing", "zwerfafval", "grofvuil", "dumping"]),
        ("jeugdoverlast", "Jeugdoverlast", ["hangjongeren", "vernieling", "intimidatie"]),
        ("hondenoverlast", "Hondenoverlast", ["hondenpoep", "loslopend", "blaffen"]),
        ("geluidsoverlast", "Geluidsoverlast", ["muziek", "horeca", "schreeuwen"]),
        ("weesfietsen", "Weesfietsen", ["weesfiets", "fietswrak"]),
        ("overig", "Overig", []),
    ];

    public async Task<IReadOnlySet<string>> CodesAsync(string gemeenteId, CancellationToken ct)
    {
        var configured = await db.Categorieen.Where(c => c.GemeenteId == gemeenteId && c.ParentCode == null)
            .Select(c => c.Code).ToListAsync(ct);
        return (configured.Count > 0 ? configured : Standaard.Select(c => c.Code)).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<Categorie>> AllAsync(string gemeenteId, CancellationToken ct)
    {
        var configured = await db.Categorieen.Where(c => c.GemeenteId == gemeenteId).OrderBy(c => c.Code).ToListAsync(ct);
        return configured.Count > 0
            ? configured
            : Standaard.SelectMany(c => new[] { new Categorie { GemeenteId = gemeenteId, Code = c.Code, Naam = c.Naam } }
                .Concat(c.Subcategorieen.Select(s => new Categorie { GemeenteId = gemeenteId, Code = s, Naam = s, ParentCode = c.Code })))
                .ToList();
    }
}
