using GeoHandhaving.Api.Platform;

namespace GeoHandhaving.Api.Wijken;

public sealed record DekkingsRapportUitvoer(long WijkindelingId, bool Dekkend, bool GrensBekend, IReadOnlyList<DekkingsProbleemUitvoer> Problemen)
{
    public static DekkingsRapportUitvoer From(DekkingsRapport r, Crs crs) => new(r.WijkindelingId, r.Dekkend, r.GrensBekend,
        r.Problemen.Select(p => new DekkingsProbleemUitvoer(p.Soort, p.WijkA, p.WijkB, p.OppervlakteM2, crs.FromStorage(p.Geometrie))).ToList());
}
