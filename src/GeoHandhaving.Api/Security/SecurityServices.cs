using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace GeoHandhaving.Api.Security;

public static class SecurityServices
{
    /// <summary>Cookie that carries the bearer token for browser pages that cannot send a header (the Hangfire dashboard).</summary>
    public const string TokenCookie = "geoh_token";
    private const string BearerOrApiKey = "BearerOrApiKey";

    public static IServiceCollection AddSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.Configure<AuthOptions>(configuration.GetSection(AuthOptions.Section));
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();

        services.AddSingleton<ApiKeyLookup>().AddScoped<ApiKeyStore>();

        // A request with X-Api-Key or HTTP Basic (or an Open311 request without a bearer token) is a machine client; everything else carries a JWT.
        services.AddAuthentication(BearerOrApiKey)
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
            }
            else
            {
                o.TokenValidationParameters.IssuerSigningKey = LocalTokenIssuer.SigningKey(auth);
            }
            o.Events = new JwtBearerEvents
            {
                OnMessageReceived = ctx =>
                {
                    if (ctx.Request.Path.StartsWithSegments("/hangfire"))
                    {
                        ctx.Token = ctx.Request.Query["access_token"].FirstOrDefault() ?? ctx.Request.Cookies[TokenCookie];
                    }
                    return Task.CompletedTask;
                },
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

/// <summary>The Hangfire dashboard is for the admin role only, never anonymous.</summary>
public sealed class AdminDashboardFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var http = context.GetHttpContext();
        var token = http.Request.Query["access_token"].FirstOrDefault();
        if (http.User.IsInRole(Roles.Admin) && token is not null)
        {
            // Keep the dashboard's own follow-up requests authenticated.
            http.Response.Cookies.Append(SecurityServices.TokenCookie, token,
                new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/hangfire", Secure = http.Request.IsHttps });
        }
        return http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(Roles.Admin);
    }
}
