using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Security;

/// <summary>
/// Authenticates a machine client by its <c>X-Api-Key</c> header as the key's gemeente and roles, with subject
/// <c>apikey:{naam}</c> so audit logs and the rate limiter see which client it was.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyLookup lookup, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    /// <summary>Open311 GeoReport v2 clients send their key as the form field api_key of a POST.</summary>
    public const string Open311Path = "/open311";
    private const string Open311Field = "api_key";

    /// <summary>Whether a request is meant for this scheme rather than a bearer token.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(Header) || (request.Path.StartsWithSegments(Open311Path) && !request.Headers.ContainsKey("Authorization"));

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Request.Headers.TryGetValue(Header, out var header) ? header.ToString()
            : Request.Path.StartsWithSegments(Open311Path) && Request.HasFormContentType ? await FormFieldAsync()
            : "";
        if (presented.Length == 0) return AuthenticateResult.NoResult();
        if (ApiKeySecret.Parse(presented) is not var (gemeente, hash)) return AuthenticateResult.Fail("The API key is not a GeoHandhaving API key.");
        var key = await lookup.FindAsync(gemeente, hash, Context.RequestAborted);
        if (key is null) return AuthenticateResult.Fail("Unknown or revoked API key.");

        var claims = new List<Claim> { new("sub", $"apikey:{key.Naam}"), new(auth.Value.GemeenteClaim, key.GemeenteId) };
        claims.AddRange(key.Rollen.Select(r => new Claim(auth.Value.RoleClaim, r)));
        var identity = new ClaimsIdentity(claims, SchemeName, "sub", auth.Value.RoleClaim);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>The api_key form field; a form that cannot be read carries none (the endpoint then says what is wrong with it).</summary>
    private async Task<string> FormFieldAsync()
    {
        try
        {
            return (await Request.ReadFormAsync(Context.RequestAborted))[Open311Field].ToString();
        }
        catch (InvalidDataException)
        {
            return "";
        }
    }
}
