using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>Without an identity provider: the local sign-in page for development, refused in Production unless enabled.</summary>
[Collection(ApiCollection.Name)]
public class LokaleAanmeldingTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private static HttpClient Browser(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>The page's form fields (antiforgery token, terug) plus the chosen ones.</summary>
    private static async Task<FormUrlEncodedContent> FormulierAsync(HttpClient browser, string pagina, params (string, string)[] velden)
    {
        var html = await browser.GetStringAsync(pagina);
        var verborgen = Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")
            .Select(m => (m.Groups[1].Value, WebUtility.HtmlDecode(m.Groups[2].Value)));
        return new FormUrlEncodedContent(verborgen.Concat(velden).Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2)));
    }

    [Fact]
    public async Task A_developer_picks_gemeente_and_role_on_the_page_that_says_it_is_for_development_and_is_signed_in()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var browser = Browser(_api);

        var kaart = await browser.GetAsync("/kaart");
        Assert.Equal(HttpStatusCode.Redirect, kaart.StatusCode);
        Assert.Equal("/aanmelden?terug=%2Fkaart", kaart.Headers.Location!.OriginalString.Replace("http://localhost", ""));
        var pagina = await browser.GetStringAsync("/aanmelden?terug=%2Fkaart");
        Assert.Contains("Alleen voor ontwikkeling", pagina);
        Assert.Contains($"value=\"{gemeente}\"", pagina);

        var aanmelden = await browser.PostAsync("/aanmelden", await FormulierAsync(browser, "/aanmelden?terug=%2Fkaart",
            ("gemeente", gemeente), ("rol", Roles.Teamleider), ("gebruiker", "t.leider")));

        Assert.Equal(HttpStatusCode.Redirect, aanmelden.StatusCode);
        Assert.Equal("http://localhost/kaart", aanmelden.Headers.Location!.OriginalString);
        var sessie = await browser.GetFromJsonAsync<JsonElement>("/api/v1/sessie");
        Assert.Equal(("t.leider", gemeente, "lokaal"),
            (sessie.GetProperty("gebruiker").GetString(), sessie.GetProperty("gemeente").GetString(), sessie.GetProperty("aanmelding").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/kaart")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync("/afmelden", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/kaart")).StatusCode);
    }

    [Fact]
    public async Task A_form_without_the_pages_antiforgery_token_an_unknown_role_or_gemeente_is_400_naming_the_field()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var browser = Browser(_api);
        async Task<string?> Veld(FormUrlEncodedContent form)
        {
            var response = await browser.PostAsync("/aanmelden", form);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString();
        }
        var zonderToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["gemeente"] = gemeente, ["rol"] = Roles.Admin, ["gebruiker"] = "x" });
        Assert.Equal("__RequestVerificationToken", await Veld(zonderToken));
        Assert.Equal("rol", await Veld(await FormulierAsync(browser, "/aanmelden", ("gemeente", gemeente), ("rol", "superuser"), ("gebruiker", "x"))));
        Assert.Equal("gemeente", await Veld(await FormulierAsync(browser, "/aanmelden", ("gemeente", "GM0000"), ("rol", Roles.Admin), ("gebruiker", "x"))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.CreateClient().GetAsync("/api/v1/sessie")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_returns_only_to_a_path_of_this_site()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var browser = Browser(_api);
        var response = await browser.PostAsync("/aanmelden", await FormulierAsync(browser, "/aanmelden?terug=%2F%2Fevil.example%2F",
            ("gemeente", gemeente), ("rol", Roles.Planner), ("gebruiker", "p")));
        Assert.Equal("http://localhost/kaart", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task In_Production_the_local_page_is_refused_unless_explicitly_enabled()
    {
        await using var productie = _api.Variant(b => b.UseEnvironment("Production"));
        var geweigerd = await Browser(productie).GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.Forbidden, geweigerd.StatusCode);
        Assert.Contains("Auth:Authority", await geweigerd.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Browser(productie).PostAsync("/aanmelden", new FormUrlEncodedContent([]))).StatusCode);

        await using var toegestaan = _api.Variant(b => b.UseEnvironment("Production").UseSetting("Auth:LokaleAanmelding", "true"));
        var pagina = await Browser(toegestaan).GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.OK, pagina.StatusCode);
        Assert.Contains("Alleen voor ontwikkeling", await pagina.Content.ReadAsStringAsync());
    }
}
