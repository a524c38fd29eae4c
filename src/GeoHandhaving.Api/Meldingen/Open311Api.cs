using System.Globalization;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace GeoHandhaving.Api.Meldingen;

public sealed record Open311ServiceUitvoer(
    [property: JsonPropertyName("service_code")] string ServiceCode,
    [property: JsonPropertyName("service_name")] string ServiceName,
    string Description, bool Metadata, string Type, string Keywords, string Group);

public sealed record Open311AangemaaktUitvoer(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    [property: JsonPropertyName("service_notice")] string ServiceNotice,
    [property: JsonPropertyName("account_id")] string? AccountId);

/// <summary>A request as GeoReport v2's GET requests answers it; <c>updated_datetime</c> is the melding's last history entry.</summary>
public sealed record Open311RequestUitvoer(
    [property: JsonPropertyName("service_request_id")] string ServiceRequestId,
    string Status,
    [property: JsonPropertyName("service_name")] string ServiceName,
    [property: JsonPropertyName("service_code")] string ServiceCode,
    string? Description,
    [property: JsonPropertyName("agency_responsible")] string? AgencyResponsible,
    [property: JsonPropertyName("requested_datetime")] DateTimeOffset RequestedDatetime,
    [property: JsonPropertyName("updated_datetime")] DateTimeOffset UpdatedDatetime,
    string? Address,
    double? Lat,
    [property: JsonPropertyName("long")] double? Long);

public sealed record Open311EndpointUitvoer(string Specification, string Url, string Changeset, string Type, string[] Formats);

public sealed record Open311DiscoveryUitvoer(
    string Changeset, string Contact, [property: JsonPropertyName("key_service")] string KeyService, Open311EndpointUitvoer[] Endpoints);

/// <summary>The filters of GET requests as GeoReport v2 names them.</summary>
public sealed record Open311Zoekparameters(
    [property: FromQuery(Name = "service_request_id")] string? ServiceRequestId,
    [property: FromQuery(Name = "service_code")] string? ServiceCode,
    [property: FromQuery(Name = "start_date")] string? StartDate,
    [property: FromQuery(Name = "end_date")] string? EndDate,
    [property: FromQuery(Name = "status")] string? Status);

/// <summary>
/// Open311 GeoReport v2 as KCC systems use it: discovery, the services (the categorieën), POST a request (a melding, bron
/// open311, through the same intake as every other; a retry with the same Idempotency-Key or external_id returns the
/// first request), GET requests with the standard filters and GET one request. Every route in XML (the standard's
/// default) and JSON by its extension; errors in GeoReport's format (code, description naming the field).
/// Authenticate with a bearer token, X-Api-Key, or the form field api_key.
/// </summary>
public static class Open311Api
{
    public const string Bron = "open311";
    public const string Pad = "/open311/v2";
    public const string IdempotencyHeader = "Idempotency-Key";
    /// <summary>At most this many requests in one GET requests, the most recent first (GeoReport: typically 1000).</summary>
    public const int MaxRequests = 1000;
    /// <summary>The longest period of one GET requests, and the default period back from now (GeoReport: 90 days).</summary>
    public static readonly TimeSpan MaxPeriode = TimeSpan.FromDays(90);
    private const string Changeset = "2026-12-01T00:00:00Z";
    private const string Specificatie = "http://wiki.open311.org/GeoReport_v2";

    /// <summary>The intake's field names as GeoReport v2 calls them.</summary>
    private static readonly Dictionary<string, string> Velden = new()
    {
        ["categorie"] = "service_code", ["subcategorie"] = "service_code", ["omschrijving"] = "description",
        ["adres"] = "address_string", ["locatie"] = "lat/long", ["lon/lat"] = "lat/long", ["melder"] = "email",
        ["melder_email"] = "email", ["melder_naam"] = "first_name", ["melder_telefoon"] = "phone", ["extern_id"] = "external_id",
    };

