using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Privacy;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Privacy;

/// <summary>The privacy officer: the audit of personal data, and a melder's AVG inzage and wissing.</summary>
[Collection(ApiCollection.Name)]
public class PrivacyApiTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private static async Task<long> RegistreerAsync(HttpClient intake, string omschrijving, object? melder)
    {
        var response = await intake.PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = Guid.NewGuid().ToString(), categorie = "afval", gemeldOp = "2026-11-10T08:15:00+01:00",
            lon = 4.87, lat = 52.35, omschrijving, melder,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private HttpClient Privacy(string gemeente) => _api.ClientAs(gemeente, Roles.Privacy);

    /// <summary>As the API writes JSON: enums (a melding's status) as their names.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    [Fact]
    public async Task The_privacy_officer_reads_the_audit_filtered_by_user_melding_and_period()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        var eerste = await RegistreerAsync(intake, "zakken", new { naam = "A. Melder", email = "a@example.nl" });
        var tweede = await RegistreerAsync(intake, "zakken", new { naam = "B. Melder", email = "b@example.nl" });
        var teamleider = _api.ClientAs(gemeente, Roles.Teamleider);
        var voor = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync($"/api/v1/meldingen/{eerste}/melder?doel=terugbellen")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync($"/api/v1/meldingen/{tweede}/melder?doel=navraag")).StatusCode);
        var gelezen = await _api.ClientAs(gemeente, Roles.Teamleider).GetAsync($"/api/v1/meldingen/{tweede}/melder?doel=controle");
        Assert.Equal(HttpStatusCode.OK, gelezen.StatusCode);

        var alle = await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>("/api/v1/privacy/inzages");
        Assert.Equal(3, alle!.Totaal);
        Assert.All(alle.Inzages, i => Assert.Equal(("tester", "teamleider", "inzien"), (i.Door, i.Rol, i.Handeling)));
        var perMelding = await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>($"/api/v1/privacy/inzages?melding={tweede}");
        Assert.Equal(["controle", "navraag"], perMelding!.Inzages.Select(i => i.Doel));
        var sinds = Uri.EscapeDataString(voor.ToString("O"));
        Assert.Equal(3, (await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>($"/api/v1/privacy/inzages?gebruiker=tester&van={sinds}"))!.Totaal);
        Assert.Equal(0, (await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>("/api/v1/privacy/inzages?gebruiker=iemand-anders"))!.Totaal);
        Assert.Equal(0, (await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>($"/api/v1/privacy/inzages?tot={sinds}"))!.Totaal);
        // Another gemeente's privacy officer sees none of it; a teamleider may not read the audit.
        Assert.Equal(0, (await Privacy(await _api.NewGemeenteAsync()).GetFromJsonAsync<InzagesUitvoer>("/api/v1/privacy/inzages"))!.Totaal);
        Assert.Equal(HttpStatusCode.Forbidden, (await teamleider.GetAsync("/api/v1/privacy/inzages")).StatusCode);
    }

    [Fact]
    public async Task Every_read_of_a_meldings_free_text_and_address_is_audited_per_melding_and_a_read_that_fails_audits_nothing()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        var eerste = await RegistreerAsync(intake, "buurman Jansen zet zakken neer", null);
        var tweede = await RegistreerAsync(intake, "zakken bij de container", null);
        var teamleider = _api.ClientAs(gemeente, Roles.Teamleider);

        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync($"/api/v1/meldingen/{eerste}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync("/api/v1/meldingen?limit=10")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync("/api/v1/meldingen/export.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync($"/open311/v2/requests/{tweede}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await intake.GetAsync($"/open311/v2/requests.xml?service_request_id={eerste},{tweede}")).StatusCode);
        // Refused or missing reads leave no trace: a wrong CRS, an unknown melding, another gemeente's melding.
        Assert.Equal(HttpStatusCode.BadRequest, (await teamleider.GetAsync($"/api/v1/meldingen/{eerste}?crs=EPSG:4326x")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await teamleider.GetAsync($"/api/v1/meldingen/{tweede + 1000}")).StatusCode);
        var buiten = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Teamleider);
        Assert.Equal(HttpStatusCode.NotFound, (await buiten.GetAsync($"/api/v1/meldingen/{eerste}")).StatusCode);

        var audit = (await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>("/api/v1/privacy/inzages?limit=100"))!.Inzages
            .Where(i => i.Handeling == "inzien-melding").ToList();
        Assert.Equal(
            [
                ("export", eerste, "teamleider"), ("export", tweede, "teamleider"),
                ("melding lezen", eerste, "teamleider"),
                ("meldingen zoeken", eerste, "teamleider"), ("meldingen zoeken", tweede, "teamleider"),
                ("open311 request", tweede, "intake"),
                ("open311 requests", eerste, "intake"), ("open311 requests", tweede, "intake"),
            ],
            audit.Select(i => (i.Doel, i.MeldingId, i.Rol)).Order().ToList());
        var perMelding = await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>($"/api/v1/privacy/inzages?melding={tweede}");
        Assert.Equal(4, perMelding!.Totaal);
    }

    [Fact]
    public async Task An_AVG_inzage_finds_every_melding_of_the_melder_by_email_or_phone_and_is_audited()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        var perEmail = await RegistreerAsync(intake, "auto op de stoep", new { naam = "Karin de Vries", email = "Karin.deVries@Example.nl" });
        var perTelefoon = await RegistreerAsync(intake, "weer die auto", new { naam = "K. de Vries", telefoon = "+31 6 1234 5678" });
        var ander = await RegistreerAsync(intake, "afval", new { naam = "Piet", email = "piet@example.nl" });
        await _api.ClientAs(gemeente, Roles.Teamleider).GetAsync($"/api/v1/meldingen/{perEmail}/melder?doel=terugbellen");

        var response = await Privacy(gemeente).PostAsJsonAsync("/api/v1/privacy/avg/inzage",
            new { email = " karin.devries@example.nl ", telefoon = "06-12345678", verzoek = "AVG-2026-017" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var inzage = await response.Content.ReadFromJsonAsync<AvgInzageUitvoer>(Json);
        Assert.Equal(new[] { perEmail, perTelefoon }.Order(), inzage!.Meldingen.Select(m => m.Id).Order());
        var metEmail = inzage.Meldingen.Single(m => m.Id == perEmail);
        Assert.Equal("Karin.deVries@Example.nl", metEmail.Melder.Email);
        Assert.Equal("auto op de stoep", metEmail.Omschrijving);
        Assert.NotEmpty(metEmail.Historie);
        Assert.Contains(metEmail.Inzages, i => i.Doel == "terugbellen" && i.Rol == "teamleider");
        var audit = await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>("/api/v1/privacy/inzages?gebruiker=tester");
        Assert.Equal(2, audit!.Inzages.Count(i => i.Handeling == "avg-inzage" && i.Doel == "AVG-2026-017" && i.Rol == "privacy"));
        Assert.DoesNotContain(audit.Inzages, i => i.MeldingId == ander && i.Handeling == "avg-inzage");
    }

    [Fact]
    public async Task AVG_erasure_anonymises_the_melder_everywhere_is_audited_and_leaves_other_melders_alone()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        var melding = await RegistreerAsync(intake, "Karin de Vries (06 1234 5678) belt: auto van buren",
            new { naam = "Karin de Vries", email = "karin@example.nl", telefoon = "06 1234 5678" });
        var ander = await RegistreerAsync(intake, "Piet meldt afval", new { naam = "Piet", email = "piet@example.nl" });

        var response = await Privacy(gemeente).PostAsJsonAsync("/api/v1/privacy/avg/wissing", new { email = "KARIN@example.nl", verzoek = "AVG-2026-018" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var wissing = await response.Content.ReadFromJsonAsync<AvgWissingUitvoer>();
        Assert.Equal([melding], wissing!.Meldingen);
        Assert.Equal(1, wissing.Geanonimiseerd);
        var teamleider = _api.ClientAs(gemeente, Roles.Teamleider);
        Assert.Equal(HttpStatusCode.NoContent, (await teamleider.GetAsync($"/api/v1/meldingen/{melding}/melder?doel=terugbellen")).StatusCode);
        var omschrijving = (await teamleider.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{melding}"))
            .GetProperty("properties").GetProperty("omschrijving").GetString();
        Assert.Equal($"{PrivacyStore.Verwijderd} ({PrivacyStore.Verwijderd}) belt: auto van buren", omschrijving);
        Assert.Equal(HttpStatusCode.OK, (await teamleider.GetAsync($"/api/v1/meldingen/{ander}/melder?doel=terugbellen")).StatusCode);
        var audit = await Privacy(gemeente).GetFromJsonAsync<InzagesUitvoer>($"/api/v1/privacy/inzages?melding={melding}");
        Assert.Contains(audit!.Inzages, i => i.Handeling == "avg-wissing" && i.Doel == "AVG-2026-018");
        // Nothing is held any more: a second request finds nothing.
        var daarna = await (await Privacy(gemeente).PostAsJsonAsync("/api/v1/privacy/avg/inzage", new { email = "karin@example.nl", verzoek = "AVG-2026-019" }))
            .Content.ReadFromJsonAsync<AvgInzageUitvoer>(Json);
        Assert.Empty(daarna!.Meldingen);
    }

    [Theory]
    [InlineData("""{"email":"karin@example.nl"}""", "verzoek")]
    [InlineData("""{"verzoek":"AVG-1"}""", "email")]
    [InlineData("""{"email":"geen-adres","telefoon":"12","verzoek":"AVG-1"}""", "email")]
    public async Task An_AVG_request_without_reference_or_melder_is_400_naming_the_field(string body, string field)
    {
        var response = await Privacy(await _api.NewGemeenteAsync()).PostAsync("/api/v1/privacy/avg/wissing",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }
}
