using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Platform;

/// <summary>The one CRS type, paging type and bbox parser, as every endpoint meets them.</summary>
[Collection(ApiCollection.Name)]
public class EdgeParameterTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private async Task<HttpClient> ClientAsync(params string[] roles) => _api.ClientAs(await _api.NewGemeenteAsync(), roles);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Ogc_serves_the_maximum_for_a_limit_above_it_where_every_other_endpoint_refuses()
    {
        var client = await ClientAsync(Roles.GisAnalist, Roles.Planner, Roles.Teamleider);
        var ogc = await client.GetAsync("/ogc/collections/wijken/items?limit=20000");
        Assert.Equal(HttpStatusCode.OK, ogc.StatusCode);
        var self = (await ogc.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("links").EnumerateArray()
            .First(l => l.GetProperty("rel").GetString() == "self").GetProperty("href").GetString();
        Assert.Contains("limit=10000", self);

        Assert.Equal("limit", (await ProblemAsync(await client.GetAsync("/ogc/collections/wijken/items?limit=0"), HttpStatusCode.BadRequest))
            .GetProperty("field").GetString());
        Assert.Equal("limit", (await ProblemAsync(await client.GetAsync("/api/v1/meldingen?limit=10001"), HttpStatusCode.BadRequest))
            .GetProperty("field").GetString());
        Assert.Equal("limit", (await ProblemAsync(await client.GetAsync("/api/v1/hotspots/active?dag=di&uur=8&limit=201"), HttpStatusCode.BadRequest))
            .GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("/ogc/collections/wijken/items?bbox=-80,30,-70,40", HttpStatusCode.UnprocessableEntity, "bbox")]
    [InlineData("/ogc/collections/wijken/items?bbox=1,2,3", HttpStatusCode.BadRequest, "bbox")]
    [InlineData("/ogc/collections/wijken/items?bbox=0,0,1000,1000&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/28992", HttpStatusCode.UnprocessableEntity, "bbox")]
    [InlineData("/ogc/collections/wijken/items?bbox=4.8,52.3,4.9,52.4&bbox-crs=EPSG:3857", HttpStatusCode.BadRequest, "bbox-crs")]
    [InlineData("/api/v1/heatmap?bbox=-80,30,-70,40", HttpStatusCode.UnprocessableEntity, "bbox")]
    [InlineData("/ogc/collections/wijken/items?crs=EPSG:3857", HttpStatusCode.BadRequest, "crs")]
    [InlineData("/api/v1/wijken?crs=EPSG:3857", HttpStatusCode.BadRequest, "crs")]
    [InlineData("/api/v1/meldingen?crs=EPSG:3857", HttpStatusCode.BadRequest, "crs")]
    [InlineData("/api/v1/hotspots?crs=EPSG:3857", HttpStatusCode.BadRequest, "crs")]
    public async Task Bbox_and_crs_are_parsed_by_one_rule_on_every_endpoint(string url, HttpStatusCode status, string field)
    {
        var client = await ClientAsync(Roles.GisAnalist, Roles.Planner, Roles.Teamleider);
        var problem = await ProblemAsync(await client.GetAsync(url), status);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        if (field.Contains("crs")) Assert.Contains("http://www.opengis.net/def/crs/EPSG/0/28992", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_body_in_an_unsupported_crs_is_refused_naming_the_content_crs_header()
    {
        var client = await ClientAsync(Roles.GisAnalist);
        var request = new HttpRequestMessage(HttpMethod.Post, "/ogc/collections/wijken/items")
        {
            Content = new StringContent("""{"type":"Feature","properties":{"code":"X1","naam":"X"},"geometry":null}""", Encoding.UTF8, "application/geo+json"),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Crs", "<http://www.opengis.net/def/crs/EPSG/0/3857>");
        var problem = await ProblemAsync(await client.SendAsync(request), HttpStatusCode.BadRequest);
        Assert.Equal("Content-Crs", problem.GetProperty("field").GetString());
    }
}