    public static IEndpointRouteBuilder MapOpen311Api(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Pad).WithTags("Open311");
        var format = $"{{format:{GeoReportFormaat.Constraint}}}";
        api.MapGet($"/discovery.{format}", LeesDiscovery).AllowAnonymous().WithName("Open311Discovery")
            .WithSummary("GeoReport v2 service discovery: specification, URL and formats of this endpoint");
        api.MapGet($"/services.{format}", LijstServices).RequireAuthorization(Policies.MeldingenRegistreren).WithName("Open311Services")
            .WithSummary("GeoReport v2 service list: the gemeente's categorieën");
        api.MapPost($"/requests.{format}", Registreer).RequireAuthorization(Policies.MeldingenRegistreren).WithName("Open311PostRequest")
            .DisableAntiforgery()
            .WithSummary("GeoReport v2 POST request (form: service_code, lat+long (WGS84) or address_string, description, email, " +
                "first_name, last_name, phone, external_id; header Idempotency-Key): registers a melding, a retry returns the first");
        api.MapGet($"/requests.{format}", Lijst).RequireAuthorization(Policies.MeldingenLezen).WithName("Open311GetRequests")
            .WithSummary("GeoReport v2 GET requests: service_request_id (comma list), service_code, start_date, end_date " +
                "(at most 90 days, default the last 90), status (open, closed)");
        api.MapGet($"/requests/{{id:long}}.{format}", Lees).RequireAuthorization(Policies.MeldingenLezen).WithName("Open311GetRequest")
            .WithSummary("GeoReport v2 request status (open, or closed once afgehandeld)");
        return app;
    }

    internal static Results<Ok<Open311DiscoveryUitvoer>, ContentHttpResult> LeesDiscovery(string format, HttpRequest request)
    {
        var endpoint = new Open311EndpointUitvoer(Specificatie, request.Absolute(Pad), Changeset, "production",
            [GeoReportFormaat.XmlMediaType, "application/json"]);
        var discovery = new Open311DiscoveryUitvoer(Changeset, "Vragen over deze koppeling: de afdeling handhaving van de gemeente.",
            "Een API-sleutel (rol intake) maakt de beheerder van de gemeente aan met POST /api/v1/api-keys.", [endpoint]);
        if (format != GeoReportFormaat.Xml) return TypedResults.Ok(discovery);
        return GeoReportFormaat.AlsXml(new XElement("discovery",
            new XElement("changeset", discovery.Changeset), new XElement("contact", discovery.Contact),
            new XElement("key_service", discovery.KeyService),
            new XElement("endpoints", new XElement("endpoint",
                new XElement("specification", endpoint.Specification), new XElement("url", endpoint.Url),
                new XElement("changeset", endpoint.Changeset), new XElement("type", endpoint.Type),
                new XElement("formats", endpoint.Formats.Select(f => new XElement("format", f)))))));
    }

    internal static async Task<Results<Ok<Open311ServiceUitvoer[]>, ContentHttpResult>> LijstServices(
        string format, CategorieTaxonomie taxonomie, CurrentUser user, CancellationToken ct)
    {
        var services = (await taxonomie.AllAsync(user.GemeenteId, ct)).Where(c => c.ParentCode is null)
            .Select(c => new Open311ServiceUitvoer(c.Code, c.Naam, c.Naam, false, "realtime", c.Code, "handhaving")).ToArray();
        return Antwoord(format, "services", "service", services);
    }

    internal static async Task<Results<Created<Open311AangemaaktUitvoer[]>, Ok<Open311AangemaaktUitvoer[]>, ContentHttpResult>> Registreer(
        string format, HttpRequest request, MeldingenIntake intake, MeldingenQueries queries, CurrentUser user, TimeProvider clock, CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return GeoReportFormaat.Fout(format, StatusCodes.Status415UnsupportedMediaType, null,
                "GeoReport v2 verwacht een formulier (application/x-www-form-urlencoded).");
        }
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (InvalidDataException)
        {
            return Ongeldig(format, null, "het formulier bevat een teken dat niet kan (NUL, of een onvolledige %-codering).");
        }
        string? Veld(string name) => form[name].FirstOrDefault() is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var (lat, latFout) = Getal(Veld("lat"), "lat");
        var (lon, lonFout) = Getal(Veld("long"), "long");
        if ((latFout ?? lonFout) is { } veld) return Ongeldig(format, veld, "een getal in WGS84-graden met een punt, bv. 52.37.");
        // A KCC system that retries after a timeout sends the same key: the client's own, so two clients never share one.
        var sleutel = request.Headers[IdempotencyHeader].FirstOrDefault() is { Length: > 0 } header ? header.Trim() : Veld("external_id");
        var naam = string.Join(' ', new[] { Veld("first_name"), Veld("last_name") }.OfType<string>());
        var invoer = new MeldingInvoer
        {
            Bron = Bron, ExternId = sleutel is null ? Guid.NewGuid().ToString("N") : $"{user.Naam}:{sleutel}", Categorie = Veld("service_code"),
            GemeldOp = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture), Omschrijving = Veld("description"),
            Adres = Veld("address_string"), Lat = lat, Lon = lon,
            Melder = new MelderGegevens(naam.Length > 0 ? naam : null, Veld("email"), Veld("phone")),
        };
        var rapport = await intake.VerwerkAsync(user.GemeenteId, [(1, invoer, null)], user.Naam, ct);
        if (rapport.Fouten is [var fout, ..])
        {
            var sleutelUitKop = fout.Veld == "extern_id" && sleutel is not null && request.Headers.ContainsKey(IdempotencyHeader);
            return Ongeldig(format, sleutelUitKop ? IdempotencyHeader : Velden.GetValueOrDefault(fout.Veld, fout.Veld), fout.Reden);
        }
        if (rapport.NieuweIds is [var id])
        {
            var aangemaakt = Aangemaakt(id);
            return format == GeoReportFormaat.Xml
                ? GeoReportFormaat.AlsXml(GeoReportFormaat.Lijst("service_requests", "request", aangemaakt), StatusCodes.Status201Created)
                : TypedResults.Created($"{Pad}/requests/{id}.{format}", aangemaakt);
        }
        // Already known by its key: the first request, not a second melding.
        if (await queries.VindAsync(Bron, invoer.ExternId, ct) is not { } eerste)
        {
            // Known by its key but outside this caller's scope: never another client's melding.
            return GeoReportFormaat.Fout(format, StatusCodes.Status409Conflict, "external_id", "deze sleutel hoort al bij een melding die u niet kunt lezen.");
        }
        request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
        return format == GeoReportFormaat.Xml
            ? GeoReportFormaat.AlsXml(GeoReportFormaat.Lijst("service_requests", "request", Aangemaakt(eerste.Id)))
            : TypedResults.Ok(Aangemaakt(eerste.Id));
    }

    internal static async Task<Results<Ok<Open311RequestUitvoer[]>, ContentHttpResult>> Lijst(
        string format, [AsParameters] Open311Zoekparameters p, MeldingenQueries queries, CategorieTaxonomie taxonomie, CurrentUser user,
        PersoonsgegevensAudit audit, TimeProvider clock, CancellationToken ct)
    {
        MeldingFilter filter;
        if (p.ServiceRequestId is { } lijst)
        {
            // GeoReport: with service_request_id the other filters are ignored.
            var ids = lijst.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var geldig = ids.Select(i => long.TryParse(i, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null).ToList();
            if (ids.Length is 0 or > MaxRequests || geldig.Any(v => v is null))
            {
                return Ongeldig(format, "service_request_id", $"1 t/m {MaxRequests} nummers, gescheiden door komma's, bv. 12,13.");
            }
            filter = new MeldingFilter(Ids: [.. geldig.Select(v => v!.Value)]);
        }
        else
        {
            var (start, startFout) = Tijdstip(p.StartDate);
            var (end, endFout) = Tijdstip(p.EndDate);
            if (startFout) return Ongeldig(format, "start_date", "een tijdstip met tijdzone (W3C), bv. 2026-11-24T00:00:00Z.");
            if (endFout) return Ongeldig(format, "end_date", "een tijdstip met tijdzone (W3C), bv. 2026-12-01T00:00:00+01:00.");
            var tot = end ?? (start is { } s ? s + MaxPeriode : clock.GetUtcNow());
            var van = start ?? tot - MaxPeriode;
            if (tot < van) return Ongeldig(format, "end_date", "ligt vóór start_date.");
            if (tot - van > MaxPeriode) return Ongeldig(format, "end_date", $"de periode is hoogstens {MaxPeriode.TotalDays:0} dagen.");
            var statussen = (p.Status ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.ToLowerInvariant()).ToHashSet();
            if (statussen.Except(["open", "closed"]).Any()) return Ongeldig(format, "status", "open, closed of beide (open,closed).");
            // end_date is inclusive in GeoReport; the query's Tot is exclusive.
            filter = new MeldingFilter(Categorie: p.ServiceCode?.Trim().ToLowerInvariant(), Van: van, Tot: tot.AddTicks(10),
                Afgehandeld: statussen.Count == 1 ? statussen.Contains("closed") : null);
        }
        var (rijen, _) = await queries.ZoekAsync(filter, new Paging(0, MaxRequests), ct);
        await audit.RegistreerAsync([.. rijen.Select(r => r.Id)], ContactInzage.InzienMelding, "open311 requests", ct);
        var namen = await ServiceNamenAsync(taxonomie, user, ct);
        return Antwoord(format, "service_requests", "request", [.. rijen.Select(r => Request(r, namen))]);
    }

    internal static async Task<Results<Ok<Open311RequestUitvoer[]>, ContentHttpResult>> Lees(
        long id, string format, MeldingenQueries queries, CategorieTaxonomie taxonomie, CurrentUser user, PersoonsgegevensAudit audit,
        CancellationToken ct)
    {
        if (await queries.VindAsync(id, ct) is not { } melding)
        {
            return GeoReportFormaat.Fout(format, StatusCodes.Status404NotFound, "service_request_id", $"geen melding {id} in deze gemeente.");
        }
        await audit.RegistreerAsync([id], ContactInzage.InzienMelding, "open311 request", ct);
        return Antwoord(format, "service_requests", "request", [Request(melding, await ServiceNamenAsync(taxonomie, user, ct))]);
    }

    private static Results<Ok<T[]>, ContentHttpResult> Antwoord<T>(string format, string lijst, string item, T[] items) =>
        format == GeoReportFormaat.Xml ? GeoReportFormaat.AlsXml(GeoReportFormaat.Lijst(lijst, item, items)) : TypedResults.Ok(items);

    private static ContentHttpResult Ongeldig(string format, string? field, string reden) =>
        GeoReportFormaat.Fout(format, StatusCodes.Status400BadRequest, field, reden);

    private static async Task<Dictionary<string, string>> ServiceNamenAsync(CategorieTaxonomie taxonomie, CurrentUser user, CancellationToken ct) =>
        (await taxonomie.AllAsync(user.GemeenteId, ct)).ToDictionary(c => c.Code, c => c.Naam, StringComparer.OrdinalIgnoreCase);

    private static Open311AangemaaktUitvoer[] Aangemaakt(long id) =>
        [new(id.ToString(CultureInfo.InvariantCulture), "Geregistreerd; de wijkboa van de wijk is eigenaar.", null)];

    private static Open311RequestUitvoer Request(MeldingRij melding, Dictionary<string, string> serviceNamen)
    {
        var punt = melding.Locatie is { } p ? RdNew.ToWgs84(p.X, p.Y) : ((double, double)?)null;
        return new Open311RequestUitvoer(melding.Id.ToString(CultureInfo.InvariantCulture),
            melding.Status == MeldingStatus.Afgehandeld ? "closed" : "open",
            serviceNamen.GetValueOrDefault(melding.Categorie, melding.Categorie), melding.Categorie, melding.Omschrijving,
            melding.EigenaarNaam is { } boa ? $"wijkboa {boa}" : null, melding.GemeldOp, melding.BijgewerktOp,
            melding.AdresTekst, punt is { } ll ? Math.Round(ll.Item2, 6) : null, punt is { } lo ? Math.Round(lo.Item1, 6) : null);
    }

    private static (double? Value, string? Fout) Getal(string? text, string field) =>
        text is null ? (null, null)
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? (value, null)
        : (null, field);

    /// <summary>A W3C date-time with its zone (Z or an offset), as GeoReport demands; without one it is refused, not guessed.</summary>
    private static (DateTimeOffset? Value, bool Fout) Tijdstip(string? text)
    {
        if (text is null) return (null, false);
        var metZone = text.EndsWith('Z') || text.Contains('+') || text.LastIndexOf('-') > 9;
        return metZone && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? (value, false) : (null, true);
    }
}
