using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Heatmap;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Reliability;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>
/// The API as a gemeente runs it: people sign in at a real OpenID Provider (oidc-provider on loopback), machines send
/// the provider's access tokens. Two API instances on Kestrel: one with hour-long access tokens, one with six-second ones.
/// </summary>
public sealed class OidcOmgeving : IAsyncLifetime
{
    public const string Secret = "geohandhaving-testgeheim";
    public const int KortSeconden = 6;
    private readonly SemaphoreSlim _once = new(1, 1);
    private readonly List<IAsyncDisposable> _opruimen = [];

    public string GemeenteA { get; private set; } = "";
    public string GemeenteB { get; private set; } = "";
    public OidcTestProvider Provider { get; private set; } = null!;
    public string ApiBase { get; private set; } = "";
    public string KortApiBase { get; private set; } = "";

    public async Task StartAsync(ApiFactory api)
    {
        await _once.WaitAsync();
        try
        {
            if (Provider is not null) return;
            GemeenteA = await api.NewGemeenteAsync("Gemeente A");
            GemeenteB = await api.NewGemeenteAsync("Gemeente B");
            var (poort, kortePoort) = (ApiFactory.FreePort(), ApiFactory.FreePort());
            (ApiBase, KortApiBase) = ($"http://127.0.0.1:{poort}", $"http://127.0.0.1:{kortePoort}");
            var users = new Dictionary<string, OidcGebruiker>
            {
                ["planner"] = new(DemoGemeenteFixture.Gemeente, Roles.Planner),
                ["teamleider-a"] = new(GemeenteA, Roles.Teamleider),
                ["boa-a"] = new(GemeenteA, Roles.Boa),
                ["admin-a"] = new(GemeenteA, Roles.Admin),
                ["admin-b"] = new(GemeenteB, Roles.Admin),
                ["beheerder"] = new(GemeenteA, Roles.Platformbeheerder),
                ["zonder-gemeente"] = new("", Roles.Planner),
            };
            Provider = await OidcTestProvider.StartAsync(users, GemeenteA,
                ("geohandhaving", Secret, 3600, ApiBase), ("geohandhaving-kort", Secret, KortSeconden, KortApiBase));
            _opruimen.Add(Provider);
            Start(api, poort, "geohandhaving");
            Start(api, kortePoort, "geohandhaving-kort");
        }
        finally
        {
            _once.Release();
        }
    }

    private void Start(ApiFactory api, int poort, string clientId)
    {
        var kestrel = api.Variant(b =>
        {
            b.UseSetting("Auth:Authority", Provider.Issuer);
            b.UseSetting("Auth:Issuer", Provider.Issuer);
            b.UseSetting("Auth:Audience", OidcTestProvider.Resource);
            b.UseSetting("Auth:ClientId", clientId);
            b.UseSetting("Auth:ClientSecret", Secret);
            b.UseSetting("Auth:Scopes", "openid profile offline_access api");
            b.UseSetting("Auth:SleutelVerversing", "00:00:01");
            b.UseSetting("Kaart:BasemapUrl", "");
            b.UseSetting("urls", $"http://127.0.0.1:{poort}");
        });
        kestrel.UseKestrel();
        kestrel.StartServer();
        _opruimen.Add(kestrel);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var item in _opruimen) await item.DisposeAsync();
    }
}

