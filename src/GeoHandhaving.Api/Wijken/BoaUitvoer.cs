namespace GeoHandhaving.Api.Wijken;

public sealed record BoaUitvoer(long Id, string Code, string Naam, string? Gebruikersnaam)
{
    public static BoaUitvoer From(Boa boa) => new(boa.Id, boa.Code, boa.Naam, boa.Gebruikersnaam);
}
