using GeoHandhaving.Api.Security;

namespace GeoHandhaving.Api.Wijken;

public static class WijkenServices
{
    public static IServiceCollection AddWijken(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(WijkenOptions.Section).Get<WijkenOptions>() ?? new WijkenOptions());
        services.AddSingleton<WijkValidation>();
        services.AddScoped<WijkenStore>();
        services.AddScoped<BoaStore>();
        services.AddScoped<CoverageQueries>();
        services.AddScoped<WijkenImport>();
        services.AddScoped<Wijkindelingen>();
        services.AddScoped<WijkToewijzing>();
        services.AddScoped<MeldingenHerverdelenJob>();
        services.AddScoped<WijkindelingVoorstelJob>();
        services.AddScoped<VoorstelRuns>();
        services.AddScoped<WijkBalansQueries>();
        return services;
    }
}

/// <summary>What the wijken handlers need, bundled so the handler signatures stay about the request.</summary>
public sealed class WijkenHandlerServices(WijkenStore store, BoaStore boas, CurrentUser user, HttpContext http)
{
    public WijkenStore Store { get; } = store;
    public BoaStore Boas { get; } = boas;
    public CurrentUser User { get; } = user;
    public HttpContext Http { get; } = http;
    public Actor Actor => new(User.GemeenteId, User.Naam);
    public string GemeenteId => User.GemeenteId;

    public string? IfMatch => Http.Request.Headers.IfMatch.FirstOrDefault();

    /// <summary>The reason of a write: the X-Reden header, else the body's <c>reden</c> property.</summary>
    public string? Reden(string? fromBody) => Http.Request.Headers["X-Reden"].FirstOrDefault() is { Length: > 0 } header
        ? Uri.UnescapeDataString(header) : fromBody;
}
