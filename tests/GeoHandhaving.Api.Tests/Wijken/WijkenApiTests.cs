using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using static GeoHandhaving.Api.Tests.Wijken.WijkenTestData;

namespace GeoHandhaving.Api.Tests.Wijken;

[Collection(ApiCollection.Name)]
public class WijkenApiTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Created_wijk_is_returned_in_wgs84_by_default_and_in_rd_on_request()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var created = await CreateAsync(client, "WK01", Square(X0, Y0, 500));
        var id = created.GetProperty("id").GetInt64();

        var wgs84 = await client.GetAsync($"/api/v1/wijken/{id}");
        var wgsBody = await wgs84.Content.ReadFromJsonAsync<JsonElement>();
        var lon = FirstCoordinate(wgsBody)[0];
        Assert.InRange(lon, 4.8, 5.0);
        Assert.Equal("<http://www.opengis.net/def/crs/OGC/1.3/CRS84>", wgs84.Headers.GetValues("Content-Crs").Single());

        var rd = await client.GetAsync($"/api/v1/wijken/{id}?crs={RdCrs}");
        var rdBody = await rd.Content.ReadFromJsonAsync<JsonElement>();
        Assert.InRange(FirstCoordinate(rdBody)[0], X0 - 1, X0 + 501);
        Assert.Equal($"<{RdCrs}>", rd.Headers.GetValues("Content-Crs").Single());
        Assert.NotEqual(wgs84.Headers.ETag, rd.Headers.ETag);
        Assert.Equal("Wijk WK01", rdBody.GetProperty("properties").GetProperty("naam").GetString());
    }

    [Fact]
    public async Task Unsupported_crs_is_refused_with_400()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.Analist(gemeente).GetAsync("/api/v1/wijken?crs=EPSG:3857");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("crs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Self_intersecting_bow_tie_is_refused_with_422_naming_the_coordinate()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var bowTie = BowTie(X0, Y0, 100);
        var response = await _api.Analist(gemeente).PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("BOW", "Strik", bowTie));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Self-intersection", problem.GetProperty("detail").GetString());
        var coordinate = problem.GetProperty("coordinate");
        Assert.Equal(X0 + 50, coordinate[0].GetDouble(), 3);
        Assert.Equal(Y0 + 50, coordinate[1].GetDouble(), 3);
    }

    [Fact]
    public async Task Coordinates_outside_rd_new_are_refused_with_422()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.Analist(gemeente).PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("FAR", "Ver weg", Square(900_000, Y0, 100)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(900_000, problem.GetProperty("coordinate")[0].GetDouble());
    }

    [Fact]
    public async Task Overlap_with_another_wijk_is_refused_with_409_naming_it_and_the_area()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "WK01", Square(X0, Y0, 100));
        var response = await client.PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("WK02", "Buur", Square(X0 + 90, Y0, 100)));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("WK01", problem.GetProperty("wijkCode").GetString());
        Assert.Equal(1000, problem.GetProperty("overlapM2").GetDouble(), 1);
        Assert.Equal("Polygon", problem.GetProperty("overlap").GetProperty("type").GetString());
    }

    [Fact]
    public async Task Adjacent_wijken_sharing_an_edge_do_not_conflict()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "WK01", Square(X0, Y0, 100));
        await CreateAsync(client, "WK02", Square(X0 + 100, Y0, 100));
    }

    [Fact]
    public async Task Write_without_reden_is_refused_with_400()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.Analist(gemeente).PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("WK01", "A", Square(X0, Y0, 100), reden: null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Stale_if_match_is_refused_with_412_and_nothing_changes()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var first = await client.GetAsync($"/api/v1/wijken/{id}");
        var etag = first.Headers.ETag!.Tag;
        Assert.True((await Patch(client, id, """{"properties":{"naam":"Eerste"}}""", etag)).IsSuccessStatusCode);

        var stale = await Patch(client, id, """{"properties":{"naam":"Tweede"}}""", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}");
        Assert.Equal("Eerste", current.GetProperty("properties").GetProperty("naam").GetString());
        Assert.Equal(2, current.GetProperty("properties").GetProperty("versie").GetInt32());
    }

    [Fact]
    public async Task Patch_with_current_if_match_of_either_crs_is_accepted()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var rdEtag = (await client.GetAsync($"/api/v1/wijken/{id}?crs={RdCrs}")).Headers.ETag!.Tag;
        var response = await Patch(client, id, """{"properties":{"naam":"Nieuw"}}""", rdEtag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Wijk_of_another_gemeente_is_404()
    {
        var eigen = await _api.NewGemeenteAsync();
        var andere = await _api.NewGemeenteAsync();
        var id = (await CreateAsync(_api.Analist(andere), "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var client = _api.Analist(eigen);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/wijken/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Patch(client, id, """{"properties":{"naam":"Overname"}}""")).StatusCode);
    }

    [Fact]
    public async Task Boa_role_may_read_but_not_write_wijken()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var boa = _api.ClientAs(gemeente, Roles.Boa);
        Assert.Equal(HttpStatusCode.OK, (await boa.GetAsync("/api/v1/wijken")).StatusCode);
        var write = await boa.PostAsJsonAsync($"/api/v1/wijken?crs={RdCrs}", Feature("WK01", "A", Square(X0, Y0, 100)));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task Every_change_lands_in_the_history_and_an_earlier_version_can_be_restored()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        using (var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/wijken/{id}?crs={RdCrs}")
        { Content = JsonContent.Create(Feature("WK01", "Groter", Square(X0, Y0, 200), reden: null)) })
        {
            request.Headers.Add("X-Reden", "uitbreiding");
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
        }

        var restore = await client.PostAsync($"/api/v1/wijken/{id}/versies/1/herstel?crs={RdCrs}", null);
        var restored = await restore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        Assert.Equal("Wijk WK01", restored.GetProperty("properties").GetProperty("naam").GetString());
        Assert.Equal(3, restored.GetProperty("properties").GetProperty("versie").GetInt32());

        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}/versies");
        var versies = history.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(["Aangemaakt", "Gewijzigd", "Hersteld"], versies.Select(v => v.GetProperty("wijziging").GetString()));
        Assert.Equal("uitbreiding", versies[1].GetProperty("reden").GetString());
        Assert.Equal("tester", versies[1].GetProperty("door").GetString());
        Assert.Equal(JsonValueKind.Null, versies[2].GetProperty("geldigTot").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, versies[0].GetProperty("geldigTot").ValueKind);
    }

    [Fact]
    public async Task As_of_query_returns_the_wijkindeling_as_it_was_then()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        await Task.Delay(50);
        var between = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        Assert.True((await Patch(client, id, """{"properties":{"naam":"Later"}}""")).IsSuccessStatusCode);
        await CreateAsync(client, "WK02", Square(X0 + 100, Y0, 100));

        var then = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken?datum={Uri.EscapeDataString(between.ToString("O"))}");
        var feature = Assert.Single(then.GetProperty("features").EnumerateArray());
        Assert.Equal("Wijk WK01", feature.GetProperty("properties").GetProperty("naam").GetString());
        var now = await client.GetFromJsonAsync<JsonElement>("/api/v1/wijken");
        Assert.Equal(2, now.GetProperty("features").GetArrayLength());
        var before = await client.GetFromJsonAsync<JsonElement>("/api/v1/wijken?datum=2020-01-01");
        Assert.Equal(0, before.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task Deleted_wijk_is_gone_but_kept_in_its_history()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/wijken/{id}")).StatusCode);
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}/versies");
        Assert.Equal("Verwijderd", history.GetProperty("features")[1].GetProperty("properties").GetProperty("wijziging").GetString());
    }

    [Fact]
    public async Task A_deleted_wijk_is_restored_under_its_own_id_with_one_unbroken_history()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var id = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, id)).StatusCode);

        var restore = await client.PostAsync($"/api/v1/wijken/{id}/versies/1/herstel", null);
        Assert.Equal(HttpStatusCode.OK, restore.StatusCode);
        var restored = await restore.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(id, restored.GetProperty("id").GetInt64());
        Assert.Equal(3, restored.GetProperty("properties").GetProperty("versie").GetInt32());
        Assert.NotNull(restore.Headers.ETag);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/wijken/{id}")).StatusCode);
        Assert.Equal("WK01", (await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/at?x={X0 + 50}&y={Y0 + 50}")).GetProperty("properties")
            .GetProperty("code").GetString());
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}/versies");
        Assert.Equal(["Aangemaakt", "Verwijderd", "Hersteld"],
            history.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("wijziging").GetString()));
        // Still an ordinary wijk: the next change is version 4.
        Assert.Equal(4, (await (await Patch(client, id, """{"properties":{"naam":"Terug"}}""")).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("properties").GetProperty("versie").GetInt32());
    }

    [Fact]
    public async Task A_deleted_wijk_whose_code_or_area_was_taken_since_is_not_restored()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        var eerste = (await CreateAsync(client, "WK01", Square(X0, Y0, 100))).GetProperty("id").GetInt64();
        var tweede = (await CreateAsync(client, "WK02", Square(X0 + 500, Y0, 100))).GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, eerste)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await DeleteAsync(client, tweede)).StatusCode);
        await CreateAsync(client, "WK01", Square(X0 + 1000, Y0, 100));
        await CreateAsync(client, "WK03", Square(X0 + 450, Y0, 100));

        var codeTaken = await client.PostAsync($"/api/v1/wijken/{eerste}/versies/1/herstel", null);
        Assert.Equal(HttpStatusCode.Conflict, codeTaken.StatusCode);
        Assert.Contains("duplicate-code", await codeTaken.Content.ReadAsStringAsync());
        var areaTaken = await client.PostAsync($"/api/v1/wijken/{tweede}/versies/1/herstel", null);
        Assert.Equal(HttpStatusCode.Conflict, areaTaken.StatusCode);
        Assert.Equal("WK03", (await areaTaken.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("wijkCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/v1/wijken/{tweede}/versies/2/herstel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/wijken/{tweede}")).StatusCode);
    }

    [Fact]
    public async Task At_answers_the_wijk_and_its_boas_for_wgs84_and_rd_points()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "WK01", Square(X0, Y0, 1000));
        var boa = await CreateBoaAsync(client, "B1");
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/wijken/WK01/boas", new { boaIds = new[] { boa } })).StatusCode);

        var byRd = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/at?x={X0 + 500}&y={Y0 + 500}");
        Assert.Equal("WK01", byRd.GetProperty("properties").GetProperty("code").GetString());
        Assert.Equal("B1", byRd.GetProperty("properties").GetProperty("boas")[0].GetProperty("code").GetString());

        var (lon, lat) = Core.Geometry.RdNew.ToWgs84(X0 + 500, Y0 + 500);
        var byLonLat = await client.GetAsync(FormattableString.Invariant($"/api/v1/wijken/at?lon={lon}&lat={lat}"));
        Assert.Equal(HttpStatusCode.OK, byLonLat.StatusCode);

        var outside = await client.GetAsync($"/api/v1/wijken/at?x={X0 - 500}&y={Y0 - 500}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task Assigning_an_unknown_boa_is_refused()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.Analist(gemeente);
        await CreateAsync(client, "WK01", Square(X0, Y0, 100));
        var response = await client.PutAsJsonAsync("/api/v1/wijken/WK01/boas", new { boaIds = new[] { 987654321L } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> DeleteAsync(HttpClient client, long id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/wijken/{id}");
        request.Headers.Add("X-Reden", "per abuis opgeheven");
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> Patch(HttpClient client, long id, string json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/wijken/{id}")
        {
            Content = new StringContent(json, System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        request.Headers.Add("X-Reden", "test");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static double[] FirstCoordinate(JsonElement feature)
    {
        var point = feature.GetProperty("geometry").GetProperty("coordinates")[0][0][0];
        return [point[0].GetDouble(), point[1].GetDouble()];
    }
}
