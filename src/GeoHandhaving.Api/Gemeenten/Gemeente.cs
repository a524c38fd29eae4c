using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Gemeenten;

/// <summary>A gemeente served by this deployment; its CBS code (GM0363) is the tenant id carried in every token.</summary>
public class Gemeente
{
    public const int MaxCodeLength = 6;

    /// <summary>A code this deployment can store: 1 to <see cref="MaxCodeLength"/> ASCII letters or digits, e.g. GM0363.</summary>
    public static bool IsValidCode(string? code) => code is { Length: >= 1 and <= MaxCodeLength } && code.All(char.IsAsciiLetterOrDigit);

    public required string Id { get; set; }
    public required string Naam { get; set; }
    /// <summary>The gemeentegrens in RD New; the wijkindeling must cover it without gaps.</summary>
    public MultiPolygon? Grens { get; set; }
    /// <summary>Schoolvakantie-regio (noord, midden, zuid) that decides when school windows are off.</summary>
    public string SchoolRegio { get; set; } = "noord";
}
