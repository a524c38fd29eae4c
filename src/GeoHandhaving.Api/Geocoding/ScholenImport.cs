using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Geocoding;

/// <summary>
/// Loads school locations (GeoJSON points; DUO properties such as vestigingscode/vestigingsnaam, or code/naam) by code,
/// idempotently. Features without a point or outside RD New are reported, the others stored.
/// </summary>
public sealed class ScholenImport(GeoHandhavingDbContext db)
{
    private static readonly string[] CodeProperties = ["vestigingscode", "code", "naam"];
    private static readonly string[] NameProperties = ["vestigingsnaam", "naam"];

    public async Task<ImportUitvoer> ImportAsync(string gemeenteId, JsonElement featureCollection, CancellationToken ct)
    {
        var crs = WijkenImport.DeclaredCrs(featureCollection)
            ?? throw new ArgumentException("De crs van het bestand wordt niet ondersteund (CRS84 of EPSG:28992).");
        var bestaand = await db.Scholen.Where(s => s.GemeenteId == gemeenteId).ToDictionaryAsync(s => s.Code, ct);
        var (aangemaakt, gewijzigd, ongewijzigd) = (0, 0, 0);
        var afgewezen = new List<AfgewezenFeature>();
        foreach (var feature in WijkenImport.Features(featureCollection, new ImportOpties(), CodeProperties, NameProperties, afgewezen))
        {
            if (feature.Geometrie is not Point punt || punt.IsEmpty)
            {
                afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "geometry", "geen punt (de school is niet gegeocodeerd)"));
                continue;
            }
            var rd = (Point)crs.ToStorage(punt);
            if (!RdNew.IsInValidArea(rd.X, rd.Y))
            {
                afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "geometry", $"punt ({punt.X}, {punt.Y}) ligt buiten RD New"));
                continue;
            }
            var soort = WijkenImport.Text(feature.Properties, ["soort"]);
            var adres = string.Join(" ", new[] { WijkenImport.Text(feature.Properties, ["straatnaam"]),
                WijkenImport.Text(feature.Properties, ["huisnummer_toevoeging", "huisnummer"]) }.Where(t => t is not null));
            if (!bestaand.TryGetValue(feature.Code, out var school))
            {
                school = new School { GemeenteId = gemeenteId, Code = feature.Code, Naam = feature.Naam, Soort = soort, Adres = adres, Punt = rd };
                db.Scholen.Add(school);
                bestaand[school.Code] = school;
                aangemaakt++;
            }
            else if (school.Naam != feature.Naam || school.Soort != soort || school.Adres != adres || !school.Punt.EqualsExact(rd))
            {
                (school.Naam, school.Soort, school.Adres, school.Punt) = (feature.Naam, soort, adres, rd);
                gewijzigd++;
            }
            else
            {
                ongewijzigd++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportUitvoer(aangemaakt, gewijzigd, ongewijzigd, afgewezen);
    }
}
