using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace GeoHandhaving.Api.Security;

/// <summary>Who is asking and for which gemeente: every query and write is scoped by <see cref="GemeenteId"/>.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, IOptions<AuthOptions> options)
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public string GemeenteId => Principal.FindFirstValue(options.Value.GemeenteClaim)
        ?? throw new UnauthorizedAccessException("The token carries no gemeente.");

    public string Naam => Principal.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? Principal.FindFirstValue("sub") ?? "onbekend";

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public string HoofdRol => Roles.All.FirstOrDefault(Principal.IsInRole) ?? "geen";
}
