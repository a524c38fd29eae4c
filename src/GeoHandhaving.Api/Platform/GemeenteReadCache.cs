using GeoHandhaving.Api.Security;
using Microsoft.AspNetCore.OutputCaching;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// Output caching for reads that the briefing screens poll and that depend only on the query and the caller's
/// gemeente (not on who asks within it): hotspots active now, the briefing. Answers live <see cref="Duration"/>, the
/// same staleness the in-memory hotspot snapshot already has, so a new run shows within seconds. A boa confined to his
/// or her own wijken gets a briefing of their own, so those answers also vary by who asks; so does every answer of
/// the <see cref="PerGebruikerName"/> variant, which shows personal data whose every reader is audited (the briefing's
/// call-backs). The built-in policies never cache authenticated requests; authorization still runs first for every request.
/// </summary>
public sealed class GemeenteReadCache(bool perGebruiker) : IOutputCachePolicy
{
    public const string Name = "gemeente-read";
    public const string PerGebruikerName = "gemeente-read-per-gebruiker";
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(5);

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        var cacheable = HttpMethods.IsGet(http.Request.Method) && http.User.Identity?.IsAuthenticated == true;
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = Duration;
        context.CacheVaryByRules.QueryKeys = "*";
        // The briefing answers JSON or HTML by Accept.
        context.CacheVaryByRules.HeaderNames = "Accept";
        if (cacheable)
        {
            var user = http.RequestServices.GetRequiredService<CurrentUser>();
            context.CacheVaryByRules.VaryByValues["gemeente"] = user.GemeenteId;
            if (perGebruiker || Meldingen.MeldingenQueries.AlleenEigenWijkenVoor(user)) context.CacheVaryByRules.VaryByValues["gebruiker"] = user.Naam;
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        // Only complete answers are kept: a problem (400, 503 while the database is away) is answered afresh next time.
        if (context.HttpContext.Response.StatusCode != StatusCodes.Status200OK) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}
