using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Security;

/// <summary>
/// Authenticates a machine client by its <c>X-Api-Key</c> header as the key's gemeente and roles, with subject
/// <c>apikey:{naam}</c> so audit logs and the rate limiter see which client it was. GIS clients send the key as the
/// password of HTTP Basic (any user name): QGIS 3.22 can authenticate an OGC API no other way. Basic is accepted on
/// reads and on <c>/ogc</c> only, because a browser that learnt Basic credentials sends them unasked.
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
    public const string OgcPath = "/ogc";
    public const string BasicChallenge = "Basic realm=\"GeoHandhaving\", charset=\"UTF-8\"";

    /// <summary>Whether a request is meant for this scheme rather than a bearer token.</summary>
    public static bool Carries(HttpRequest request) =>
        request.Headers.ContainsKey(Header) || BasicCredentials(request) is not null
        || (request.Path.StartsWithSegments(Open311Path) && !request.Headers.ContainsKey("Authorization"));

    /// <summary>On <c>/ogc</c> a 401 also offers Basic, so QGIS asks for (or sends) the key; added beside Bearer.</summary>
    public static void OfferBasic(HttpContext http)
    {
        if (http.Request.Path.StartsWithSegments(OgcPath)) http.Response.Headers.Append(HeaderNames.WWWAuthenticate, BasicChallenge);
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        OfferBasic(Context);
        Response.Headers.Append(HeaderNames.WWWAuthenticate, JwtBearerDefaults.AuthenticationScheme);
        return Task.CompletedTask;
    }

    /// <summary>The password of an <c>Authorization: Basic</c> header, or null when the request carries none.</summary>
    private static string? BasicCredentials(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var value)
            || !value.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || value.Parameter is null) return null;
        try
        {
            var userAndPassword = Encoding.UTF8.GetString(Convert.FromBase64String(value.Parameter));
            return userAndPassword.IndexOf(':') is var colon and >= 0 ? userAndPassword[(colon + 1)..] : "";
        }
        catch (FormatException)
        {
            return "";
        }
    }

    private static bool BasicAllowed(HttpRequest request) =>
        request.Path.StartsWithSegments(OgcPath) || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var basic = BasicCredentials(Request);
        if (basic is not null && !Request.Headers.ContainsKey(Header) && !BasicAllowed(Request))
        {
            return AuthenticateResult.Fail("HTTP Basic is accepted on read requests and /ogc only; send the key as X-Api-Key.");
        }
        var presented = Request.Headers.TryGetValue(Header, out var header) ? header.ToString()
            : basic is not null ? basic
            : Request.Path.StartsWithSegments(Open311Path) && Request.HasFormContentType ? await FormFieldAsync()
            : "";
        if (presented.Length == 0) return basic is null ? AuthenticateResult.NoResult() : AuthenticateResult.Fail("HTTP Basic without a password (the API key).");
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
