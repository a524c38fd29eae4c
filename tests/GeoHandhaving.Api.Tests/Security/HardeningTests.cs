using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public class HardeningTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    /// <summary>A second instance of the API with its own settings, without a Hangfire server.</summary>
    private WebApplicationFactory<Program> With(params (string Key, string Value)[] settings) => _api.Variant(b =>
    {
        foreach (var (key, value) in settings) b.UseSetting(key, value);
    });

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("   at ", body);
        Assert.DoesNotContain("Exception", body);
        return JsonDocument.Parse(body).RootElement;
    }

    [Fact]
    public async Task Oversized_body_is_413_problem_details()
    {
        await using var limited = With(("Limits:MaxRequestBodyBytes", "1000"), ("urls", ApiFactory.FreeUrl()));
        limited.UseKestrel();
        limited.StartServer();
        var gemeente = await _api.NewGemeenteAsync();
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.Intake));
        var csv = "bron,extern_id,categorie,gemeld_op,adres\n" + string.Concat(Enumerable.Repeat("KCC,1,afval,2026-11-10T08:15:00+01:00,Dam 1\n", 100));
        var response = await client.PostAsync("/api/v1/meldingen/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Too_many_requests_from_one_client_get_429_problem_with_retry_after()
    {
        await using var limited = With(("Limits:RequestsPerMinutePerClient", "3"));
        var gemeente = await _api.NewGemeenteAsync();
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(gemeente, Roles.Planner));
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++)
        {
            last = await client.GetAsync("/api/v1/tijdvensters");
            statuses.Add(last.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        await AssertProblemAsync(last, HttpStatusCode.TooManyRequests);
        Assert.NotNull(last.Headers.RetryAfter);

        var other = limited.CreateClient();
        other.DefaultRequestHeaders.Authorization = new("Bearer", _api.TokenFor("andere-gebruiker", gemeente, Roles.Planner));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/tijdvensters")).StatusCode);
    }

    [Fact]
    public async Task Refused_requests_count_too_so_guessing_keys_is_limited()
    {
        await using var limited = With(("Limits:RequestsPerMinutePerClient", "3"));
        var guesser = limited.CreateClient();
        guesser.DefaultRequestHeaders.Add("X-Api-Key", "geoh.GM9999.geraden");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) statuses.Add((await guesser.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg")).StatusCode);
        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized,
            HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Unexpected_exception_is_500_problem_with_trace_id_and_no_stack_trace()
    {
        await using var broken = _api.Variant(b =>
            b.ConfigureTestServices(s => s.AddScoped<CategorieTaxonomie>(_ => throw new InvalidOperationException("kapot in de test"))));
        var client = broken.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.Token(await _api.NewGemeenteAsync(), Roles.Teamleider));
        var problem = await AssertProblemAsync(await client.GetAsync("/api/v1/categorieen"), HttpStatusCode.InternalServerError);
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("kapot", problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/wijken/at?lon=-71.06&lat=42.36", "lon/lat")]
    [InlineData("/api/v1/reverse?lon=13.4&lat=52.5", "lon/lat")]
    [InlineData("/api/v1/meldingen?bbox=-80,30,-70,40", "bbox")]
    public async Task Coordinates_outside_the_Netherlands_are_refused_naming_the_field(string url, string field)
    {
        var client = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Teamleider);
        var problem = await AssertProblemAsync(await client.GetAsync(url), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Responses_carry_security_headers()
    {
        var response = await _api.CreateClient().GetAsync("/health");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }
}
