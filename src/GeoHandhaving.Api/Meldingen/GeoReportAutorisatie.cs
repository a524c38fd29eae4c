using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// A refused GeoReport call answers as GeoReport v2 prescribes: 403 with its error list naming <c>api_key</c>, for a missing
/// or wrong key as well as a key without the role (the standard: "403 for errors because of wrong or missing api_key"),
/// in the route's format. Every other route keeps the standard 401/403 with problem details.
/// </summary>
public sealed class GeoReportAutorisatie : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler standaard = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Succeeded || !context.Request.Path.StartsWithSegments(Open311Api.Pad))
        {
            await standaard.HandleAsync(next, context, policy, authorizeResult);
            return;
        }
        var format = context.Request.Path.Value!.EndsWith("." + GeoReportFormaat.Json, StringComparison.OrdinalIgnoreCase)
            ? GeoReportFormaat.Json : GeoReportFormaat.Xml;
        var reden = authorizeResult.Challenged
            ? "ontbreekt of is ongeldig; geef de API-sleutel van de koppeling als formulierveld api_key, kop X-Api-Key of bearer-token."
            : $"deze sleutel heeft niet de rol die dit mag ({string.Join(", ", RollenVan(policy))}).";
        await GeoReportFormaat.Fout(format, StatusCodes.Status403Forbidden, "api_key", reden).ExecuteAsync(context);
    }

    private static IEnumerable<string> RollenVan(AuthorizationPolicy policy) =>
        policy.Requirements.OfType<RolesAuthorizationRequirement>().SelectMany(r => r.AllowedRoles).Distinct();
}
