using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Meldingen;

namespace GeoHandhaving.Api.Platform;

/// <summary>Every capability of the API, wired explicitly: its services and its routes.</summary>
public static class Capabilities
{
    public static IServiceCollection AddCapabilities(this IServiceCollection services, IConfiguration configuration) => services
        .AddGeocoding()
        .AddMeldingen()
        .AddHeatmap(configuration);

    public static IEndpointRouteBuilder MapCapabilities(this IEndpointRouteBuilder app) => app
        .MapGeocodingApi()
        .MapMeldingenApi()
        .MapHeatmapApi();
}