[Collection(ApiCollection.Name)]
public class OidcAanmeldenTests : IClassFixture<OidcOmgeving>, IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api;
    private readonly OidcOmgeving _oidc;

    public OidcAanmeldenTests(ApiFixture fixture, OidcOmgeving oidc, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        _oidc = oidc;
        demo.LoadAsync().GetAwaiter().GetResult();
        oidc.StartAsync(_api).GetAwaiter().GetResult();
    }

    private async Task<JsonElement> SessieAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/sessie");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_planner_signs_in_with_Chromium_at_the_provider_and_sees_the_heatmap()
    {
        var report = await KaartBrowserTests.RunBrowserAsync(_oidc.ApiBase, new { oidc = new { login = "planner" } }, "kaart-oidc.png", kort: true);

        Assert.StartsWith(_oidc.Provider.Issuer, report.GetProperty("aanmeldPagina").GetString());
        Assert.Contains("planner", report.GetProperty("gebruiker").GetString());
        var heatmap = report.GetProperty("tileRequests").EnumerateArray().Where(t => t.GetProperty("url").GetString()!.Contains("/heatmap/")).ToList();
        Assert.Contains(heatmap, t => t.GetProperty("status").GetInt32() == 200);
    }

    [Fact]
    public async Task Gemeente_and_roles_come_from_the_id_token_and_the_cookie_carries_only_a_session_key()
    {
        var browser = new BrowserAanmelding(_oidc.ApiBase);
        var response = await browser.MeldAanAsync("teamleider-a");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessie = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("teamleider-a", _oidc.GemeenteA, "oidc"),
            (sessie.GetProperty("gebruiker").GetString(), sessie.GetProperty("gemeente").GetString(), sessie.GetProperty("aanmelding").GetString()));
        Assert.Equal([Roles.Teamleider], sessie.GetProperty("rollen").EnumerateArray().Select(r => r.GetString()));
        var cookie = browser.Cookies.GetCookies(new Uri(_oidc.ApiBase))[BrowserSessieServices.CookieNaam]!;
        Assert.True(cookie.HttpOnly);
        // A protected session key (~300 characters); a cookie holding the ID, access and refresh tokens would be kilobytes.
        Assert.True(cookie.Value.Length < 600, cookie.Value);
        // The printable briefing is a page the teamleider opens in the browser, with the same session.
        var briefing = await browser.Client.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal(HttpStatusCode.OK, briefing.StatusCode);
        Assert.Equal("text/html", briefing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_browser_without_a_session_is_sent_to_sign_in_and_a_fetch_gets_401()
    {
        var browser = new BrowserAanmelding(_oidc.ApiBase);
        var pagina = await browser.Client.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html");
        Assert.Equal(HttpStatusCode.Redirect, pagina.StatusCode);
        Assert.StartsWith("/aanmelden?terug=", pagina.Headers.Location!.PathAndQuery);
        using var fetch = new HttpClient { BaseAddress = new Uri(_oidc.ApiBase) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await fetch.GetAsync("/api/v1/tijdvensters")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_without_a_gemeente_claim_is_refused()
    {
        var response = await new BrowserAanmelding(_oidc.ApiBase).MeldAanAsync("zonder-gemeente");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("gemeente", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_platformbeheerder_opens_Hangfire_a_boa_and_the_admins_of_two_gemeenten_are_refused()
    {
        async Task<HttpStatusCode> Hangfire(string login)
        {
            var browser = new BrowserAanmelding(_oidc.ApiBase);
            return (await browser.MeldAanAsync(login, "/hangfire")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.Forbidden, await Hangfire("boa-a"));
        Assert.Equal(HttpStatusCode.Forbidden, await Hangfire("admin-a"));
        Assert.Equal(HttpStatusCode.Forbidden, await Hangfire("admin-b"));
        Assert.Equal(HttpStatusCode.OK, await Hangfire("beheerder"));
    }

    [Fact]
    public async Task An_expired_access_token_is_refreshed_with_the_refresh_token_and_the_session_goes_on()
    {
        var browser = new BrowserAanmelding(_oidc.KortApiBase);
        Assert.Equal(HttpStatusCode.OK, (await browser.MeldAanAsync("teamleider-a")).StatusCode);
        var eerste = (await SessieAsync(browser.Client)).GetProperty("tokenVerlooptOp").GetDateTimeOffset();
        Assert.True(eerste - DateTimeOffset.UtcNow < TimeSpan.FromSeconds(OidcOmgeving.KortSeconden + 1));

        await Task.Delay((eerste - DateTimeOffset.UtcNow) + TimeSpan.FromMilliseconds(500));
        var na = await SessieAsync(browser.Client);

        Assert.True(na.GetProperty("tokenVerlooptOp").GetDateTimeOffset() > eerste.AddSeconds(1), na.ToString());
        Assert.Equal(_oidc.GemeenteA, na.GetProperty("gemeente").GetString());
    }

    [Fact]
    public async Task Sign_out_ends_the_session_on_the_server_so_the_old_cookie_is_worthless()
    {
        var browser = new BrowserAanmelding(_oidc.ApiBase);
        Assert.Equal(HttpStatusCode.OK, (await browser.MeldAanAsync("teamleider-a")).StatusCode);
        var cookie = browser.Cookies.GetCookies(new Uri(_oidc.ApiBase))[BrowserSessieServices.CookieNaam]!.Value;

        var afmelden = await browser.Client.PostAsync("/afmelden", null);
        Assert.Equal(HttpStatusCode.Redirect, afmelden.StatusCode);
        Assert.StartsWith($"{_oidc.Provider.Issuer}/session/end", afmelden.Headers.Location!.ToString());

        using var oud = new HttpClient { BaseAddress = new Uri(_oidc.ApiBase) };
        oud.DefaultRequestHeaders.Add("Cookie", $"{BrowserSessieServices.CookieNaam}={cookie}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await oud.GetAsync("/api/v1/sessie")).StatusCode);
    }

    [Fact]
    public async Task A_machine_token_of_the_provider_is_accepted_and_one_of_another_issuer_or_audience_is_refused()
    {
        await using var ander = await OidcTestProvider.StartAsync(new Dictionary<string, OidcGebruiker>(), _oidc.GemeenteA);
        async Task<HttpStatusCode> Met(string token)
        {
            using var client = new HttpClient { BaseAddress = new Uri(_oidc.ApiBase) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            return (await client.GetAsync("/api/v1/tijdvensters")).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Met(await _oidc.Provider.MachineTokenAsync()));
        Assert.Equal(HttpStatusCode.Unauthorized, await Met(await _oidc.Provider.MachineTokenAsync("urn:ander-systeem")));
        Assert.Equal(HttpStatusCode.Unauthorized, await Met(await ander.MachineTokenAsync()));
        // A local development token (HS256 with the development key) means nothing once a provider is configured.
        Assert.Equal(HttpStatusCode.Unauthorized, await Met(_api.Token(_oidc.GemeenteA, Roles.Teamleider)));
    }

    [Fact]
    public async Task A_rotated_signing_key_is_picked_up_from_the_JWKS_without_a_restart()
    {
        using var client = new HttpClient { BaseAddress = new Uri(_oidc.ApiBase) };
        async Task<HttpStatusCode> Met(string token)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tijdvensters") { Headers = { Authorization = new("Bearer", token) } };
            return (await client.SendAsync(request)).StatusCode;
        }
        Assert.Equal(HttpStatusCode.OK, await Met(await _oidc.Provider.MachineTokenAsync()));

        await _oidc.Provider.RoteerSleutelsAsync();
        var nieuw = await _oidc.Provider.MachineTokenAsync();
        Assert.Equal("sleutel-2", new System.IdentityModel.Tokens.Jwt.JwtSecurityToken(nieuw).Header.Kid);

        // The first token with the unknown key makes the API fetch the JWKS again (at most once a second here).
        var status = HttpStatusCode.Unauthorized;
        for (var poging = 0; poging < 20 && status != HttpStatusCode.OK; poging++)
        {
            status = await Met(nieuw);
            if (status != HttpStatusCode.OK) await Task.Delay(500);
        }
        Assert.Equal(HttpStatusCode.OK, status);
    }

    public static TheoryData<BadInput> BadCallbacks() => new(BadInputCorpus.MetIdentityProvider);

    [Theory]
    [MemberData(nameof(BadCallbacks))]
    public async Task A_bad_sign_in_callback_is_a_4xx_problem_naming_what_is_wrong_and_starts_no_session(BadInput input)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(_oidc.ApiBase) };
        using var response = await BadInputCorpusTests.SendAsync(browser, input);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(input.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(input.Names, body, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(BrowserSessieServices.CookieNaam + "=")));
    }

    [Fact]
    public async Task A_forged_state_and_a_replayed_code_are_400_and_start_no_session()
    {
        using var vervalst = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_oidc.ApiBase) };
        var forged = await vervalst.GetAsync("/aanmelden/oidc?code=verzonnen&state=vervalst&iss=" + Uri.EscapeDataString(_oidc.Provider.Issuer));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var problem = await forged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("state", problem.GetProperty("field").GetString());
        Assert.False(forged.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith(BrowserSessieServices.CookieNaam)));

        var browser = new BrowserAanmelding(_oidc.ApiBase);
        Assert.Equal(HttpStatusCode.OK, (await browser.MeldAanAsync("teamleider-a")).StatusCode);
        // The same callback again, with the same browser's cookies: the correlation cookie is spent, the code is single-use.
        var replay = await browser.Client.GetAsync(browser.Callback);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Equal("application/problem+json", replay.Content.Headers.ContentType?.MediaType);
        Assert.False(replay.Headers.TryGetValues("Set-Cookie", out var replaySet)
            && replaySet.Any(c => c.StartsWith(BrowserSessieServices.CookieNaam + "=") && !c.Contains("expires=Thu, 01 Jan 1970")));
    }
}
