using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Geocoding;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Tests.Meldingen;

/// <summary>
/// The Apollobuurt BAG split into two wijken at the median x: west has wijkboa "jansen", east has none.
/// </summary>
public sealed class ApollobuurtMetWijken : IAsyncLifetime
{
    public ApollobuurtBag Bag { get; } = new();
    public string Gemeente => Bag.Gemeente;
    public double SplitX { get; private set; }
    public string[] WestAdres { get; private set; } = [];
    public string[] OostAdres { get; private set; } = [];

    public async Task LoadAsync(ApiFactory api)
    {
        if (WestAdres.Length > 0) return;
        await Bag.LoadAsync(api);
        var rows = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1)
            .Select(l => l.Split(',')).Where(f => f[2] == "" && f[3] == "").ToList();
        var xs = rows.Select(f => double.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        SplitX = xs[xs.Count / 2];
        WestAdres = rows.First(f => double.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) < SplitX - 50);
        OostAdres = rows.First(f => double.Parse(f[11], System.Globalization.CultureInfo.InvariantCulture) > SplitX + 50);
        MultiPolygon Box(double minX, double maxX) => RdNew.RdFactory.CreateMultiPolygon(
            [(Polygon)RdNew.RdFactory.ToGeometry(new Envelope(minX, maxX, 480_000, 490_000))]);
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhaving.Api.Data.GeoHandhavingDbContext>();
        var indeling = new Wijkindeling { GemeenteId = Gemeente, Naam = "test", Status = WijkindelingStatus.Actief, AangemaaktDoor = "test" };
        db.Wijkindelingen.Add(indeling);
        await db.SaveChangesAsync();
        db.Wijken.Add(new Wijk
        {
            GemeenteId = Gemeente, WijkindelingId = indeling.Id, Code = "WEST", Naam = "West", Geometrie = Box(115_000, SplitX),
            GewijzigdDoor = "test"
        });
        db.Wijken.Add(new Wijk
        {
            GemeenteId = Gemeente, WijkindelingId = indeling.Id, Code = "OOST", Naam = "Oost", Geometrie = Box(SplitX, 125_000),
            GewijzigdDoor = "test"
        });
        var boa = new Boa { GemeenteId = Gemeente, Code = "B01", Naam = "J. Jansen", Gebruikersnaam = "jansen" };
        db.Boas.Add(boa);
        await db.SaveChangesAsync();
        db.WijkBoas.Add(new WijkBoa { GemeenteId = Gemeente, WijkindelingId = indeling.Id, WijkCode = "WEST", BoaId = boa.Id });
        await db.SaveChangesAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(ApiCollection.Name)]
public class MeldingenApiTests : IClassFixture<ApollobuurtMetWijken>
{
    private readonly ApiFactory _api;
    private readonly ApollobuurtMetWijken data;

    public MeldingenApiTests(ApiFixture fixture, ApollobuurtMetWijken data)
    {
        _api = fixture.Api;
        this.data = data;
        // xunit 2 cannot hand the collection fixture to a class fixture, so the data is loaded (once) here.
        data.LoadAsync(_api).GetAwaiter().GetResult();
    }

