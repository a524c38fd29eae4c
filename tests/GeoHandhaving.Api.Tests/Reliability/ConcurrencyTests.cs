using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Wijken;

namespace GeoHandhaving.Api.Tests.Reliability;

[Collection(ApiCollection.Name)]
public class ConcurrencyTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task Two_editors_with_the_same_if_match_get_one_success_and_one_412_and_no_lost_update()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.ClientAs(gemeente, Roles.GisAnalist);
        var id = (await WijkenTestData.CreateAsync(client, "WK01", WijkenTestData.Square(WijkenTestData.X0, WijkenTestData.Y0, 100))).GetProperty("id")
            .GetInt64();
        var etag = (await client.GetAsync($"/api/v1/wijken/{id}")).Headers.ETag!.Tag;

        Task<HttpResponseMessage> Edit(string naam)
        {
            var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/wijken/{id}")
            {
                Content = new StringContent($$$"""{"properties":{"naam":"{{{naam}}}"}}""", Encoding.UTF8, "application/merge-patch+json"),
            };
            request.Headers.Add("X-Reden", "gelijktijdig");
            request.Headers.TryAddWithoutValidation("If-Match", etag);
            return _api.ClientAs(gemeente, Roles.GisAnalist).SendAsync(request);
        }
        var responses = await Task.WhenAll(Edit("Editor A"), Edit("Editor B"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        var winner = responses[0].StatusCode == HttpStatusCode.OK ? "Editor A" : "Editor B";
        var current = await client.GetFromJsonAsync<JsonElement>($"/api/v1/wijken/{id}");
        Assert.Equal(winner, current.GetProperty("properties").GetProperty("naam").GetString());
        Assert.Equal(2, current.GetProperty("properties").GetProperty("versie").GetInt32());
    }

    [Fact]
    public async Task Two_concurrent_imports_of_overlapping_files_store_every_melding_once()
    {
        var gemeente = await _api.NewGemeenteAsync();
        string File(int from, int to) => "bron,extern_id,categorie,gemeld_op,omschrijving,lon,lat\n" + string.Concat(Enumerable.Range(from, to - from)
            .Select(i => $"KCC,ov-{i},afval,2026-11-10T08:15:00+01:00,melding {i},{4.85 + i * 0.0001:0.0000},52.35\n"));
        Task<HttpResponseMessage> Import(string csv) =>
            _api.ClientAs(gemeente, Roles.Intake).PostAsync("/api/v1/meldingen/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        var responses = await Task.WhenAll(Import(File(0, 300)), Import(File(150, 450)));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, r.StatusCode.ToString()));
        var stored = _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente).Select(m => m.ExternId).ToList());
        Assert.Equal(450, stored.Count);
        Assert.Equal(450, stored.Distinct().Count());
    }
}
