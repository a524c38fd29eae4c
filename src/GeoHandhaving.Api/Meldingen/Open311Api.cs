using System.Globalization;
using System.Text.Json.Serialization;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Meldingen;

public sealed record Open311Service(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    string Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311Aangemaakt(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

public sealed record Open311Request(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    string Status,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    string? Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    string? Address,
    double? Lat,
    [property: JsonPropertyName("long")] double? Long);

/// <summary>
/// Open311 GeoReport v2 for KCC systems that speak it: the services are the categorieën, a request becomes a melding
/// (bron open311) through the same intake as every other, and its status can be read back. JSON only; errors are RFC
/// 9457 problem details naming the GeoReport field. Authenticate with a bearer token or an X-Api-Key of role intake.
/// </summary>
public static class Open311Api
{
    /// <summary>The intake's field names as GeoReport v2 calls them.</summary>
    private static readonly Dictionary<string, string> Velden = new()
    {
        ["categorie"] = "service_code", ["subcategorie"] = "service_code", ["omschrijving"] = "description",
        ["adres"] = "address_string", ["locatie"] = "lat/long", ["lon/lat"] = "lat/long", ["melder"] = "email",
    };

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/open311/v2").WithTags("Open311");
        api.MapGet("/services.json", Services).RequireAuthorization(Policies.MeldingenRegistreren).WithName("Open311Services")
            .WithSummary("GeoReport v2 service list: the gemeente's categorieën");
        api.MapPost("/requests.json", Create).RequireAuthorization(Policies.MeldingenRegistreren).WithName("Open311PostRequest")
            .Accepts<IFormCollection>("application/x-www-form-urlencoded").DisableAntiforgery()
            .WithSummary("GeoReport v2 POST request (form: service_code, lat+long (WGS84) or address_string, description, email, first_name, last_name, " +
                "phone): registers a melding");
        api.MapGet("/requests/{id:long}.json", Read).RequireAuthorization(Policies.MeldingenLezen).WithName("Open311GetRequest")
            .WithSummary("GeoReport v2 request status (open, or closed once afgehandeld)");
        return app;
    }

    internal static async Task<Ok<Open311Service[]>> Services(CategorieTaxonomie taxonomie, CurrentUser user, CancellationToken ct) =>
        TypedResults.Ok((await taxonomie.AllAsync(user.GemeenteId, ct)).Where(c => c.ParentCode is null)
            .Select(c => new Open311Service(c.Code, c.Naam, c.Naam, false, "realtime", c.Code, "handhaving")).ToArray());

    internal static async Task<Results<Created<Open311Aangemaakt[]>, ProblemHttpResult>> Create(
        HttpRequest request, MeldingenIntake intake, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Problems.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported-media-type", "Onbekend bestandstype",
                "GeoReport v2 verwacht application/x-www-form-urlencoded.");
        }
        var form = await request.ReadFormAsync(ct);
        string? Veld(string name) => form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var (lat, latProblem) = Getal(Veld("lat"), "lat");
        var (lon, lonProblem) = Getal(Veld("long"), "long");
        if ((latProblem ?? lonProblem) is { } problem) return problem;
        var naam = string.Join(' ', new[] { Veld("first_name"), Veld("last_name") }.OfType<string>());
        var invoer = new MeldingInvoer
        {
            Bron = "open311", ExternId = Guid.NewGuid().ToString("N"), Categorie = Veld("service_code"),
            GemeldOp = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), Omschrijving = Veld("description"),
            Adres = Veld("address_string"), Lat = lat, Lon = lon,
            Melder = new MelderGegevens(naam.Length > 0 ? naam : null, Veld("email"), Veld("phone")),
        };
        var rapport = await intake.VerwerkAsync(user.GemeenteId, [(1, invoer, null)], user.Naam, ct);
        if (rapport.Fouten is [var fout, ..])
        {
            return Problems.InvalidField(Velden.GetValueOrDefault(fout.Veld, fout.Veld), fout.Reden);
        }
        var id = rapport.NieuweIds[0];
        return TypedResults.Created($"/open311/v2/requests/{id}.json",
            new[] { new Open311Aangemaakt(id.ToString(CultureInfo.InvariantCulture), "Geregistreerd; de wijkboa van de wijk is eigenaar.", null) });
    }

    internal static async Task<Results<Ok<Open311Request[]>, ProblemHttpResult>> Read(long id, MeldingenQueries queries, CancellationToken ct)
    {
        if (await queries.VindAsync(id, ct) is not { } melding) return Problems.NotFound("Melding", id);
        var punt = melding.Locatie is { } p ? RdNew.ToWgs84(p.X, p.Y) : ((double, double)?)null;
        return TypedResults.Ok(new[]
        {
            new Open311Request(id.ToString(CultureInfo.InvariantCulture), melding.Status == MeldingStatus.Afgehandeld ? "closed" : "open",
                melding.Categorie, melding.Omschrijving, melding.EigenaarNaam is { } boa ? $"wijkboa {boa}" : null, melding.GemeldOp,
                melding.AdresTekst, punt is { } ll ? Math.Round(ll.Item2, 6) : null, punt is { } lo ? Math.Round(lo.Item1, 6) : null),
        });
    }

    private static (double? Value, ProblemHttpResult? Problem) Getal(string? text, string field) =>
        text is null ? (null, null)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? (value, null)
        : (null, Problems.InvalidField(field, "een getal in WGS84-graden met een punt, bv. 52.37.", text));
}
