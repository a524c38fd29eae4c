using System.Text;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>One HTTP method of one route with the policies it demands; a caller needs every one of them.</summary>
public sealed record SecuredEndpoint(string Method, string Route, string[] Policies, bool Anonymous, string ContentType)
{
    /// <summary>Policies combine with AND (a group policy plus an endpoint policy), so the allowed roles are the intersection.</summary>
    public IReadOnlySet<string> AllowedRoles => Policies
        .Select(p => (IEnumerable<string>)GeoHandhaving.Api.Security.Policies.RolesPerPolicy[p])
        .Aggregate((a, b) => a.Intersect(b)).ToHashSet();

    /// <summary>The route with dummy values for its parameters, so authorization (which runs before binding) is what answers.</summary>
    /// Parameters inside a segment (such as {y}.mvt) are replaced and the literal around them kept.
    public string SampleUrl => System.Text.RegularExpressions.Regex.Replace(Route, @"\{([^}]+)\}", m =>
        m.Groups[1].Value.Contains(":long") || m.Groups[1].Value.Contains(":int") || m.Groups[1].Value.EndsWith("Id")
        || m.Groups[1].Value is "z" or "x" or "y" ? "1" : m.Groups[1].Value.StartsWith("format:") ? "json" : "X");
}

/// <summary>The endpoints of the running app and the roles that may call them; the source of the table in docs/security.md.</summary>
public static class AuthorizationMatrix
{
    /// <summary>Endpoints meant to be anonymous: health, documentation, the map's settings and signing in and out.</summary>
    public static readonly string[] AnonymousAllowList = ["/health", "/openapi/{documentName}.json", "/docs", "/kaart/config.json", "/", "/aanmelden",
        "/afmelden",
        "/open311/v2/discovery.{format:georeport}"];

    public const string DocStart = "<!-- authorization-matrix:start -->";
    public const string DocEnd = "<!-- authorization-matrix:end -->";

    public static IReadOnlyList<SecuredEndpoint> Endpoints(IServiceProvider services) => services
        .GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
        .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(method => new SecuredEndpoint(
            method,
            "/" + e.RoutePattern.RawText!.TrimStart('/'),
            e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(default)").Distinct().Order().ToArray(),
            e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
            e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault() ?? "application/json")))
        .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)
        .ToList();

    /// <summary>The markdown table: one row per endpoint, one column per role.</summary>
    public static string MarkdownTable(IEnumerable<SecuredEndpoint> endpoints)
    {
        var table = new StringBuilder();
        table.AppendLine($"| Methode | Route | Policy | {string.Join(" | ", Roles.All)} |");
        table.AppendLine($"|---|---|---|{string.Join("", Roles.All.Select(_ => "---|"))}");
        foreach (var e in endpoints)
        {
            var policy = e.Anonymous || e.Policies.Length == 0 ? "anoniem / eigen filter" : string.Join(" + ", e.Policies);
            var cells = Roles.All.Select(r => e.Anonymous || e.Policies.Length == 0 ? "–" : e.AllowedRoles.Contains(r) ? "✔" : "");
            table.AppendLine($"| {e.Method} | `{e.Route}` | {policy} | {string.Join(" | ", cells)} |");
        }
        return table.ToString();
    }
}
