using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace GeoHandhaving.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public class PrivacyTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private async Task<long> RegistreerAsync(HttpClient intake, string omschrijving, string? email = null)
    {
        var response = await intake.PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = Guid.NewGuid().ToString(), categorie = "afval", gemeldOp = "2026-11-10T08:15:00+01:00",
            lon = 4.87, lat = 52.35, omschrijving, melder = email is null ? null : new { naam = "P. Rivacy", email },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Contact_details_are_encrypted_in_the_raw_column()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var id = await RegistreerAsync(_api.ClientAs(gemeente, Roles.Intake), "geluidsoverlast", "geheim.adres@example.nl");
        var raw = _api.WithDb(db => db.Database
            .SqlQuery<string>($"SELECT versleuteld AS \"Value\" FROM melder_contact WHERE gemeente_id = {gemeente} AND melding_id = {id}")
            .Single());
        Assert.DoesNotContain("geheim.adres", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("P. Rivacy", raw);
    }

    [Fact]
    public async Task Csv_export_neutralises_formulas_and_leaves_out_contact_details()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await RegistreerAsync(_api.ClientAs(gemeente, Roles.Intake), "=HYPERLINK(\"http://evil.example\",\"klik\")", "export.melder@example.nl");
        await RegistreerAsync(_api.ClientAs(gemeente, Roles.Intake), "@SUM(1+1)");

        var response = await _api.ClientAs(gemeente, Roles.Teamleider).GetAsync("/api/v1/meldingen/export.csv?categorie=afval");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klik\"\")\""));
        Assert.Contains(lines, l => l.Contains(",'@SUM(1+1),"));
        Assert.DoesNotContain(lines, l => l.Contains("export.melder", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines.Skip(1), l => l.Split(',').Any(cell => cell.Length > 0 && cell[0] is '=' or '+' or '@'));
    }

    [Fact]
    public async Task Retention_anonymises_contact_after_the_contact_period_and_deletes_closed_meldingen_after_their_bewaartermijn()
    {
        // Dates in the 1990s so that no other test's meldingen fall within the retention this fake clock applies.
        var nu = new DateTimeOffset(1997, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var clock = new FakeTimeProvider(nu);
        var gemeente = await _api.NewGemeenteAsync();
        var bescherming = _api.Services.GetRequiredService<MelderContactBescherming>();
        long Voeg(string naam, MeldingStatus status, DateTimeOffset gemeldOp, DateTimeOffset? afgehandeldOp, string categorie = "afval") => _api.WithDb(db =>
        {
            var melding = new Melding
            {
                GemeenteId = gemeente, Bron = "test", ExternId = naam, Categorie = categorie, GeocodeStatus = "punt",
                Status = status, GemeldOp = gemeldOp, AfgehandeldOp = afgehandeldOp, AangemaaktOp = gemeldOp,
            };
            db.Meldingen.Add(melding);
            db.SaveChanges();
            db.MelderContacten.Add(new MelderContact
            {
                GemeenteId = gemeente, MeldingId = melding.Id, Versleuteld = bescherming.Versleutel(new MelderGegevens(naam, naam + "@example.nl", null)),
            });
            db.MeldingGebeurtenissen.Add(new MeldingGebeurtenis { GemeenteId = gemeente, MeldingId = melding.Id, Status = status, Op = gemeldOp, Door = "test" });
            db.SaveChanges();
            return melding.Id;
        });
        var langGeledenAfgehandeld = Voeg("contact-verlopen", MeldingStatus.Afgehandeld, nu.AddDays(-410), nu.AddDays(-400));
        var recentAfgehandeld = Voeg("contact-bewaard", MeldingStatus.Afgehandeld, nu.AddDays(-310), nu.AddDays(-300));
        var nogOpen = Voeg("open", MeldingStatus.InBehandeling, nu.AddYears(-6), null);
        var verlopen = Voeg("bewaartermijn-verlopen", MeldingStatus.Afgehandeld, nu.AddYears(-6), nu.AddYears(-6).AddDays(10));
        var langeTermijn = Voeg("drugs", MeldingStatus.Afgehandeld, nu.AddYears(-6), nu.AddYears(-6).AddDays(10), "drugsoverlast");

        var retentie = new MeldingenRetentie(_api.Services.GetRequiredService<NpgsqlDataSource>(), Options.Create(new RetentieOptions
        {
            ContactNaAfhandelingDagen = 365, MeldingBewaartermijnJaren = 5,
            MeldingBewaartermijnJarenPerCategorie = new() { ["drugsoverlast"] = 10 },
        }), clock, NullLogger<MeldingenRetentie>.Instance);

        var eerste = await retentie.RunAsync(CancellationToken.None);

        // The contact of the melding past its bewaartermijn is anonymised too, just before the melding goes.
        Assert.Equal(new RetentieResultaat(ContactenGeanonimiseerd: 3, MeldingenVerwijderd: 1), eerste);
        MelderContact Contact(long id) => _api.WithDb(db => db.MelderContacten.AsNoTracking().Single(c => c.GemeenteId == gemeente && c.MeldingId == id));
        Assert.Null(Contact(langGeledenAfgehandeld).Versleuteld);
        Assert.Equal(nu, Contact(langGeledenAfgehandeld).GeanonimiseerdOp);
        Assert.NotNull(Contact(recentAfgehandeld).Versleuteld);
        Assert.NotNull(Contact(nogOpen).Versleuteld);
        Assert.Null(Contact(langeTermijn).Versleuteld);
        var over = _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente).Select(m => m.Id).ToList());
        Assert.Equal(new[] { langGeledenAfgehandeld, recentAfgehandeld, nogOpen, langeTermijn }.Order(), over.Order());
        Assert.Equal(0, _api.WithDb(db => db.MeldingGebeurtenissen.Count(g => g.GemeenteId == gemeente && g.MeldingId == verlopen)));

        Assert.Equal(new RetentieResultaat(0, 0), await retentie.RunAsync(CancellationToken.None));

        clock.Advance(TimeSpan.FromDays(100));
        Assert.Equal(new RetentieResultaat(1, 0), await retentie.RunAsync(CancellationToken.None));
        Assert.Null(Contact(recentAfgehandeld).Versleuteld);
    }

    [Fact]
    public void Retention_job_is_registered_as_recurring()
    {
        using var connection = _api.Services.GetRequiredService<Hangfire.JobStorage>().GetConnection();
        var jobs = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
        Assert.Contains(jobs, j => j.Id == MeldingenRetentie.NightlyJobId);
    }
}
