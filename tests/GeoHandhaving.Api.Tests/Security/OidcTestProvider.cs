using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoHandhaving.Api.Tests.Heatmap;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Security;

public sealed record OidcGebruiker(string Gemeente, params string[] Roles);

/// <summary>
/// The real OpenID Provider (npm oidc-provider, tests/…/Security/oidc/provider.mjs) in a Node process on loopback,
/// installed by the test on first use like the browser test installs playwright-core.
/// </summary>
public sealed class OidcTestProvider : IAsyncDisposable
{
    public const string Resource = "urn:geohandhaving";
    public const string MachineClient = "kcc-machine";
    public const string MachineSecret = "kcc-machine-geheim";
    private static readonly string Folder = SharedData.Repo("tests/GeoHandhaving.Api.Tests/Security/oidc");
    private static readonly SemaphoreSlim InstallOnce = new(1, 1);
    private readonly Process _process;

    public string Issuer { get; }

    private OidcTestProvider(Process process, string issuer) => (_process, Issuer) = (process, issuer);

    /// <summary>Starts a provider for browser clients (id, secret, access-token seconds, the API they return to), and one machine client.</summary>
    public static async Task<OidcTestProvider> StartAsync(IReadOnlyDictionary<string, OidcGebruiker> users,
        string machineGemeente, params (string Id, string Secret, int AccessTokenSeconds, string ApiBase)[] clients)
    {
        await InstallOnce.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(Folder, "node_modules", "oidc-provider")))
            {
                var install = await ExternalTool.RunAsync("npm", Folder, "ci", "--no-audit", "--no-fund");
                Assert.True(install.ExitCode == 0, install.Error);
            }
        }
        finally
        {
            InstallOnce.Release();
        }
        var config = JsonSerializer.Serialize(new
        {
            port = ApiFactory.FreePort(),
            clients = clients.Select(c => (object)new Dictionary<string, object>
            {
                ["client_id"] = c.Id, ["client_secret"] = c.Secret, ["grant_types"] = new[] { "authorization_code", "refresh_token" },
                ["redirect_uris"] = new[] { $"{c.ApiBase}/aanmelden/oidc" }, ["post_logout_redirect_uris"] = new[] { $"{c.ApiBase}/afmelden/oidc" },
                ["token_endpoint_auth_method"] = "client_secret_post", ["access_token_ttl"] = c.AccessTokenSeconds,
            }).Append(new Dictionary<string, object>
            {
                ["client_id"] = MachineClient, ["client_secret"] = MachineSecret, ["grant_types"] = new[] { "client_credentials" },
                ["response_types"] = Array.Empty<string>(), ["redirect_uris"] = Array.Empty<string>(),
                ["gemeente"] = machineGemeente, ["roles"] = new[] { "teamleider" },
            }),
            users = users.ToDictionary(u => u.Key, u => new { gemeente = u.Value.Gemeente, roles = u.Value.Roles }),
        });
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
        };
        start.ArgumentList.Add("provider.mjs");
        start.ArgumentList.Add(config);
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        // Generous: on a loaded machine Node takes a while to load oidc-provider.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
            Assert.True(line is not null, "the OpenID Provider did not start");
            return new OidcTestProvider(process, JsonDocument.Parse(line).RootElement.GetProperty("issuer").GetString()!);
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    /// <summary>The second key of the fixed JWKS signs from now on (both stay published), without restarting anything.</summary>
    public async Task RoteerSleutelsAsync()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync($"{Issuer}/test/roteer", null)).StatusCode);
    }

    /// <summary>An access token (JWT) for the machine client, for the given resource (audience).</summary>
    public async Task<string> MachineTokenAsync(string resource = Resource)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Issuer}/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["scope"] = "api", ["resource"] = resource,
            }),
        };
        var geheim = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{MachineClient}:{MachineSecret}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", geheim);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}

/// <summary>A person signing in with a browser-like client: follows the redirects, fills the provider's login form.</summary>
public sealed class BrowserAanmelding
{
    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; }
    /// <summary>The callback the provider sent the browser to (with code and state), for the replay test.</summary>
    public Uri? Callback { get; private set; }

    public BrowserAanmelding(string apiBase)
    {
        Client = new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(apiBase) };
        // As a browser navigating to a page asks.
        Client.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
    }

    /// <summary>Opens <paramref name="pagina"/>, signs in as <paramref name="login"/> and returns the final response.</summary>
    public async Task<HttpResponseMessage> MeldAanAsync(string login, string pagina = "/aanmelden?terug=/api/v1/sessie")
    {
        var url = new Uri(Client.BaseAddress!, pagina);
        for (var stap = 0; stap < 20; stap++)
        {
            var response = await Client.GetAsync(url);
            if ((int)response.StatusCode is >= 300 and < 400)
            {
                url = new Uri(url, response.Headers.Location!);
                if (url.AbsolutePath == "/aanmelden/oidc") Callback = url;
                continue;
            }
            var html = await response.Content.ReadAsStringAsync();
            var form = Regex.Match(html, "<form[^>]*action=\"([^\"]+)\"[^>]*method=\"post\"");
            if (!form.Success || !html.Contains("name=\"login\"")) return response;
            var login_ = await Client.PostAsync(new Uri(url, WebUtility.HtmlDecode(form.Groups[1].Value)),
                new FormUrlEncodedContent(new Dictionary<string, string> { ["prompt"] = "login", ["login"] = login, ["password"] = "test" }));
            url = new Uri(url, login_.Headers.Location ?? throw new InvalidOperationException($"login form answered {(int)login_.StatusCode}"));
        }
        throw new InvalidOperationException("too many redirects");
    }
}
