using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Privacy;

/// <summary>The pseudonymous melder key: stable per melder, keyed by the secret, never in a response, gone after an AVG wissing.</summary>
[Collection(ApiCollection.Name)]
public class MelderPseudoniemTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private static readonly MelderPseudoniem Sleutel = MelderPseudoniem.Van(ApiFactory.MelderSleutelGeheim, "Testing");

    [Fact]
    public void The_key_is_stable_over_spelling_of_one_contact_and_differs_per_melder()
    {
        var email = Sleutel.Van(new MelderGegevens("Karin", " Karin.deVries@Example.NL ", null));
        Assert.Equal(email, Sleutel.Van(new MelderGegevens("K. de Vries", "karin.devries@example.nl", "06-99999999")));
        Assert.Equal(64, email!.Length);
        Assert.DoesNotContain("karin", email);
        Assert.Equal(Sleutel.Van(new MelderGegevens(null, null, "+31 6 1234 5678")), Sleutel.Van(new MelderGegevens(null, null, "06-12345678")));
        Assert.NotEqual(email, Sleutel.Van(new MelderGegevens("Piet", "piet@example.nl", null)));
        Assert.Null(Sleutel.Van(new MelderGegevens("Alleen een naam", null, null)));
    }

    [Fact]
    public void Another_secret_gives_another_key_and_Production_needs_a_secret_of_its_own()
    {
        var melder = new MelderGegevens(null, "a@example.nl", null);
        Assert.NotEqual(Sleutel.Van(melder), MelderPseudoniem.Van("een-ander-geheim", "Testing").Van(melder));
        Assert.NotEqual(Sleutel.Van(melder), MelderPseudoniem.Van(null, "Development").Van(melder));
        Assert.Throws<InvalidOperationException>(() => MelderPseudoniem.Van(null, "Production"));
        Assert.Throws<InvalidOperationException>(() => MelderPseudoniem.Van(" ", null));
    }

    [Fact]
    public async Task Intake_stores_the_key_no_response_carries_it_and_an_AVG_wissing_clears_it()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        var aangemaakt = await intake.PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = Guid.NewGuid().ToString(), categorie = "afval", gemeldOp = "2026-11-10T08:15:00+01:00",
            lon = 4.87, lat = 52.35, omschrijving = "zakken", melder = new { naam = "Karin", email = "Karin@Example.nl" },
        });
        Assert.Equal(HttpStatusCode.Created, aangemaakt.StatusCode);
        var id = (await aangemaakt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var verwacht = Sleutel.Van(new MelderGegevens(null, "karin@example.nl", null))!;
        Assert.Equal(verwacht, _api.WithDb(db => db.MelderContacten.Single(c => c.GemeenteId == gemeente && c.MeldingId == id).Pseudoniem));

        var teamleider = _api.ClientAs(gemeente, Roles.Teamleider);
        var privacy = _api.ClientAs(gemeente, Roles.Privacy);
        foreach (var antwoord in new[]
        {
            await aangemaakt.Content.ReadAsStringAsync(),
            await teamleider.GetStringAsync($"/api/v1/meldingen/{id}"),
            await teamleider.GetStringAsync($"/api/v1/meldingen/{id}/melder?doel=terugbellen"),
            await teamleider.GetStringAsync("/api/v1/meldingen"),
            await teamleider.GetStringAsync("/api/v1/meldingen/export.csv"),
            await (await privacy.PostAsJsonAsync("/api/v1/privacy/avg/inzage", new { email = "karin@example.nl", verzoek = "AVG-1" }))
                .Content.ReadAsStringAsync(),
        })
        {
            Assert.DoesNotContain(verwacht, antwoord);
        }

        var wissing = await privacy.PostAsJsonAsync("/api/v1/privacy/avg/wissing", new { email = "karin@example.nl", verzoek = "AVG-2" });
        Assert.Equal(HttpStatusCode.OK, wissing.StatusCode);
        Assert.Null(_api.WithDb(db => db.MelderContacten.Single(c => c.GemeenteId == gemeente && c.MeldingId == id).Pseudoniem));
    }
}
