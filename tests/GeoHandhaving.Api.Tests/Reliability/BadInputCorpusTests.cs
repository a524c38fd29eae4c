using System.Net;
using System.Text;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Reliability;

[Collection(ApiCollection.Name)]
public class BadInputCorpusTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    public static TheoryData<BadInput> Corpus() => new(BadInputCorpus.All);

    [Fact]
    public void Corpus_holds_at_least_fifty_bad_inputs() => Assert.True(BadInputCorpus.All.Count >= 50, $"{BadInputCorpus.All.Count} cases");

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Bad_input_is_a_4xx_problem_naming_what_is_wrong_and_only_valid_rows_are_stored(BadInput input)
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.ClientAs(gemeente, Roles.Intake, Roles.Teamleider, Roles.GisAnalist, Roles.Admin, Roles.Privacy);
        using var response = await SendAsync(client, input);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(input.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(input.Names, System.Text.RegularExpressions.Regex.Unescape(body), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(input.Stored, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
        Assert.Equal(0, _api.WithDb(db => db.Wijken.Count(w => w.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Api_is_healthy_after_the_corpus_and_the_injected_sql_was_stored_as_text()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.ClientAs(gemeente, Roles.Intake, Roles.Teamleider);
        foreach (var input in BadInputCorpus.All.Where(i => i.Url.StartsWith("/api/v1/meldingen")))
        {
            (await SendAsync(client, input)).Dispose();
        }
        Assert.Contains("'; DROP TABLE melding;--", _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente).Select(m => m.Omschrijving).ToList()));
        HttpStatusCode health = default;
        for (var attempt = 0; attempt < 20 && health != HttpStatusCode.OK; attempt++)
        {
            health = (await _api.CreateClient().GetAsync("/health")).StatusCode;
            if (health != HttpStatusCode.OK) await Task.Delay(500);
        }
        Assert.Equal(HttpStatusCode.OK, health);
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, BadInput input)
    {
        var request = new HttpRequestMessage(new HttpMethod(input.Method), input.Url);
        if (input.Body is not null) request.Content = new StringContent(input.Body, Encoding.UTF8, input.ContentType!);
        foreach (var (name, value) in input.Headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        return client.SendAsync(request);
    }
}
