using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Wijken;

public static class WijkenServices
{
    public static IServiceCollection AddWijken(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection(WijkenOptions.Section).Get<WijkenOptions>() ?? new WijkenOptions());
        services.AddSingleton<WijkValidation>();
        services.AddScoped<WijkenStore>();
        services.AddScoped<WijkBewerkingen>();
        services.AddScoped<BoaStore>();
        services.AddScoped<CoverageQueries>();
        services.AddScoped<WijkenImport>();
        services.AddScoped<Wijkindelingen>();
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

    /// <summary>One wijk as a Feature with its boa's; sets its ETag and Content-Crs on the response.</summary>
    public async Task<GeoJsonFeature> FeatureAsync(Wijk wijk, Crs output, CancellationToken ct)
    {
        Http.Response.Headers.ETag = WijkETag.For(wijk.Id, wijk.Versie, output);
        Http.Response.Headers["Content-Crs"] = output.ContentCrsHeader;
        return (await FeaturesAsync([wijk], output, ct))[0];
    }

    /// <summary>The written wijk as a Feature in <paramref name="output"/>, or why it was refused, located in <paramref name="input"/>.</summary>
    public async Task<Results<Ok<GeoJsonFeature>, ProblemHttpResult>> WrittenAsync(WijkWriteResult result, Crs input, Crs output,
        CancellationToken ct) =>
        result.Fout is { } fout ? fout.Problem(input) : TypedResults.Ok(await FeatureAsync(result.Wijk!, output, ct));

    public async Task<List<GeoJsonFeature>> FeaturesAsync(IReadOnlyList<Wijk> wijken, Crs output, CancellationToken ct)
    {
        var boas = new Dictionary<long, ILookup<string, BoaRef>>();
        foreach (var indeling in wijken.GroupBy(w => w.WijkindelingId))
        {
            boas[indeling.Key] = await Boas.PerWijkAsync(GemeenteId, indeling.Key, indeling.Select(w => w.Code).ToList(), ct);
        }
        return wijken.Select(w => WijkFeatures.From(w, boas[w.WijkindelingId][w.Code].ToList(), output)).ToList();
    }
}
