using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// Configuration section "PublicUrl": where clients reach the service. <c>BaseUrl</c> (such as
/// <c>https://gis.gemeente.nl/geoh</c>) fixes scheme, host and path prefix of every link; without it they come from the
/// request, and <c>X-Forwarded-Proto/Host/For</c> count only when the request comes from one of <c>TrustedProxies</c>
/// (addresses or networks such as <c>10.0.0.0/8</c>).
/// </summary>
public sealed class PublicUrlOptions
{
    public const string Section = "PublicUrl";
    public string? BaseUrl { get; set; }
    public string[] TrustedProxies { get; set; } = [];
}

/// <summary>
/// The one place that makes the links and <c>Location</c> / <c>Content-Location</c> headers of the service absolute. QGIS resolves no relative
/// link (a relative <c>service-desc</c> fails with "Protocol \"\" is unknown") and reads a new feature's id from
/// <c>Location</c>, so every URL leaves absolute, built by <see cref="Absolute"/> from the public base.
/// </summary>
public static class PublicUrls
{
    private static readonly string[] LocationHeaders = [HeaderNames.Location, HeaderNames.ContentLocation];

    public static IServiceCollection AddPublicUrls(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(PublicUrlOptions.Section).Get<PublicUrlOptions>() ?? new PublicUrlOptions();
        if (options.BaseUrl is { Length: > 0 } baseUrl && !Uri.TryCreate(baseUrl, UriKind.Absolute, out _))
        {
            throw new InvalidOperationException($"{PublicUrlOptions.Section}:BaseUrl '{baseUrl}' is geen absolute URL.");
        }
        services.Configure<PublicUrlOptions>(configuration.GetSection(PublicUrlOptions.Section));
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost | ForwardedHeaders.XForwardedFor;
            // The defaults trust loopback; only the configured proxies count.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in options.TrustedProxies)
            {
                if (proxy.Contains('/')) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
                else o.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the request's scheme, host and path base become the public ones.</summary>
    public static IApplicationBuilder UsePublicUrls(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<PublicUrlOptions>>().Value;
        // With no trusted proxy the middleware would trust every sender (it checks addresses only when some are known).
        if (options.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        var publicBase = options.BaseUrl is { Length: > 0 } configured ? new Uri(configured.TrimEnd('/') + "/") : null;
        return app.Use((http, next) =>
        {
            if (publicBase is not null)
            {
                http.Request.Scheme = publicBase.Scheme;
                http.Request.Host = new HostString(publicBase.Authority);
                http.Request.PathBase = PathString.FromUriComponent(publicBase.AbsolutePath.TrimEnd('/')) + http.Request.PathBase;
            }
            http.Response.OnStarting(() =>
            {
                foreach (var header in LocationHeaders)
                {
                    if (http.Response.Headers[header].ToString() is { Length: > 0 } location && !Uri.IsWellFormedUriString(location, UriKind.Absolute))
                    {
                        http.Response.Headers[header] = AbsoluteLocation(http.Request, location);
                    }
                }
                return Task.CompletedTask;
            });
            return next(http);
        });
    }

    /// <summary>The absolute public URL of a path of this service (<c>/ogc/collections</c>), query included as given.</summary>
    public static string Absolute(this HttpRequest request, string path) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    /// <summary>
    /// A root-relative Location (<c>/api/v1/wijken/7</c>, as handlers write it) lives under the public path base; any
    /// other relative reference resolves against the request URL (RFC 3986).
    /// </summary>
    private static string AbsoluteLocation(HttpRequest request, string location) =>
        location.StartsWith('/') && !location.StartsWith("//")
            ? request.Absolute(location)
            : new Uri(new Uri(request.Absolute(request.Path)), location).ToString();
}
