namespace GeoHandhaving.Api.Security;

/// <summary>
/// Configuration section "Auth". In production set <see cref="Authority"/> (an OIDC provider: its metadata gives
/// the signing keys) and, for people signing in with a browser, <see cref="ClientId"/> and <see cref="ClientSecret"/>;
/// for local use a symmetric <see cref="SigningKey"/> and `geoh token` issue tokens, and /aanmelden is a local page.
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

    /// <summary>The API's client at the OIDC provider (authorization code + PKCE, confidential).</summary>
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    /// <summary>Scopes asked at sign-in; offline_access brings the refresh token that keeps a session alive.</summary>
    public string Scopes { get; set; } = "openid profile offline_access";
    /// <summary>Resource indicator (RFC 8707) for the access token, when the provider wants one.</summary>
    public string? Resource { get; set; }
    /// <summary>How long a browser session lives at most, however often its access token is refreshed.</summary>
    public TimeSpan SessieDuur { get; set; } = TimeSpan.FromHours(10);
    /// <summary>Least time between two fetches of the provider's keys when a token names an unknown key (rotation).</summary>
    public TimeSpan SleutelVerversing { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Allow the local sign-in page (pick gemeente and role) in the Production environment; never do so on a real service.</summary>
    public bool LokaleAanmelding { get; set; }

    public bool BrowserOidc => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
