using System.Text.Json;

namespace GeoHandhaving.Api.Tests.Reliability;

/// <summary>
/// One bad request: what is sent, the text the problem details must contain to name the problem (a field, a row or
/// a coordinate), and how many meldingen the valid rows of a mixed file must leave stored.
/// </summary>
public sealed record BadInput(string Name, string Method, string Url, string? ContentType, string? Body, string Names, int Stored = 0,
    string MediaType = "application/problem+json", IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => Name;
}

/// <summary>The corpus: invalid geometry, wrong CRS, foreign points, malformed JSON and CSV, unicode oddities, injection strings.</summary>
public static class BadInputCorpus
{
    private const string Rd = "crs=http://www.opengis.net/def/crs/EPSG/0/28992";
    private const string GeldigeTijd = "2026-11-10T08:15:00+01:00";
    private const string CsvKop = "bron,extern_id,categorie,gemeld_op,omschrijving,lon,lat\n";

    private static string Wijk(string geometry) =>
        $$$"""{"type":"Feature","geometry":{{{geometry}}},"properties":{"code":"W1","naam":"Wijk","reden":"corpus"}}""";

    private static string Polygon(params (double X, double Y)[] ring) =>
        JsonSerializer.Serialize(new { type = "Polygon", coordinates = new[] { ring.Select(p => new[] { p.X, p.Y }).ToArray() } });

    private static string Melding(string categorie = "afval", object? lon = null, object? lat = null, string gemeldOp = GeldigeTijd,
        string externId = "corpus", string? email = null, string omschrijving = "corpus", object? xRd = null, object? yRd = null) =>
        JsonSerializer.Serialize(new
        {
            bron = "KCC", externId, categorie, gemeldOp, lon = lon ?? 4.87, lat = lat ?? 52.35, xRd, yRd, omschrijving,
            melder = email is null ? null : new { naam = "M", email }
        });

    private static BadInput Post(string name, string url, string body, string names, string contentType = "application/json", int stored = 0) =>
        new(name, "POST", url, contentType, body, names, stored);

    private static BadInput Get(string name, string url, string names) => new(name, "GET", url, null, null, names);

    private const string Form = "application/x-www-form-urlencoded";
    private const string GeoReportJson = "application/json";

    /// <summary>A GeoReport v2 form: errors come in GeoReport's own format (code, description naming the field).</summary>
    private static BadInput Open311(string name, string form, string names, string format = "json") =>
        new(name, "POST", $"/open311/v2/requests.{format}", Form, form, names, MediaType: format == "xml" ? "text/xml" : GeoReportJson);

    private static BadInput Open311Get(string name, string query, string names) =>
        new(name, "GET", $"/open311/v2/requests.json?{query}", null, null, names, MediaType: GeoReportJson);

