using System.Text.Json.Serialization;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// A melding as it arrives: by API (JSON), as one NDJSON line, or as one CSV row (same names in snake_case).
/// Location is an address text, a WGS84 point (lon/lat) or an RD New point (x_rd/y_rd).
/// </summary>
public sealed record MeldingInvoer
{
    public string? Bron { get; init; }
    [JsonPropertyName("externId")] public string? ExternId { get; init; }
    public string? Categorie { get; init; }
    public string? Subcategorie { get; init; }
    [JsonPropertyName("gemeldOp")] public string? GemeldOp { get; init; }
    [JsonPropertyName("waargenomenOp")] public string? WaargenomenOp { get; init; }
    public string? Omschrijving { get; init; }
    public string? Adres { get; init; }
    public double? Lon { get; init; }
    public double? Lat { get; init; }
    [JsonPropertyName("xRd")] public double? XRd { get; init; }
    [JsonPropertyName("yRd")] public double? YRd { get; init; }
    public MelderGegevens? Melder { get; init; }
}

/// <summary>The melder's contact details: personal data under the AVG, stored encrypted and apart.</summary>
public sealed record MelderGegevens(string? Naam, string? Email, string? Telefoon)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Naam) && string.IsNullOrWhiteSpace(Email) && string.IsNullOrWhiteSpace(Telefoon);
}

/// <summary>Why one input row was refused: the row (1-based, header excluded), the field and the reason.</summary>
public sealed record RijFout(int Rij, string Veld, string Reden);
