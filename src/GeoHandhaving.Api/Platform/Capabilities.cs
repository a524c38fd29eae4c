using GeoHandhaving.Api.Briefing;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Ogc;
using GeoHandhaving.Api.Privacy;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Voorstel;
using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Platform;

/// <summary>Every capability of the API, wired explicitly: its services and its routes.</summary>
public static class Capabilities
{
    public static IServiceCollection AddCapabilities(this IServiceCollection services, IConfiguration configuration) => services
        .AddWijken(configuration)
        .AddVoorstel()
        .AddOgcApi()
        .AddGeocoding()
        .AddMeldingen()
        .AddHotspots(configuration)
        .AddBriefing()
        .AddHeatmap(configuration)
        .AddPrivacy();

    public static IEndpointRouteBuilder MapCapabilities(this IEndpointRouteBuilder app) => app
        .MapWijkenApi()
        .MapWijkindelingenApi()
        .MapBoasApi()
        .MapVoorstelApi()
        .MapOgcApi()
        .MapGeocodingApi()
        .MapMeldingenApi()
        .MapOpen311Api()
        .MapHotspotsApi()
        .MapBriefingApi()
        .MapHeatmapApi()
        .MapApiKeysApi()
        .MapPrivacyApi()
        .MapAanmeldenApi();
}
