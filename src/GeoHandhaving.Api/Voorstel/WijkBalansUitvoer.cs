namespace GeoHandhaving.Api.Voorstel;

public sealed record WijkBalansRijUitvoer(string Code, string Naam, long Meldingen, long Adressen, long Buurten, long Scholen,
    double OppervlakteM2, double PolsbyPopper, double AfwijkingMeldingen);

/// <summary>Workload and shape of every wijk of a wijkindeling: compare a draft (or proposal) with the active one.</summary>
public sealed record WijkBalansUitvoer(long WijkindelingId, double MaxAfwijkingMeldingen, double GemiddeldePolsbyPopper, IReadOnlyList<WijkBalansRijUitvoer> Wijken);
