namespace GeoHandhaving.Api.Security;

/// <summary>
/// Configuration section "Auth". In production set <see cref="Authority"/> (an OIDC provider: its metadata gives
/// the signing keys); for local use a symmetric <see cref="SigningKey"/> and `geoh token` issue tokens.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public string Issuer { get; set; } = "geohandhaving-local";
    public string Audience { get; set; } = "geohandhaving";
    public string? Authority { get; set; }
    public string? SigningKey { get; set; }
    /// <summary>Claim that carries the gemeente (tenant) of the user.</summary>
    public string GemeenteClaim { get; set; } = "gemeente";
    public string RoleClaim { get; set; } = "roles";
}
