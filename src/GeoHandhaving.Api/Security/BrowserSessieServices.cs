using System.Globalization;
using System.Net;
using System.Text.Json;
using GeoHandhaving.Api.Platform;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace GeoHandhaving.Api.Security;

/// <summary>
/// Sign-in for people in a browser (the map page, the printable briefing, the Hangfire dashboard): the backend-for-frontend
/// pattern. The API signs the person in at the gemeente's OpenID Provider (authorization code + PKCE, confidential
/// client), keeps the tokens in a server-side session (<see cref="SessieStore"/>) and gives the browser only an
/// HttpOnly, SameSite=Lax cookie with the session key. Without a provider, /aanmelden is a local page for development.
/// </summary>
public static class BrowserSessieServices
{
    public const string CookieScheme = "Sessie";
    public const string OidcScheme = "Oidc";
    public const string CookieNaam = "geoh_sessie";
    public const string AanmeldPad = "/aanmelden";
    public const string CallbackPad = "/aanmelden/oidc";
    public const string AfmeldCallbackPad = "/afmelden/oidc";
    /// <summary>Cookies of one request beyond this are refused before authentication (ours are well under 1 KB).</summary>
    public const int MaxCookieBytes = 8 * 1024;

    public static AuthenticationBuilder AddBrowserSessie(this AuthenticationBuilder builder, AuthOptions auth)
    {
        var services = builder.Services;
        services.AddSingleton<SessieStore>().AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, SessieStoreOpties>();
        services.AddSingleton<SessieVerversing>();
        services.AddAntiforgery(o => o.Cookie.Name = "geoh_aanmelden_af");
        // Secure outside loopback: a browser on http://localhost during development still keeps the cookie.
        services.Configure<CookiePolicyOptions>(o =>
        {
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            o.OnAppendCookie = c => c.CookieOptions.Secure |= !IsLoopback(c.Context.Request);
            o.OnDeleteCookie = c => c.CookieOptions.Secure |= !IsLoopback(c.Context.Request);
        });

        builder.AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = CookieNaam;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = auth.SessieDuur;
            o.SlidingExpiration = false;
            o.LoginPath = AanmeldPad;
            o.ReturnUrlParameter = "terug";
            o.Events = new CookieAuthenticationEvents
            {
                // A person's browser opening a page goes to sign-in; an API call (fetch, a machine) gets 401/403.
                OnRedirectToLogin = ctx =>
                {
                    if (IsBrowserPagina(ctx.Request)) ctx.Response.Redirect(ctx.RedirectUri);
                    else ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                },
                OnRedirectToAccessDenied = ctx =>
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                },
                OnValidatePrincipal = ctx => ctx.HttpContext.RequestServices.GetRequiredService<SessieVerversing>().ValideerAsync(ctx),
            };
        });

        if (!auth.BrowserOidc) return builder;
        return builder.AddOpenIdConnect(OidcScheme, o =>
        {
            o.Authority = auth.Authority;
            o.RequireHttpsMetadata = !IsLoopbackUrl(auth.Authority!);
            o.ClientId = auth.ClientId;
            o.ClientSecret = auth.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            // The code comes back in the query of a top-level GET, so SameSite=Lax cookies (correlation, nonce) come
            // with it; form_post would need SameSite=None. The code is single-use and worthless without the PKCE verifier.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.CallbackPath = CallbackPad;
            o.SignedOutCallbackPath = AfmeldCallbackPad;
            o.SignInScheme = CookieScheme;
            o.SaveTokens = true;
            o.MapInboundClaims = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.Scope.Clear();
            foreach (var scope in auth.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
            if (!string.IsNullOrWhiteSpace(auth.Resource)) o.Resource = auth.Resource;
            o.TokenValidationParameters.NameClaimType = "sub";
            o.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
            o.RefreshInterval = auth.SleutelVerversing;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Events = new OpenIdConnectEvents
            {
                OnTokenValidated = ctx =>
                {
                    // The gemeente and roles are what the API needs; a sign-in without a gemeente claim is refused here.
                    if (string.IsNullOrWhiteSpace(ctx.Principal?.FindFirst(auth.GemeenteClaim)?.Value))
                    {
                        ctx.Fail($"Het ID-token heeft geen claim '{auth.GemeenteClaim}' (de gemeente).");
                    }
                    return Task.CompletedTask;
                },
                // A forged or replayed callback (state, code, correlation) is a 400 naming the reason, not a 500.
                OnRemoteFailure = async ctx =>
                {
                    ctx.HandleResponse();
                    await Problems.Create(StatusCodes.Status400BadRequest, "sign-in-failed", "Aanmelden mislukt",
                        $"De terugkeer van de identity provider is geweigerd: {ctx.Failure?.Message} Meld opnieuw aan via {AanmeldPad}.",
                        new Dictionary<string, object?>
                        {
                            ["field"] = ctx.Failure?.Message.Contains("state", StringComparison.OrdinalIgnoreCase) == true ? "state" : "code",
                        })
                        .ExecuteAsync(ctx.HttpContext);
                },
            };
        });
    }

    public static IApplicationBuilder UseBrowserSessie(this IApplicationBuilder app) => app
        .Use(async (http, next) =>
        {
            var cookies = http.Request.Headers.Cookie.Sum(c => c?.Length ?? 0);
            if (cookies > MaxCookieBytes)
            {
                await Problems.Create(StatusCodes.Status431RequestHeaderFieldsTooLarge, "cookie-too-large", "Cookies te groot",
                    $"De cookies van dit verzoek zijn {cookies} bytes (hoogstens {MaxCookieBytes}); verwijder de cookies van deze site en meld opnieuw aan.",
                    new Dictionary<string, object?> { ["field"] = "Cookie" }).ExecuteAsync(http);
                return;
            }
            await next(http);
        })
        .UseCookiePolicy();

    /// <summary>A page a person opens in the browser (HTML navigation), rather than a fetch or a machine client.</summary>
    internal static bool IsBrowserPagina(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    internal static bool IsLoopback(HttpRequest request) =>
        request.Host.Host is "localhost" || (IPAddress.TryParse(request.Host.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    private static bool IsLoopbackUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");
}

/// <summary>
/// Keeps an OIDC session's access token fresh with the refresh token, once per session at a time (parallel tile requests
/// would otherwise spend a rotated refresh token twice, which a provider takes for theft). When the provider refuses the
/// refresh (the person was blocked, the grant revoked), the session ends.
/// </summary>
public sealed class SessieVerversing(SessieStore store, IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<SessieVerversing> log)
{
    /// <summary>Striped locks by session key: bounded memory, and two requests of one session always share one.</summary>
    private readonly SemaphoreSlim[] _locks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];
    /// <summary>An access token is refreshed this long before it expires.</summary>
    private static readonly TimeSpan Marge = TimeSpan.FromSeconds(5);

    public async Task ValideerAsync(CookieValidatePrincipalContext ctx)
    {
        if (!VerlooptBinnenkort(ctx.Properties) || !ctx.Properties.Items.TryGetValue(SessieStore.SleutelItem, out var sleutel) || sleutel is null) return;
        var slot = _locks[(uint)StringComparer.Ordinal.GetHashCode(sleutel) % _locks.Length];
        await slot.WaitAsync(ctx.HttpContext.RequestAborted);
        try
        {
            // Another request of this session may have refreshed while this one waited: take its tokens.
            if (await store.RetrieveAsync(sleutel) is { } opgeslagen && !VerlooptBinnenkort(opgeslagen.Properties))
            {
                ctx.Properties.StoreTokens(opgeslagen.Properties.GetTokens());
                return;
            }
            if (await VerversAsync(ctx.Properties, ctx.HttpContext.RequestAborted) is not { } tokens)
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(BrowserSessieServices.CookieScheme);
                return;
            }
            ctx.Properties.StoreTokens(tokens);
            await store.RenewAsync(sleutel, new AuthenticationTicket(ctx.Principal!, ctx.Properties, ctx.Scheme.Name));
            ctx.ShouldRenew = true;
        }
        finally
        {
            slot.Release();
        }
    }

    private bool VerlooptBinnenkort(AuthenticationProperties properties) =>
        properties.GetTokenValue("expires_at") is { } tekst
        && DateTimeOffset.TryParse(tekst, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var verloopt)
        && verloopt - Marge <= clock.GetUtcNow();

    private async Task<List<AuthenticationToken>?> VerversAsync(AuthenticationProperties properties, CancellationToken ct)
    {
        var options = oidc.Get(BrowserSessieServices.OidcScheme);
        if (properties.GetTokenValue("refresh_token") is not { } refreshToken || options.ConfigurationManager is null) return null;
        var configuratie = await options.ConfigurationManager.GetConfigurationAsync(ct);
        using var response = await options.Backchannel.PostAsync(configuratie.TokenEndpoint, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
            ["client_id"] = options.ClientId!, ["client_secret"] = options.ClientSecret ?? "",
        }), ct);
        if (!response.IsSuccessStatusCode)
        {
            log.LogWarning("Verversen van het access token geweigerd door de provider ({Status}); de sessie eindigt", (int)response.StatusCode);
            return null;
        }
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement;
        string? Lees(string naam) => json.TryGetProperty(naam, out var v) ? v.GetString() : null;
        var verloopt = clock.GetUtcNow().AddSeconds(json.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 300);
        var tokens = properties.GetTokens().Where(t => t.Name is not ("access_token" or "refresh_token" or "expires_at" or "id_token")).ToList();
        tokens.Add(new AuthenticationToken { Name = "access_token", Value = Lees("access_token") ?? "" });
        tokens.Add(new AuthenticationToken { Name = "refresh_token", Value = Lees("refresh_token") ?? refreshToken });
        tokens.Add(new AuthenticationToken { Name = "id_token", Value = Lees("id_token") ?? properties.GetTokenValue("id_token") ?? "" });
        tokens.Add(new AuthenticationToken { Name = "expires_at", Value = verloopt.ToString("o", CultureInfo.InvariantCulture) });
        return tokens;
    }
}
