using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Security;

[Collection(ApiCollection.Name)]
public class AuthorizationMatrixTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public void Every_endpoint_names_a_known_policy_or_is_allow_listed_as_anonymous()
    {
        var endpoints = AuthorizationMatrix.Endpoints(_api.Services);
        Assert.NotEmpty(endpoints);
        var unguarded = endpoints
            .Where(e => e.Policies.Length == 0 || e.Anonymous || e.Policies.Any(p => !Policies.RolesPerPolicy.ContainsKey(p)))
            .Where(e => !(e.Anonymous || e.Policies.Length == 0) || !AuthorizationMatrix.AnonymousAllowList.Contains(e.Route))
            .Select(e => $"{e.Method} {e.Route} [{string.Join(",", e.Policies)}]{(e.Anonymous ? " anonymous" : "")}")
            .ToList();
        Assert.True(unguarded.Count == 0, "Endpoints without a known policy and not allow-listed:\n" + string.Join("\n", unguarded));
    }

    [Fact]
    public void Every_policy_admits_at_least_one_role_and_names_only_known_roles()
    {
        foreach (var (policy, roles) in Policies.RolesPerPolicy)
        {
            Assert.NotEmpty(roles);
            Assert.All(roles, r => Assert.Contains(r, Roles.All));
        }
    }

    [Fact]
    public async Task Anonymous_gets_401_or_GeoReports_403_other_roles_403_and_allowed_roles_get_past_authorization()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var secured = AuthorizationMatrix.Endpoints(_api.Services).Where(e => e.Policies.Length > 0 && !e.Anonymous).ToList();
        var failures = new List<string>();
        foreach (var endpoint in secured)
        {
            foreach (var role in Roles.All.Prepend(null))
            {
                var status = await CallAsync(endpoint, role is null ? null : _api.Token(gemeente, role));
                // GeoReport v2 answers a missing or wrong api_key with 403 (GeoReportAutorisatie); every other route with 401.
                var anoniem = endpoint.Route.StartsWith("/open311/", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : HttpStatusCode.Unauthorized;
                var expected = role is null ? $"{(int)anoniem}" : endpoint.AllowedRoles.Contains(role) ? "not 401/403, not 5xx" : "403";
                var ok = role is null ? status == anoniem
                    : endpoint.AllowedRoles.Contains(role) ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                    : status == HttpStatusCode.Forbidden;
                if (!ok) failures.Add($"{endpoint.Method} {endpoint.SampleUrl} as {role ?? "anonymous"}: {(int)status}, expected {expected}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Docs_security_md_holds_the_current_authorization_matrix()
    {
        var path = SharedData.Repo("docs/security.md");
        var table = AuthorizationMatrix.MarkdownTable(AuthorizationMatrix.Endpoints(_api.Services));
        var doc = File.ReadAllText(path);
        var start = doc.IndexOf(AuthorizationMatrix.DocStart, StringComparison.Ordinal) + AuthorizationMatrix.DocStart.Length;
        var end = doc.IndexOf(AuthorizationMatrix.DocEnd, StringComparison.Ordinal);
        Assert.True(start > AuthorizationMatrix.DocStart.Length - 1 && end > start, $"{path} lacks the matrix markers");
        var current = doc[start..end].Trim();
        if (current != table.Trim() && Environment.GetEnvironmentVariable("GEOH_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, doc[..start] + "\n" + table + doc[end..]);
            return;
        }
        Assert.True(current == table.Trim(), "docs/security.md is out of date; run the tests with GEOH_UPDATE_DOCS=1 to regenerate the table.\n" + table);
    }

    private async Task<HttpStatusCode> CallAsync(SecuredEndpoint endpoint, string? token)
    {
        var client = _api.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.SampleUrl);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // A body of the media type the endpoint accepts, so routing's content-type check (415) does not answer first.
        if (endpoint.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, endpoint.ContentType);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
