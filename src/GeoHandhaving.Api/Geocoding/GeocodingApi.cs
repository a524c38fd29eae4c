using System.Globalization;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GeoHandhaving.Api.Geocoding;

/// <summary>One geocoded address; RD New (x_rd, y_rd) and WGS84 (lon, lat) side by side.</summary>
public sealed record AdresUitvoer(string Straat, int Huisnummer, string? Huisletter, string? Toevoeging, string Postcode,
    string Woonplaats, double XRd, double YRd, double Lon, double Lat)
{
    public static AdresUitvoer From(BagAddress a) =>
        new(a.Straat, a.Huisnummer, a.Huisletter, a.Toevoeging, a.Postcode.Value, a.Woonplaats, a.XRd, a.YRd, a.Lon, a.Lat);
}

public sealed record GeocodeUitvoer(string Query, string Status, double Score, string? MatchType, AdresUitvoer? Adres,
    IReadOnlyList<AdresUitvoer> Kandidaten, string? Reden)
{
    public static GeocodeUitvoer From(string query, GeocodeResult r) => new(query, r.Status.ToString().ToLowerInvariant(), r.Score,
        r.MatchType, r.Address is null ? null : AdresUitvoer.From(r.Address), r.Candidates.Select(AdresUitvoer.From).ToList(), r.Reason);
}

public sealed record GeocodeBatchInvoer(IReadOnlyList<string>? Queries);

public sealed record ReverseUitvoer(AdresUitvoer Adres, double AfstandMeter);

public static class GeocodingApi
{
    public const int MaxBatch = 10_000;

    public static IServiceCollection AddGeocoding(this IServiceCollection services) => services
        .AddSingleton<GeocoderRegistry>()
        .AddSingleton<BagImport>()
        .AddScoped<ScholenImport>()
        .AddSingleton(BagChange.Handler);

    public static IEndpointRouteBuilder MapGeocodingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Geocoding");
        api.MapGet("/geocode", Geocodeer).RequireAuthorization(Policies.Geocoderen).WithName("Geocode")
            .WithSummary("Geocode one address text against the BAG of the caller's gemeente (offline, in memory)");
        api.MapPost("/geocode/batch", GeocodeerBatch).RequireAuthorization(Policies.Geocoderen).WithName("GeocodeBatch")
            .WithSummary($"Geocode up to {MaxBatch:N0} address texts in one request");
        api.MapGet("/reverse", LeesAdresOpPunt).RequireAuthorization(Policies.Geocoderen).WithName("ReverseGeocode")
            .WithSummary("Nearest BAG address to a point (lon/lat WGS84, or x/y RD New) within a radius");
        api.MapPost("/bag/import", ImporteerBag).RequireAuthorization(Policies.ReferentiedataBeheren).WithName("ImportBag")
            .WithSummary("Load BAG addresses (CSV, see data/README.md) for the caller's gemeente; idempotent")
            .Accepts<string>("text/csv");
        return app;
    }

    internal static async Task<Results<Ok<GeocodeUitvoer>, ProblemHttpResult>> Geocodeer(
        [FromQuery] string? q, GeocoderRegistry registry, CurrentUser user)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 300)
        {
            return Problems.InvalidField("q", "geef een adres van 1 tot 300 tekens, bv. 'Dam 1, 1012JS Amsterdam'.", q);
        }
        var geocoder = await registry.ForGemeenteAsync(user.GemeenteId);
        return TypedResults.Ok(GeocodeUitvoer.From(q, geocoder.Geocode(q)));
    }

    internal static async Task<Results<Ok<GeocodeUitvoer[]>, ProblemHttpResult>> GeocodeerBatch(
        GeocodeBatchInvoer verzoek, GeocoderRegistry registry, CurrentUser user)
    {
        if (verzoek.Queries is not { Count: > 0 } queries)
        {
            return Problems.InvalidField("queries", "geef een lijst met 1 tot 10.000 adresteksten.");
        }
        if (queries.Count > MaxBatch)
        {
            return Problems.InvalidField("queries", $"{queries.Count} adressen; het maximum per verzoek is {MaxBatch:N0}.", queries.Count);
        }
        var ongeldig = queries.Select((q, i) => (q, i)).Where(t => string.IsNullOrWhiteSpace(t.q) || t.q.Length > 300)
            .Select(t => (int?)t.i).FirstOrDefault();
        if (ongeldig is { } index)
        {
            return Problems.InvalidField($"queries[{index}]", "leeg of langer dan 300 tekens.", index);
        }
        var geocoder = await registry.ForGemeenteAsync(user.GemeenteId);
        var results = geocoder.GeocodeBatch(queries, Environment.ProcessorCount);
        return TypedResults.Ok(queries.Select((q, i) => GeocodeUitvoer.From(q, results[i])).ToArray());
    }

    internal static async Task<Results<Ok<ReverseUitvoer>, ProblemHttpResult>> LeesAdresOpPunt(
        [FromQuery] double? lon, [FromQuery] double? lat, [FromQuery] double? x, [FromQuery] double? y,
        [FromQuery] double? straal, GeocoderRegistry registry, CurrentUser user)
    {
        var radius = straal ?? 100;
        if (radius is <= 0 or > Geocoder.MaxReverseRadiusMetres)
        {
            return Problems.InvalidField("straal", $"straal in meters, groter dan 0 en hoogstens {Geocoder.MaxReverseRadiusMetres:N0}.", straal);
        }
        var (point, problem) = PointParameters.Parse(lon, lat, x, y);
        if (problem is not null) return problem;
        var geocoder = await registry.ForGemeenteAsync(user.GemeenteId);
        var nearest = geocoder.Reverse(point!.Value.X, point.Value.Y, radius);
        return nearest is null
            ? Problems.Create(StatusCodes.Status404NotFound, "no-address-nearby", "Geen adres in de buurt",
                $"Geen BAG-adres binnen {radius.ToString(CultureInfo.InvariantCulture)} m van het punt.")
            : TypedResults.Ok(new ReverseUitvoer(AdresUitvoer.From(nearest.Address), Math.Round(nearest.DistanceMetres, 2)));
    }

    internal static async Task<Results<Ok<BagImportRapport>, ProblemHttpResult>> ImporteerBag(
        HttpRequest request, BagImport import, CurrentUser user, CancellationToken ct)
    {
        using var reader = await request.BufferedTextAsync(ct);
        try
        {
            return TypedResults.Ok(await import.ImportAsync(user.GemeenteId, reader, null, ct));
        }
        catch (InvalidDataException e)
        {
            return Problems.InvalidField("header", e.Message);
        }
    }
}
