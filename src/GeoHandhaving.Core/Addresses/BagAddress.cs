namespace GeoHandhaving.Core.Addresses;

/// <summary>One BAG address (nummeraanduiding with its point): RD New in metres and WGS84 lon/lat.</summary>
public sealed record BagAddress(
    string Straat,
    int Huisnummer,
    string? Huisletter,
    string? Toevoeging,
    Postcode Postcode,
    string Woonplaats,
    double XRd,
    double YRd,
    double Lon,
    double Lat,
    string? Buurtcode = null,
    string? Wijkcode = null)
{
    public HuisnummerAanduiding Aanduiding => new(Huisnummer, Huisletter, Toevoeging);

    /// <summary>Display form: <c>De Ruijterkade 105-1, 1011AB Amsterdam</c>.</summary>
    public override string ToString() => $"{Straat} {Aanduiding}, {Postcode} {Woonplaats}";
}
