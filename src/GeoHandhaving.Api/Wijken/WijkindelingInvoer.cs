namespace GeoHandhaving.Api.Wijken;

/// <summary>POST /api/v1/wijkindelingen: a new draft, by default a copy of the active wijkindeling.</summary>
public sealed record WijkindelingInvoer(string? Naam, bool KopieVanActief = true);
