using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Wijken;

/// <summary>A feature to write: created, or changed in name, attributes or shape (its geometry already snapped).</summary>
/// <param name="Oud">The stored geometry, null for a new feature.</param>
internal sealed record ImportRegel(WijkenImport.ImportFeature Feature, MultiPolygon Geometrie, MultiPolygon? Oud, bool VormGewijzigd)
{
    public bool Nieuw => Oud is null;
}

/// <summary>
/// What an import of a whole file would do, worked out before anything is written, so it lands whole or not at all:
/// every feature validated; a geometry within <see cref="WijkenOptions.SameShapeToleranceM"/> of the stored one is the
/// same shape (no change); a changed shape is snapped to its neighbours (as stored or as the file leaves them) where they
/// differ by a sliver, and refused where it really overlaps one. Every problem is listed with feature, code, what and where.
/// </summary>
internal sealed class ImportPlan
{
    public List<ImportRegel> Regels { get; } = [];
    public int Ongewijzigd { get; private set; }
    public List<AfgewezenFeature> Afgewezen { get; } = [];
    public List<GecorrigeerdeFeature> Gecorrigeerd { get; } = [];
    public bool VormGewijzigd => Regels.Any(r => r.VormGewijzigd);

    /// <param name="bestaand">The stored neighbours by code: name and RD New geometry.</param>
    /// <param name="zelfdeKenmerken">Whether a feature's name and attributes equal the stored ones.</param>
    /// <param name="wat">"wijk" or "buurt", for the messages.</param>
    public static ImportPlan Maak(IEnumerable<WijkenImport.ImportFeature> features, List<AfgewezenFeature> afgewezen,
        IReadOnlyDictionary<string, (string Naam, MultiPolygon Geometrie)> bestaand, Func<WijkenImport.ImportFeature, bool> zelfdeKenmerken,
        Crs crs, WijkValidation validation, WijkenOptions options, string wat)
    {
        var plan = new ImportPlan();
        plan.Afgewezen.AddRange(afgewezen);
        var gezien = new HashSet<string>();
        var stand = bestaand.ToDictionary(b => b.Key, b => b.Value);
        foreach (var feature in features)
        {
            if (!gezien.Add(feature.Code))
            {
                plan.Afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "code", $"De code '{feature.Code}' staat meer dan eens in het bestand.",
                    "duplicate-code"));
                continue;
            }
            var (rd, probleem) = validation.ToValidStorage(feature.Geometrie, crs);
            if (probleem is not null)
            {
                plan.Afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "geometry", probleem.Detail, probleem.Type, probleem.Coordinate));
                continue;
            }
            var oud = bestaand.TryGetValue(feature.Code, out var b) ? b.Geometrie : null;
            var zelfdeVorm = oud is not null && ShapeComparison.SameShape(oud, rd!, options.SameShapeToleranceM);
            if (zelfdeVorm && zelfdeKenmerken(feature))
            {
                plan.Ongewijzigd++;
                continue;
            }
            plan.Regels.Add(new ImportRegel(feature, zelfdeVorm ? oud! : rd!, oud, !zelfdeVorm));
            stand[feature.Code] = (feature.Naam, zelfdeVorm ? oud! : rd!);
        }
        // Snapped in file order against the state the file leaves behind, so two changed neighbours agree as well.
        for (var i = 0; i < plan.Regels.Count; i++)
        {
            var regel = plan.Regels[i];
            if (!regel.VormGewijzigd) continue;
            var buren = stand.Where(s => s.Key != regel.Feature.Code).Select(s => (s.Key, (Geometry)s.Value.Geometrie)).ToList();
            var snap = BoundarySnapping.Snap(regel.Geometrie, buren, options.Slivers, regel.Oud);
            foreach (var overlap in snap.Overlappen)
            {
                plan.Afgewezen.Add(new AfgewezenFeature(regel.Feature.Index, regel.Feature.Code, "geometry",
                    $"De {wat} overlapt {wat} '{overlap.Buur}' ({stand[overlap.Buur].Naam}) over {overlap.OppervlakteM2} m².",
                    $"{wat}-overlap", Locatie(overlap.Gebied.InteriorPoint, crs)));
            }
            plan.Gecorrigeerd.AddRange(snap.Gecorrigeerd.Select(c => new GecorrigeerdeFeature(regel.Feature.Index, regel.Feature.Code, c.Soort,
                c.Buur, c.OppervlakteM2, Locatie(c.Locatie, crs),
                c.Buur is "" ? $"Sliver van {c.OppervlakteM2} m² aan de rand behouden zoals opgeslagen."
                    : $"Sliver van {c.OppervlakteM2} m² met {wat} '{c.Buur}' aangepast aan de gedeelde grens.")));
            plan.Regels[i] = regel with { Geometrie = snap.Geometrie };
            stand[regel.Feature.Code] = (regel.Feature.Naam, snap.Geometrie);
        }
        plan.Afgewezen.Sort((a, b) => a.Index.CompareTo(b.Index));
        return plan;
    }

    private static double[] Locatie(Point rd, Crs crs) => crs.FromStorage(rd) is Point p ? [p.X, p.Y] : [rd.X, rd.Y];
}
