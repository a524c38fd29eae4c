namespace GeoHandhaving.Api.Wijken;

/// <summary>POST /api/v1/boas: a new boa; <c>gebruikersnaam</c> is the subject of the boa's token.</summary>
public sealed record BoaInvoer(string Code, string Naam, string? Gebruikersnaam);
