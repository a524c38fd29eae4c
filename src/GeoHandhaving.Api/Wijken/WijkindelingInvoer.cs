namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// POST /api/v1/wijkindelingen: a new draft, by default a copy of the active wijkindeling (one call: no body fields are
/// needed; without a naam it is named after the active one and the date).
/// </summary>
public sealed record WijkindelingInvoer(string? Naam = null, bool KopieVanActief = true);
