using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace GeoHandhaving.Api.Security;

public static class SecurityServices
{
    private const string BearerOrApiKey = "BearerOrApiKey";
    /// <summary>The default scheme: machine credentials when a request carries them, else the browser session cookie.</summary>
    private const string MachineOrBrowser = "MachineOrBrowser";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();

        services.AddSingleton<ApiKeyLookup>().AddScoped<ApiKeyStore>();

        // A request with an Authorization header (bearer, HTTP Basic with an API key) or an API key is a machine client
        // (BearerOrApiKey decides which); one with the session cookie, or a page a person opens, is a browser
        // (BrowserSessieServices: sign-in on challenge); any other anonymous call is challenged as a machine (401 with
        // WWW-Authenticate Bearer, and Basic on /ogc).
        services.AddAuthentication(MachineOrBrowser)
            .AddPolicyScheme(MachineOrBrowser, "Machine credentials or browser session", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.ContainsKey("Authorization") || ApiKeyAuthenticationHandler.Carries(ctx.Request) ? BearerOrApiKey
                : ctx.Request.Cookies.ContainsKey(BrowserSessieServices.CookieNaam) || BrowserSessieServices.IsBrowserPagina(ctx.Request)
                    ? BrowserSessieServices.CookieScheme
                : BearerOrApiKey)
            .AddBrowserSessie(auth)
            .AddPolicyScheme(BearerOrApiKey, "JWT bearer or API key", o => o.ForwardDefaultSelector = ctx =>
                ApiKeyAuthenticationHandler.Carries(ctx.Request) ? ApiKeyAuthenticationHandler.SchemeName : JwtBearerDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer(o =>
        {
            o.MapInboundClaims = false;
            o.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = auth.Issuer,
                ValidAudience = auth.Audience,
                NameClaimType = "sub",
                RoleClaimType = auth.RoleClaim,
                ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (!string.IsNullOrWhiteSpace(auth.Authority))
            {
                o.Authority = auth.Authority;
                o.RequireHttpsMetadata = !Uri.TryCreate(auth.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
                // A token signed with a key the cached metadata does not know makes the handler fetch the keys again (rotation).
                o.RefreshInterval = auth.SleutelVerversing;
            }
            else
            {
                o.TokenValidationParameters.IssuerSigningKey = LocalTokenIssuer.SigningKey(auth);
            }
            o.Events = new JwtBearerEvents
            {
                OnChallenge = ctx =>
                {
                    ApiKeyAuthenticationHandler.OfferBasic(ctx.HttpContext);
                    return Task.CompletedTask;
                },
            };
        });

        services.AddAuthorization(o =>
        {
            foreach (var (policy, roles) in Policies.RolesPerPolicy)
            {
                o.AddPolicy(policy, p => p.RequireAuthenticatedUser().RequireClaim(auth.GemeenteClaim).RequireRole(roles));
            }
        });
        return services;
    }
}

/// <summary>
/// The Hangfire dashboard shows the jobs of every gemeente (the nightly runs span them all), so it is for the platform
/// operator only; the route demands <see cref="Policies.Platformbeheer"/> and this filter checks the role again.
/// </summary>
public sealed class PlatformbeheerDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        return http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(Roles.Platformbeheerder);
    }
}
