using System.Threading.RateLimiting;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using NetTopologySuite.IO.Converters;

namespace GeoHandhaving.Api.Platform;

/// <summary>Configuration section "Limits": the hardening knobs.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";
    public long MaxRequestBodyBytes { get; set; } = 20 * 1024 * 1024;
    public int RequestsPerMinutePerClient { get; set; } = 6000;
}

public static class PlatformServices
{
    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(LimitsOptions.Section).Get<LimitsOptions>() ?? new LimitsOptions();
        builder.Services.Configure<LimitsOptions>(builder.Configuration.GetSection(LimitsOptions.Section));
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddPublicUrls(builder.Configuration);
        builder.Services.AddScoped<FilterValues>();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            ctx.ProblemDetails.Instance ??= ctx.HttpContext.Request.Path;
            ctx.ProblemDetails.Extensions["traceId"] = ctx.HttpContext.TraceIdentifier;
        });
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        // Malformed bodies reach ProblemExceptionHandler, which names the JSON path, instead of a bare 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new GeoJsonConverterFactory());
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
            o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });

        builder.Services.AddOutputCache(o =>
        {
            o.AddPolicy(GemeenteReadCache.Name, new GemeenteReadCache(perGebruiker: false));
            o.AddPolicy(GemeenteReadCache.PerGebruikerName, new GemeenteReadCache(perGebruiker: true));
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Per client: the token subject when authenticated, else the remote address.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                RateLimitPartition.GetTokenBucketLimiter(
                    http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
                    _ => new TokenBucketRateLimiterOptions
                    {
                        TokenLimit = limits.RequestsPerMinutePerClient,
                        TokensPerPeriod = limits.RequestsPerMinutePerClient,
                        ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = "60";
                await Problems.Create(StatusCodes.Status429TooManyRequests, "rate-limited", "Te veel verzoeken",
                    $"Meer dan {limits.RequestsPerMinutePerClient} verzoeken per minuut van deze client.").ExecuteAsync(ctx.HttpContext);
            };
        });

        builder.Services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "GeoHandhaving API",
                    Version = "v1",
                    Description = "Wijkindeling, meldingen, geocoding and hotspots for municipal enforcement (handhaving). " +
                                  "Geometries are GeoJSON in WGS84 (CRS84, RFC 7946) unless an endpoint says otherwise; " +
                                  "storage is RD New (EPSG:28992). Errors are RFC 9457 problem details.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer", BearerFormat = "JWT",
                    Description = "JWT with a `gemeente` claim and `roles`; locally: scripts/geoh token --role ROLE",
                };
                document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeyAuthenticationHandler.Header,
                    Description = "For machine clients (briefing screen, KCC intake): a key from POST /api/v1/api-keys (admin) or scripts/geoh apikey create",
                };
                document.Components.SecuritySchemes["basic"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "basic",
                    Description = "For GIS clients (QGIS): any user name, the API key as password; on reads and /ogc only",
                };
                document.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("basic", document)] = [] },
                ];
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        app.UsePublicUrls();
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The map page and its scripts (wwwroot) are public, like /health: before authentication.
        app.UseStaticFiles();
        app.UseBrowserSessie();
        app.UseAuthentication();
        // Before authorization, so that requests refused with 401/403 (guessing tokens or keys) count against the limit too.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseOutputCache();
        return app;
    }

    public static IEndpointRouteBuilder MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        if (app is WebApplication web)
        {
            web.UseSwaggerUI(o =>
            {
                o.RoutePrefix = "docs";
                o.SwaggerEndpoint("/openapi/v1.json", "GeoHandhaving API v1");
                o.DocumentTitle = "GeoHandhaving API";
            });
        }
        return app;
    }
}