    public static IReadOnlyList<BadInput> All { get; } =
    [
        // Wijk geometry
        Post("self-intersecting bow tie", $"/api/v1/wijken?{Rd}",
            Wijk(Polygon((121000, 487000), (121500, 487500), (121500, 487000), (121000, 487500), (121000, 487000))), "self-intersection"),
        Post("ring not closed", $"/api/v1/wijken?{Rd}", Wijk(Polygon((121000, 487000), (121500, 487000), (121500, 487500), (121000, 487500))), "geometry"),
        Post("ring of three points", $"/api/v1/wijken?{Rd}", Wijk(Polygon((121000, 487000), (121500, 487000), (121000, 487000))), "geometry"),
        Post("RD coordinates sent as CRS84 (wrong CRS)", "/api/v1/wijken",
            Wijk(Polygon((121000, 487000), (121500, 487000), (121500, 487500), (121000, 487500), (121000, 487000))), "121000"),
        Post("polygon in Boston", "/api/v1/wijken", Wijk(Polygon((-71.1, 42.3), (-71.0, 42.3), (-71.0, 42.4), (-71.1, 42.4), (-71.1, 42.3))), "-71.1"),
        Post("point instead of polygon", $"/api/v1/wijken?{Rd}", Wijk("""{"type":"Point","coordinates":[121000,487000]}"""), "Point"),
        Post("unknown crs", "/api/v1/wijken?crs=EPSG:4326", Wijk(Polygon((4.8, 52.3), (4.9, 52.3), (4.9, 52.4), (4.8, 52.3))), "crs"),
        Post("feature without geometry", $"/api/v1/wijken?{Rd}",
            """{"type":"Feature","properties":{"code":"W1","naam":"Wijk","reden":"corpus"}}""", "geometry"),
        Post("coordinates as text", $"/api/v1/wijken?{Rd}", Wijk("""{"type":"Polygon","coordinates":[[["a","b"],["c","d"],["e","f"],["a","b"]]]}"""), "json"),
        Post("geometry type unknown", $"/api/v1/wijken?{Rd}", Wijk("""{"type":"Cirkel","coordinates":[121000,487000]}"""), "Cirkel"),
        Post("truncated JSON", $"/api/v1/wijken?{Rd}", """{"type":"Feature","geometry":{"type":"Polygon",""", "json"),
        Post("JSON array instead of feature", $"/api/v1/wijken?{Rd}", "[1,2,3]", "json"),
        Post("empty body", $"/api/v1/wijken?{Rd}", "", "body"),
        Post("wijk code with SQL injection and polygon in Boston", "/api/v1/wijken",
            """{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[-71.1,42.3],[-71.0,42.3],""" +
            """[-71.0,42.4],[-71.1,42.3]]]},"properties":{"code":"'; DROP TABLE wijk;--","naam":"x","reden":"corpus"}}""", "-71.1"),

        // One melding
        Post("melding in Boston", "/api/v1/meldingen", Melding(lon: -71.06, lat: 42.36), "lon/lat"),
        Post("lat and lon swapped", "/api/v1/meldingen", Melding(lon: 52.35, lat: 4.87), "lon/lat"),
        Post("lon NaN", "/api/v1/meldingen", Melding(lon: "NaN"), "lon/lat"),
        Post("lon 1e308", "/api/v1/meldingen", Melding(lon: 1e308), "lon/lat"),
        Post("lon as text", "/api/v1/meldingen",
            """{"bron":"KCC","categorie":"afval","gemeldOp":"2026-11-10T08:15:00+01:00","lon":"vier","lat":52.3}""", "lon"),
        Post("unknown categorie", "/api/v1/meldingen", Melding(categorie: "fietsendiefstal"), "categorie"),
        Post("SQL injection as categorie", "/api/v1/meldingen", Melding(categorie: "'; DROP TABLE melding;--"), "categorie"),
        Post("script tag as categorie", "/api/v1/meldingen", Melding(categorie: "<script>alert(1)</script>"), "categorie"),
        Post("right-to-left override in categorie", "/api/v1/meldingen", Melding(categorie: "afval\u202E"), "categorie"),
        Post("zero-width space in categorie", "/api/v1/meldingen", Melding(categorie: "af\u200Bval"), "categorie"),
        Post("emoji as categorie", "/api/v1/meldingen", Melding(categorie: "🚗💥"), "categorie"),
        Post("NUL in categorie", "/api/v1/meldingen", Melding(categorie: "afval\0"), "categorie"),
        Post("NUL in omschrijving", "/api/v1/meldingen", Melding(omschrijving: "auto\0op de stoep"), "omschrijving"),
        Post("gemeld_op is not a time", "/api/v1/meldingen", Melding(gemeldOp: "gisteren"), "gemeld_op"),
        Post("gemeld_op 31 February", "/api/v1/meldingen", Melding(gemeldOp: "2026-02-31T08:00:00+01:00"), "gemeld_op"),
        Post("extern id of 100 000 characters", "/api/v1/meldingen", Melding(externId: new string('x', 100_000)), "extern_id"),
        Post("e-mail without @", "/api/v1/meldingen", Melding(email: "geen-adres"), "melder_email"),
        Post("RD point outside RD New", "/api/v1/meldingen",
            JsonSerializer.Serialize(new { bron = "KCC", externId = "x", categorie = "afval", gemeldOp = GeldigeTijd, xRd = 900000, yRd = 100 }), "900000"),
        Post("no location at all", "/api/v1/meldingen",
            JsonSerializer.Serialize(new { bron = "KCC", externId = "x", categorie = "afval", gemeldOp = GeldigeTijd }), "locatie"),
        Post("malformed JSON", "/api/v1/meldingen", """{"bron":"KCC",""", "json"),
        Post("JSON null", "/api/v1/meldingen", "null", "body"),
        Post("deeply nested JSON", "/api/v1/meldingen", new string('[', 5000) + new string(']', 5000), "json"),

        // Files: every valid row stored, every invalid row named
        Post("CSV without categorie column", "/api/v1/meldingen/import", "bron,extern_id,gemeld_op\nKCC,1," + GeldigeTijd + "\n", "categorie", "text/csv"),
        Post("CSV with good rows among missing and wrong fields", "/api/v1/meldingen/import", CsvKop +
            $"KCC,good-1,afval,{GeldigeTijd},\"'; DROP TABLE melding;--\",4.87,52.35\n" +
            $"KCC,bad-1,,{GeldigeTijd},geen categorie,4.87,52.35\n" +
            "KCC,bad-2,afval,gisteren,verkeerde tijd,4.87,52.35\n" +
            $"KCC,bad-3,afval,{GeldigeTijd},in Boston,-71.06,42.36\n" +
            $"KCC,good-2,afval,{GeldigeTijd},<script>alert(1)</script> 🚗,4.88,52.36\n" +
            "KCC,bad-4,afval\n", "rij", "text/csv", stored: 2),
        Post("CSV with unbalanced quote", "/api/v1/meldingen/import", CsvKop + $"KCC,q-1,afval,{GeldigeTijd},\"nooit gesloten,4.87,52.35\n", "rij", "text/csv"),
        Post("CSV with zero-width and RTL characters in categorie", "/api/v1/meldingen/import",
            CsvKop + $"KCC,u-1,af\u200Bval,{GeldigeTijd},x,4.87,52.35\nKCC,u-2,\u202Eafval,{GeldigeTijd},x,4.87,52.35\n", "categorie", "text/csv"),
        Post("NDJSON with a good line, a broken line and a foreign point", "/api/v1/meldingen/import",
            Melding(externId: "nd-good") + "\n{\"bron\":\"KCC\",\n" + Melding(externId: "nd-boston", lon: -71.06, lat: 42.36) + "\n", "rij",
                "application/x-ndjson", stored: 1),
        Post("import as XML", "/api/v1/meldingen/import", "<meldingen/>", "Unsupported Media Type", "application/xml"),

        // Query parameters
        Get("list limit 0", "/api/v1/meldingen?limit=0", "limit"),
        Get("list limit one million", "/api/v1/meldingen?limit=1000000", "limit"),
        Get("list offset negative", "/api/v1/meldingen?offset=-1", "offset"),
        Get("list weekdag 9", "/api/v1/meldingen?weekdag=9", "weekdag"),
        Get("list uur 25", "/api/v1/meldingen?uur=25", "uur"),
        Get("list bbox not numbers", "/api/v1/meldingen?bbox=a,b,c,d", "bbox"),
        Get("list bbox min above max", "/api/v1/meldingen?bbox=5,53,4,52", "bbox"),
        Get("list bbox outside the Netherlands", "/api/v1/meldingen?bbox=-80,30,-70,40", "bbox"),
        Get("list unknown crs", "/api/v1/meldingen?crs=EPSG:4326", "crs"),
        Get("list unknown status", "/api/v1/meldingen?status=Kapot", "status"),
        Get("list van is not a time", "/api/v1/meldingen?van=gisteren", "van"),
        Get("export limit too large", "/api/v1/meldingen/export.csv?limit=99999999", "limit"),
        Get("melder without doel", "/api/v1/meldingen/1/melder", "doel"),
        Get("hotspots unknown dag", "/api/v1/hotspots/active?dag=xx&uur=8", "dag"),
        Get("hotspots uur 99", "/api/v1/hotspots/active?dag=di&uur=99", "uur"),
        Get("hotspots limit 0", "/api/v1/hotspots/active?dag=di&uur=8&limit=0", "limit"),
        Get("hotspots at is not a time", "/api/v1/hotspots/active?at=morgen", "at"),
        Get("wijk at point without lat", "/api/v1/wijken/at?lon=4.9", "lon/lat"),
        Get("wijk at point in Berlin", "/api/v1/wijken/at?lon=13.4&lat=52.5", "13.4"),
        Get("wijken datum is not a date", "/api/v1/wijken?datum=gisteren", "datum"),
        Get("geocode empty query", "/api/v1/geocode?q=", "q"),
        Get("reverse beyond the poles", "/api/v1/reverse?lon=200&lat=100", "lon/lat"),
        Get("reverse negative radius", "/api/v1/reverse?lon=4.9&lat=52.37&straal=-1", "straal"),
        Post("geocode batch not JSON", "/api/v1/geocode/batch", "Dam 1, Amsterdam", "json"),
        Post("status not in the workflow", "/api/v1/meldingen/1/status", """{"status":"Weg"}""", "status"),

        // Open311 GeoReport v2
        Open311("GeoReport form without service_code", "lat=52.35&long=4.87", "service_code"),
        Open311("GeoReport unknown service_code", "service_code=vuurwerk&lat=52.35&long=4.87", "service_code"),
        Open311("GeoReport lat as words", "service_code=afval&lat=noord&long=4.87", "lat"),
        Open311("GeoReport long NaN", "service_code=afval&lat=52.35&long=NaN", "long"),
        Open311("GeoReport point in New York", "service_code=afval&lat=40.7&long=-74.0", "lat/long"),
        Open311("GeoReport no location", "service_code=afval&description=ergens", "lat/long"),
        Open311("GeoReport e-mail without @", "service_code=afval&lat=52.35&long=4.87&email=geen-adres", "email"),
        Open311("GeoReport NUL in description", "service_code=afval&lat=52.35&long=4.87&description=auto%00stoep", "formulier"),
        Open311("GeoReport external_id of 300 characters", $"service_code=afval&lat=52.35&long=4.87&external_id={new string('k', 300)}", "external_id"),
        Open311("GeoReport SQL injection as service_code, in XML", "service_code=%27%3B+DROP+TABLE+melding%3B--&lat=52.35&long=4.87", "service_code", "xml"),
        new("GeoReport JSON body instead of a form", "POST", "/open311/v2/requests.json", "application/json", """{"service_code":"afval"}""", "formulier",
            MediaType: GeoReportJson),
        Open311Get("GeoReport start_date not a time", "start_date=gisteren", "start_date"),
        Open311Get("GeoReport period over 90 days", "start_date=2026-01-01T00:00:00Z&end_date=2026-12-01T00:00:00Z", "end_date"),
        Open311Get("GeoReport unknown status", "status=kapot", "status"),
        Open311Get("GeoReport id list with a word", "service_request_id=1,twee", "service_request_id"),

        // Privacy officer
        Post("AVG request without reference", "/api/v1/privacy/avg/inzage", """{"email":"a@example.nl"}""", "verzoek"),
        Post("AVG erasure without e-mail or phone", "/api/v1/privacy/avg/wissing", """{"verzoek":"AVG-1","email":"geen-adres"}""", "email"),
        Get("audit period the wrong way round", "/api/v1/privacy/inzages?van=2026-12-01T00:00:00Z&tot=2026-11-01T00:00:00Z", "tot"),
        Get("audit limit 0", "/api/v1/privacy/inzages?limit=0", "limit"),

        // Sign-in (the local page without an identity provider) and the session cookie
        Post("local sign-in without the page's antiforgery token", "/aanmelden", "gemeente=GM9999&rol=admin&gebruiker=x", "__RequestVerificationToken", Form),
        Post("local sign-in as JSON", "/aanmelden", """{"gemeente":"GM9999"}""", "Unsupported Media Type"),
        new("oversize cookie", "GET", "/api/v1/meldingen", null, null, "Cookie",
            Headers: new Dictionary<string, string> { ["Cookie"] = $"geoh_sessie={new string('x', 20_000)}" }),
    ];

    /// <summary>
    /// Bad sign-in callbacks, for an API with an OpenID Provider configured (OidcAanmeldenTests); a replayed code needs a real
    /// flow and is tested there.
    /// </summary>
    public static IReadOnlyList<BadInput> MetIdentityProvider { get; } =
    [
        Get("sign-in callback with a forged state", "/aanmelden/oidc?code=verzonnen&state=vervalst", "state"),
        Get("sign-in callback without state", "/aanmelden/oidc?code=verzonnen", "state"),
        Get("sign-in callback with a provider error and a forged state", "/aanmelden/oidc?error=access_denied&state=vervalst", "state"),
    ];
}
