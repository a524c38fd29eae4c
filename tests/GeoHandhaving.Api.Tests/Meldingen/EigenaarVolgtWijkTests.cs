using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Meldingen;

/// <summary>
/// Owners follow the wijk: every change of the active wijkindeling's geometry or of a wijk's boa's moves the open
/// meldingen it affects at once, with a history line saying why; a closed melding keeps the owner who handled it.
/// </summary>
[Collection(ApiCollection.Name)]
public class EigenaarVolgtWijkTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    /// <summary>Active wijken A (west) and B (east), 100 × 100 m, in a grens of exactly their union; boa BA owns A, BB owns B.</summary>
    private async Task<(string Gemeente, HttpClient Client, long BoaA, long BoaB)> AAndBAsync()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "A", Square(X0, Y0, 100));
        await CreateAsync(client, "B", Square(X0 + 100, Y0, 100));
        var boaA = await CreateBoaAsync(client, "BA");
        var boaB = await CreateBoaAsync(client, "BB");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/wijken/A/boas", new { boaIds = new[] { boaA } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/wijken/B/boas", new { boaIds = new[] { boaB } })).StatusCode);
        await SetGrensAsync(_api, gemeente, Ring((X0, Y0), (X0 + 200, Y0), (X0 + 200, Y0 + 100), (X0, Y0 + 100), (X0, Y0)));
        return (gemeente, client, boaA, boaB);
    }

    /// <summary>A melding as the intake stores it, assigned to its wijk and owner as intake does.</summary>
    private async Task<long> MeldingAsync(string gemeente, double x, double y, MeldingStatus status = MeldingStatus.Nieuw)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhaving.Api.Data.GeoHandhavingDbContext>();
        var melding = new Melding
        {
            GemeenteId = gemeente, Bron = "test", ExternId = Guid.NewGuid().ToString("N"), Categorie = "afval", GeocodeStatus = "ok",
            Locatie = RdNew.RdFactory.CreatePoint(new Coordinate(x, y)), Status = MeldingStatus.Nieuw, GemeldOp = DateTimeOffset.UtcNow,
            AangemaaktOp = DateTimeOffset.UtcNow,
        };
        db.Meldingen.Add(melding);
        await db.SaveChangesAsync();
        var conn = (Npgsql.NpgsqlConnection)db.Database.GetDbConnection();
        await WijkToewijzing.WijsToeAsync(conn, null, gemeente, [melding.Id], DateTimeOffset.UtcNow, CancellationToken.None);
        if (status != MeldingStatus.Nieuw)
        {
            await db.Meldingen.Where(m => m.GemeenteId == gemeente && m.Id == melding.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status));
        }
        return melding.Id;
    }

    private (string? Wijk, long? Boa, string? Reden) Owner(string gemeente, long id) => _api.WithDb(db => db.Meldingen.AsNoTracking()
        .Where(m => m.GemeenteId == gemeente && m.Id == id).Select(m => new { m.WijkCode, m.EigenaarBoaId, m.EigenaarReden })
        .AsEnumerable().Select(m => (m.WijkCode, m.EigenaarBoaId, m.EigenaarReden)).Single());

    private string?[] History(string gemeente, long id) => _api.WithDb(db => db.MeldingGebeurtenissen.AsNoTracking()
        .Where(g => g.GemeenteId == gemeente && g.MeldingId == id).OrderBy(g => g.Id).Select(g => g.Toelichting).ToArray());

    private static StringContent RdGeometry(JsonArray rings)
    {
        var content = new StringContent(new JsonObject { ["geometry"] = new JsonObject { ["type"] = "Polygon", ["coordinates"] = rings } }.ToJsonString(),
            Encoding.UTF8, "application/merge-patch+json");
        content.Headers.Add("Content-Crs", $"<{RdCrs}>");
        return content;
    }

    [Fact]
    public async Task A_melding_follows_a_moved_boundary_after_activation_and_a_new_primary_boa_while_a_closed_one_keeps_its_owner()
    {
        var (gemeente, client, boaA, boaB) = await AAndBAsync();
        var open = await MeldingAsync(gemeente, X0 + 80, Y0 + 50);
        var gesloten = await MeldingAsync(gemeente, X0 + 85, Y0 + 50, MeldingStatus.Afgehandeld);
        Assert.Equal(("A", (long?)boaA), (Owner(gemeente, open).Wijk, Owner(gemeente, open).Boa));

        // The A|B boundary moves 30 m west in a draft: two feature edits, as QGIS sends them.
        var draft = await (await client.PostAsync("/api/v1/wijkindelingen", null)).Content.ReadFromJsonAsync<JsonElement>();
        var (conceptId, collectie) = (draft.GetProperty("id").GetInt64(), draft.GetProperty("ogcCollectie").GetString()!);
        var ids = _api.WithDb(db => db.Wijken.Where(w => w.GemeenteId == gemeente && w.WijkindelingId == conceptId).ToDictionary(w => w.Code, w => w.Id));
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"{collectie}/items/{ids["A"]}",
            RdGeometry(Ring((X0, Y0), (X0 + 70, Y0), (X0 + 70, Y0 + 100), (X0, Y0 + 100), (X0, Y0))))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"{collectie}/items/{ids["B"]}",
            RdGeometry(Ring((X0 + 70, Y0), (X0 + 200, Y0), (X0 + 200, Y0 + 100), (X0 + 70, Y0 + 100), (X0 + 70, Y0))))).StatusCode);
        Assert.Equal(("A", (long?)boaA), (Owner(gemeente, open).Wijk, Owner(gemeente, open).Boa));

        var activated = await client.PostAsync($"/api/v1/wijkindelingen/{conceptId}/activeer", null);
        Assert.True(activated.IsSuccessStatusCode, await activated.Content.ReadAsStringAsync());
        Assert.Equal(("B", (long?)boaB), (Owner(gemeente, open).Wijk, Owner(gemeente, open).Boa));
        Assert.Equal($"{Toewijzing.WijkindelingGeactiveerd}: wijk B, eigenaar Boa BB", History(gemeente, open)[^1]);
        Assert.Equal(("A", (long?)boaA), (Owner(gemeente, gesloten).Wijk, Owner(gemeente, gesloten).Boa));

        var boaC = await CreateBoaAsync(client, "BC");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/wijken/B/boas", new { boaIds = new[] { boaC, boaB } })).StatusCode);
        Assert.Equal(("B", (long?)boaC), (Owner(gemeente, open).Wijk, Owner(gemeente, open).Boa));
        Assert.Equal($"{Toewijzing.WijkboaGewijzigd}: wijk B, eigenaar Boa BC", History(gemeente, open)[^1]);
        Assert.Equal(("A", (long?)boaA), (Owner(gemeente, gesloten).Wijk, Owner(gemeente, gesloten).Boa));
    }

    [Fact]
    public async Task A_drafts_boas_never_touch_the_active_wijk_and_win_at_activation_over_the_carried_over_ones()
    {
        var (gemeente, client, boaA, boaB) = await AAndBAsync();
        var inB = await MeldingAsync(gemeente, X0 + 150, Y0 + 50);
        var draft = (await (await client.PostAsync("/api/v1/wijkindelingen", null)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var boaC = await CreateBoaAsync(client, "BC");

        var toegewezen = await client.PutAsJsonAsync($"/api/v1/wijken/B/boas?wijkindeling={draft}", new { boaIds = new[] { boaC } });
        Assert.Equal(HttpStatusCode.OK, toegewezen.StatusCode);

        var actief = await client.GetFromJsonAsync<JsonElement>("/ogc/collections/wijken/items");
        Assert.Equal("Boa BB (primair)", actief.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("code").GetString() == "B").GetProperty("properties").GetProperty("boas").GetString());
        Assert.Equal((long?)boaB, Owner(gemeente, inB).Boa);
        var concept = await client.GetFromJsonAsync<JsonElement>($"/ogc/collections/concept-{draft}/items");
        Assert.Equal(["Boa BA (primair)", "Boa BC (primair)"], concept.GetProperty("features").EnumerateArray()
            .Select(f => f.GetProperty("properties").GetProperty("boas").GetString()));

        Assert.True((await client.PostAsync($"/api/v1/wijkindelingen/{draft}/activeer", null)).IsSuccessStatusCode);
        Assert.Equal((long?)boaC, Owner(gemeente, inB).Boa);
        Assert.Equal([("A", boaA), ("B", boaC)], _api.WithDb(db => db.WijkBoas.AsNoTracking()
            .Where(wb => wb.GemeenteId == gemeente && wb.WijkindelingId == draft).OrderBy(wb => wb.WijkCode).ToList())
            .Select(wb => (wb.WijkCode, wb.BoaId)));
    }

    [Fact]
    public async Task An_outer_boundary_edit_and_a_restore_in_the_active_wijkindeling_move_the_open_meldingen_at_once()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var a = (await CreateAsync(client, "A", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var boaA = await CreateBoaAsync(client, "BA");
        await client.PutAsJsonAsync("/api/v1/wijken/A/boas", new { boaIds = new[] { boaA } });
        var buiten = await MeldingAsync(gemeente, X0 - 20, Y0 + 50);
        Assert.Equal(Toewijzing.BuitenAlleWijken, Owner(gemeente, buiten).Reden);

        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsync($"/ogc/collections/wijken/items/{a}",
            RdGeometry(Ring((X0 - 50, Y0), (X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0 - 50, Y0 + 100), (X0 - 50, Y0))))).StatusCode);
        Assert.Equal(("A", (long?)boaA, (string?)null), Owner(gemeente, buiten));
        Assert.Equal($"{Toewijzing.WijkgrensAangepast}: wijk A, eigenaar Boa BA", History(gemeente, buiten)[^1]);

        var restore = await client.PostAsync($"/api/v1/wijken/{a}/versies/1/herstel", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal(((string?)null, (long?)null, Toewijzing.BuitenAlleWijken), Owner(gemeente, buiten));
        Assert.Equal($"{Toewijzing.WijkgrensAangepast}: geen wijk, eigenaar geen ({Toewijzing.BuitenAlleWijken})", History(gemeente, buiten)[^1]);
    }
}