    private async Task<HttpClient> As(string role, string subject = "tester")
    {
        await data.LoadAsync(_api);
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.TokenFor(subject, data.Gemeente, role));
        return client;
    }

    private static string Adres(string[] f) => $"{f[0]} {f[1]}, {f[4][..4]} {f[4][4..]} {f[5]}";

    private static object Melding(string externId, string? adres = null, double? lon = null, double? lat = null,
        string categorie = "parkeeroverlast", string gemeldOp = "2026-11-10T08:15:00+01:00", object? melder = null) =>
        new { bron = "KCC", externId, categorie, gemeldOp, adres, lon, lat, omschrijving = "auto op de stoep", melder };

    /// <summary>Registers one melding and returns it as the list shows it: 201 with Location and the melding itself.</summary>
    private async Task<JsonElement> RegistreerAsync(object melding)
    {
        var response = await (await As(Roles.Intake)).PostAsJsonAsync("/api/v1/meldingen", melding);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"http://localhost/api/v1/meldingen/{id}", response.Headers.Location?.OriginalString);
        var stored = await (await As(Roles.Teamleider)).GetFromJsonAsync<JsonElement>(response.Headers.Location);
        Assert.Equal(stored.GetProperty("properties").GetRawText(), created.GetProperty("properties").GetRawText());
        return stored;
    }

    [Fact]
    public async Task Melding_with_an_address_is_geocoded_and_gets_the_wijkboa_as_owner()
    {
        var feature = await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.WestAdres).ToLowerInvariant()));
        var p = feature.GetProperty("properties");
        Assert.Equal("adres", p.GetProperty("geocodeStatus").GetString());
        Assert.Equal("WEST", p.GetProperty("wijk").GetString());
        Assert.Equal("B01", p.GetProperty("eigenaar").GetProperty("code").GetString());
        Assert.Equal("Toegewezen", p.GetProperty("status").GetString());
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        var lon = feature.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble();
        Assert.InRange(lon, 4.8, 4.95);

        var historie = await (await As(Roles.Teamleider)).GetFromJsonAsync<JsonElement[]>($"/api/v1/meldingen/{feature.GetProperty("id").GetInt64()}/historie");
        Assert.Equal(["Nieuw", "Toegewezen"], historie!.Select(h => h.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Melding_in_a_wijk_without_boa_or_outside_every_wijk_says_why_it_has_no_owner()
    {
        var oost = (await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.OostAdres)))).GetProperty("properties");
        Assert.Equal("OOST", oost.GetProperty("wijk").GetString());
        Assert.Equal(Toewijzing.WijkZonderWijkboa, oost.GetProperty("eigenaarReden").GetString());
        Assert.Equal("Nieuw", oost.GetProperty("status").GetString());

        var buiten = (await RegistreerAsync(Melding(Guid.NewGuid().ToString(), lon: 5.5, lat: 52.0))).GetProperty("properties");
        Assert.Equal(Toewijzing.BuitenAlleWijken, buiten.GetProperty("eigenaarReden").GetString());

        var onbekend = (await RegistreerAsync(Melding(Guid.NewGuid().ToString(), "Nergenslaan 12, Amsterdam"))).GetProperty("properties");
        Assert.Equal("adres_niet_gevonden", onbekend.GetProperty("geocodeStatus").GetString());
        Assert.Contains("adres", onbekend.GetProperty("eigenaarReden").GetString());
    }

    [Theory]
    [InlineData("lon/lat", null, -71.06, 42.36, "parkeeroverlast", "2026-11-10T08:15:00+01:00")]
    [InlineData("categorie", "Dam 1", null, null, "fietsendiefstal", "2026-11-10T08:15:00+01:00")]
    [InlineData("gemeld_op", "Dam 1", null, null, "afval", "gisteren")]
    [InlineData("locatie", null, null, null, "afval", "2026-11-10T08:15:00+01:00")]
    public async Task Invalid_melding_is_refused_with_422_naming_the_field(string field, string? adres, double? lon, double? lat, string categorie,
        string gemeldOp)
    {
        var response = await (await As(Roles.Intake)).PostAsJsonAsync("/api/v1/meldingen",
            Melding(Guid.NewGuid().ToString(), adres, lon, lat, categorie, gemeldOp));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(problem.GetProperty("fouten").EnumerateArray(), f => f.GetProperty("veld").GetString() == field);
        Assert.Equal(0, problem.GetProperty("opgeslagen").GetInt32());
    }

    [Fact]
    public async Task Registering_the_same_bron_and_extern_id_twice_creates_one_melding()
    {
        var externId = Guid.NewGuid().ToString();
        var first = await RegistreerAsync(Melding(externId, Adres(data.WestAdres)));
        var again = await (await As(Roles.Intake)).PostAsJsonAsync("/api/v1/meldingen", Melding(externId, Adres(data.WestAdres)));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first.GetProperty("id").GetInt64(), (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Equal($"http://localhost/api/v1/meldingen/{first.GetProperty("id").GetInt64()}", again.Content.Headers.ContentLocation?.OriginalString);
        Assert.Equal(1, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == data.Gemeente && m.ExternId == externId)));
    }

    [Fact]
    public async Task Csv_import_stores_every_valid_row_reports_each_bad_row_and_is_idempotent()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder(
            "bron,extern_id,categorie,subcategorie,gemeld_op,waargenomen_op,omschrijving,adres,x_rd,y_rd,melder_naam,melder_email,melder_telefoon\n");
        csv.Append($"KCC,{run}-1,afval,bijplaatsing,2026-10-01T10:00:00+02:00,,zakken naast container,\"{Adres(data.WestAdres)}\",,,Piet,piet@example.nl,\n");
        csv.Append($"KCC,{run}-2,afval,,2026-10-01T10:00:00+02:00,,,,abc,487000,,,\n");
        csv.Append($"KCC,{run}-3,onbekend,,2026-10-01T10:00:00+02:00,,,\"{Adres(data.WestAdres)}\",,,,,\n");
        csv.Append($"app,{run}-4,jeugdoverlast,,2026-10-03T23:30:00+02:00,,,,{data.SplitX - 100},486000,,,\n");
        csv.Append($"KCC,{run}-5,afval\n");
        var client = await As(Roles.Intake);
        var response = await client.PostAsync("/api/v1/meldingen/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("opgeslagen").GetInt32());
        var fouten = report.GetProperty("fouten").EnumerateArray().Select(f => (f.GetProperty("rij").GetInt32(), f.GetProperty("veld").GetString())).ToList();
        Assert.Equal([(2, "x_rd"), (3, "categorie"), (5, "rij")], fouten);

        var again = await client.PostAsync("/api/v1/meldingen/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        var second = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, second.GetProperty("opgeslagen").GetInt32());
        Assert.Equal(2, second.GetProperty("alBekend").GetInt32());
        Assert.Equal(2, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == data.Gemeente && m.ExternId.StartsWith(run))));
    }

    [Fact]
    public async Task Ndjson_import_reports_a_malformed_line_and_stores_the_rest()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var body = $$"""
            {"bron":"app","externId":"{{run}}-1","categorie":"hondenoverlast","gemeldOp":"2026-09-01T07:10:00+02:00","lon":4.87,"lat":52.35}
            {"bron":"app","externId":"{{run}}-2","categorie":
            {"bron":"app","externId":"{{run}}-3","categorie":"geluidsoverlast","gemeldOp":"2026-09-01T23:10:00+02:00","adres":"{{Adres(data.OostAdres)}}"}
            """;
        var response = await (await As(Roles.Intake)).PostAsync("/api/v1/meldingen/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, report.GetProperty("opgeslagen").GetInt32());
        Assert.Equal(2, report.GetProperty("fouten")[0].GetProperty("rij").GetInt32());

        var unsupported = await (await As(Roles.Intake)).PostAsync("/api/v1/meldingen/import", new StringContent("x", Encoding.UTF8, "application/pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, unsupported.StatusCode);
    }

    [Fact]
    public async Task List_filters_by_categorie_local_weekday_and_hour_and_pages()
    {
        var categorie = "weesfietsen";
        // Tuesday 10 November 2026 08:15 in Amsterdam is 07:15 UTC.
        await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.WestAdres), categorie: categorie, gemeldOp: "2026-11-10T07:15:00Z"));
        await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.WestAdres), categorie: categorie, gemeldOp: "2026-11-11T20:00:00+01:00"));
        var client = await As(Roles.Teamleider);
        var dinsdag8 = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen?categorie={categorie}&weekdag=2&uur=8");
        Assert.Equal(1, dinsdag8.GetProperty("numberMatched").GetInt64());
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen?categorie={categorie}&limit=1");
        Assert.Equal(1, page.GetProperty("numberReturned").GetInt32());
        Assert.True(page.GetProperty("numberMatched").GetInt64() >= 2);

        var rd = await client.GetAsync($"/api/v1/meldingen?categorie={categorie}&crs={Uri.EscapeDataString(RdNew.CrsUri)}");
        Assert.Equal($"<{RdNew.CrsUri}>", rd.Headers.GetValues("Content-Crs").Single());
        var x = (await rd.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features")[0].GetProperty("geometry")
            .GetProperty("coordinates")[0].GetDouble();
        Assert.InRange(x, 100_000, 140_000);

        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/meldingen?uur=24")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/meldingen?bbox=1,2,3")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/meldingen?crs=EPSG:3857")).StatusCode);
    }

    [Fact]
    public async Task Melder_contact_is_encrypted_at_rest_shown_only_to_allowed_roles_and_every_read_is_audited()
    {
        var email = $"melder-{Guid.NewGuid():N}@example.nl";
        var west = await RegistreerAsync(Melding(Guid.NewGuid()
            .ToString(), Adres(data.WestAdres), melder: new { naam = "An", email, telefoon = "06-12345678" }));
        var id = west.GetProperty("id").GetInt64();
        Assert.DoesNotContain(email, west.ToString());
        var stored = _api.WithDb(db => db.MelderContacten.Single(c => c.GemeenteId == data.Gemeente && c.MeldingId == id).Versleuteld);
        Assert.DoesNotContain(email, stored);

        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(Roles.Planner)).GetAsync($"/api/v1/meldingen/{id}/melder?doel=x")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(Roles.Intake)).GetAsync($"/api/v1/meldingen/{id}/melder?doel=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await As(Roles.Teamleider)).GetAsync($"/api/v1/meldingen/{id}/melder")).StatusCode);

        var wijkboa = await (await As(Roles.Boa, "jansen")).GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{id}/melder?doel=terugbellen");
        Assert.Equal(email, wijkboa.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await (await As(Roles.Boa, "iemand-anders"))
            .GetAsync($"/api/v1/meldingen/{id}/melder?doel=terugbellen")).StatusCode);

        var audit = _api.WithDb(db => db.ContactInzages
            .Where(a => a.GemeenteId == data.Gemeente && a.MeldingId == id && a.Handeling == ContactInzage.Inzien).ToList());
        Assert.Single(audit);
        Assert.Equal(("jansen", "boa", "terugbellen"), (audit[0].Door, audit[0].Rol, audit[0].Doel));
    }

    [Fact]
    public async Task Status_moves_along_the_workflow_and_an_invalid_transition_is_a_409()
    {
        var id = (await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.WestAdres)))).GetProperty("id").GetInt64();
        var boa = await As(Roles.Boa, "jansen");
        Assert.Equal(HttpStatusCode.OK, (await boa.PostAsJsonAsync($"/api/v1/meldingen/{id}/status", new { status = "InBehandeling" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK,
            (await boa.PostAsJsonAsync($"/api/v1/meldingen/{id}/status", new { status = "Afgehandeld", toelichting = "auto weggesleept" })).StatusCode);
        var invalid = await boa.PostAsJsonAsync($"/api/v1/meldingen/{id}/status", new { status = "Toegewezen" });
        Assert.Equal(HttpStatusCode.Conflict, invalid.StatusCode);
        Assert.Contains("Heropend", await invalid.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(Roles.Planner))
            .PostAsJsonAsync($"/api/v1/meldingen/{id}/status", new { status = "Heropend" })).StatusCode);
    }

    [Fact]
    public async Task A_second_melding_of_the_same_categorie_nearby_within_the_time_span_is_linked_as_possible_duplicate()
    {
        var first = await RegistreerAsync(Melding(Guid.NewGuid()
            .ToString(), Adres(data.WestAdres), categorie: "hondenoverlast", gemeldOp: "2026-11-12T09:00:00+01:00"));
        var second = await RegistreerAsync(Melding(Guid.NewGuid()
            .ToString(), Adres(data.WestAdres), categorie: "hondenoverlast", gemeldOp: "2026-11-12T10:30:00+01:00"));
        var later = await RegistreerAsync(Melding(Guid.NewGuid()
            .ToString(), Adres(data.WestAdres), categorie: "hondenoverlast", gemeldOp: "2026-11-20T10:30:00+01:00"));
        Assert.Equal(first.GetProperty("id").GetInt64(), second.GetProperty("properties").GetProperty("mogelijkDuplicaatVan").GetInt64());
        Assert.Equal(JsonValueKind.Null, later.GetProperty("properties").GetProperty("mogelijkDuplicaatVan").ValueKind);
    }

    [Fact]
    public async Task Meldingen_of_another_gemeente_are_not_found_and_planners_cannot_list_meldingen()
    {
        var id = (await RegistreerAsync(Melding(Guid.NewGuid().ToString(), Adres(data.WestAdres)))).GetProperty("id").GetInt64();
        var other = await _api.NewGemeenteAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _api.ClientAs(other, Roles.Teamleider).GetAsync($"/api/v1/meldingen/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await As(Roles.Planner)).GetAsync("/api/v1/meldingen")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync("/api/v1/meldingen")).StatusCode);
    }
}
