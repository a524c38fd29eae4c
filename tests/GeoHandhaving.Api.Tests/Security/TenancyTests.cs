using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Meldingen;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>Gemeente A holds wijken, meldingen (with a melder), BAG addresses and a hotspot run; gemeente B must see and change none of it.</summary>
[Collection(ApiCollection.Name)]
public class TenancyTests : IClassFixture<ApollobuurtMetWijken>
{
    private readonly ApiFactory _api;
    private readonly ApollobuurtMetWijken _a;

    public TenancyTests(ApiFixture fixture, ApollobuurtMetWijken a)
    {
        _api = fixture.Api;
        _a = a;
        a.LoadAsync(_api).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task Data_of_gemeente_A_is_invisible_and_unwritable_for_a_token_of_gemeente_B()
    {
        var a = _api.ClientAs(_a.Gemeente, Roles.Teamleider, Roles.GisAnalist, Roles.Intake, Roles.Admin);
        var b = _api.ClientAs(await _api.NewGemeenteAsync("Buurgemeente"), Roles.Teamleider, Roles.GisAnalist, Roles.Intake, Roles.Admin);

        var wijken = await a.GetFromJsonAsync<JsonElement>("/api/v1/wijken");
        var wijkId = wijken.GetProperty("features")[0].GetProperty("id").GetInt64();
        var registratie = await a.PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = Guid.NewGuid().ToString(), categorie = "afval", gemeldOp = "2026-11-10T08:15:00+01:00",
            lon = 4.87, lat = 52.35, omschrijving = "vuilniszakken", melder = new { naam = "A. Melder", email = "a.melder@example.nl" },
        });
        Assert.Equal(HttpStatusCode.Created, registratie.StatusCode);
        var meldingId = (await registratie.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        _api.WithDb(db =>
        {
            db.HotspotRuns.Add(new HotspotRun { GemeenteId = _a.Gemeente, Aanleiding = "tenancy-test", Parameters = "{}", GestartOp = DateTimeOffset.UtcNow });
            return db.SaveChanges();
        });

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/wijken/{wijkId}")).StatusCode);
        var patch = new StringContent("""{"properties":{"naam":"Overgenomen","reden":"test"}}""", Encoding.UTF8, "application/merge-patch+json");
        Assert.Equal(HttpStatusCode.NotFound, (await b.PatchAsync($"/api/v1/wijken/{wijkId}", patch)).StatusCode);
        Assert.Equal(0, (await b.GetFromJsonAsync<JsonElement>("/api/v1/wijken")).GetProperty("features").GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/meldingen/{meldingId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.PostAsJsonAsync($"/api/v1/meldingen/{meldingId}/status", new { status = "InBehandeling" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/meldingen/{meldingId}/melder?doel=test")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.GetAsync($"/api/v1/meldingen/{meldingId}/historie")).StatusCode);
        Assert.Equal(0, (await b.GetFromJsonAsync<JsonElement>("/api/v1/meldingen")).GetProperty("numberMatched").GetInt64());
        Assert.Single((await b.GetStringAsync("/api/v1/meldingen/export.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries));

        Assert.NotEmpty((await a.GetFromJsonAsync<JsonElement[]>("/api/v1/hotspots/runs"))!);
        Assert.Empty((await b.GetFromJsonAsync<JsonElement[]>("/api/v1/hotspots/runs"))!);
        Assert.Equal(0, (await b.GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?dag=di&uur=8")).GetProperty("features").GetArrayLength());

        var f = _a.WestAdres;
        var adres = $"{f[0]} {f[1]}, {f[4][..4]} {f[4][4..]} {f[5]}";
        Assert.Equal("matched", (await a.GetFromJsonAsync<JsonElement>($"/api/v1/geocode?q={Uri.EscapeDataString(adres)}")).GetProperty("status").GetString());
        Assert.NotEqual("matched", (await b.GetFromJsonAsync<JsonElement>($"/api/v1/geocode?q={Uri.EscapeDataString(adres)}")).GetProperty("status")
            .GetString());

        var naAanval = await a.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{meldingId}");
        Assert.NotEqual("InBehandeling", naAanval.GetProperty("properties").GetProperty("status").GetString());
        // The audit holds gemeente A's own read just now, nothing of B's attempts.
        var audit = Assert.Single(_api.WithDb(db => db.ContactInzages.Where(c => c.GemeenteId == _a.Gemeente && c.MeldingId == meldingId).ToList()));
        Assert.Equal((ContactInzage.InzienMelding, "melding lezen"), (audit.Handeling, audit.Doel));
    }
}
