using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;

namespace GeoHandhaving.Api.Tests.Meldingen;

[Collection(ApiCollection.Name)]
public class Open311Tests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    private static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    [Fact]
    public async Task Services_are_the_top_level_categorieen()
    {
        var services = await _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Intake).GetFromJsonAsync<JsonElement>("/open311/v2/services.json");
        var codes = services.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.Contains("parkeeroverlast", codes);
        Assert.Contains("afval", codes);
        Assert.All(services.EnumerateArray(), s => Assert.Equal("realtime", s.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task A_KCC_system_with_an_api_key_posts_a_request_that_becomes_a_melding_and_reads_its_status()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var key = await (await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam = "KCC", rollen = new[] { Roles.Intake } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var kcc = _api.CreateClient();
        kcc.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.GetProperty("sleutel").GetString());

        var response = await kcc.PostAsync("/open311/v2/requests.json", Form(("service_code", "afval"), ("lat", "52.35"), ("long", "4.87"),
            ("description", "Zakken naast de container"), ("first_name", "Anna"), ("last_name", "de Melder"), ("email", "anna@example.nl")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString();
        Assert.Equal($"http://localhost/open311/v2/requests/{id}.json", response.Headers.Location?.OriginalString);
        var melding = await _api.ClientAs(gemeente, Roles.Teamleider).GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{id}");
        Assert.Equal("open311", melding.GetProperty("properties").GetProperty("bron").GetString());
        Assert.Equal("afval", melding.GetProperty("properties").GetProperty("categorie").GetString());
        Assert.True(melding.GetProperty("properties").GetProperty("heeftMelderContact").GetBoolean());

        var status = (await _api.ClientAs(gemeente, Roles.Intake).GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal("open", status.GetProperty("status").GetString());
        Assert.Equal("afval", status.GetProperty("service_code").GetString());
        Assert.Equal(52.35, status.GetProperty("lat").GetDouble(), 4);
        Assert.Equal(4.87, status.GetProperty("long").GetDouble(), 4);
    }

    [Fact]
    public async Task The_api_key_may_come_as_the_GeoReport_form_field_and_a_wrong_or_missing_one_is_GeoReports_403()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var sleutel = (await (await _api.ClientAs(gemeente, Roles.Admin)
            .PostAsJsonAsync("/api/v1/api-keys", new { naam = "KCC", rollen = new[] { Roles.Intake } }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sleutel").GetString()!;
        (string, string)[] melding = [("service_code", "afval"), ("lat", "52.35"), ("long", "4.87")];

        var ok = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form([("api_key", sleutel), .. melding]));
        var wrong = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form([("api_key", sleutel[..^2] + "xx"), .. melding]));
        var none = await _api.CreateClient().PostAsync("/open311/v2/requests.json", Form(melding));

        var noneXml = await _api.CreateClient().PostAsync("/open311/v2/requests.xml", Form(melding));

        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        foreach (var refused in new[] { wrong, none })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var error = Assert.Single((await refused.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
            Assert.Equal(403, error.GetProperty("code").GetInt32());
            Assert.StartsWith("api_key: ontbreekt of is ongeldig", error.GetProperty("description").GetString());
        }
        Assert.Equal(HttpStatusCode.Forbidden, noneXml.StatusCode);
        var xml = XDocument.Parse(await noneXml.Content.ReadAsStringAsync());
        Assert.Equal("403", xml.Root!.Element("error")!.Element("code")!.Value);
        Assert.Equal(1, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    public static TheoryData<(string, string)[], string> BadRequests => new()
    {
        { [("lat", "52.35"), ("long", "4.87")], "service_code" },
        { [("service_code", "vuurwerk"), ("lat", "52.35"), ("long", "4.87")], "service_code" },
        { [("service_code", "afval"), ("lat", "noord"), ("long", "4.87")], "lat" },
        { [("service_code", "afval"), ("lat", "40.7"), ("long", "-74.0")], "lat/long" },
        { [("service_code", "afval"), ("description", "geen plaats")], "lat/long" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_400_naming_the_GeoReport_field_and_stores_nothing((string, string)[] fields, string field)
    {
        var gemeente = await _api.NewGemeenteAsync();
        var response = await _api.ClientAs(gemeente, Roles.Intake).PostAsync("/open311/v2/requests.json", Form(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        // GeoReport's error format: an array of {code, description}; the description starts with the field.
        var fout = (await response.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(400, fout.GetProperty("code").GetInt32());
        Assert.StartsWith($"{field}: ", fout.GetProperty("description").GetString());
        Assert.Equal(field, fout.GetProperty("field").GetString());
        Assert.Equal(0, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Json_instead_of_a_form_is_415_and_a_planner_may_not_post()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var json = await _api.ClientAs(gemeente, Roles.Intake).PostAsJsonAsync("/open311/v2/requests.json", new { service_code = "afval" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(415, (await json.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("code").GetInt32());
        var planner = await _api.ClientAs(gemeente, Roles.Planner).PostAsync("/open311/v2/requests.json", Form(("service_code", "afval")));
        Assert.Equal(HttpStatusCode.Forbidden, planner.StatusCode);
    }

    private async Task<long> MeldingAsync(string gemeente, string categorie, string gemeldOp, double lat = 52.35)
    {
        var response = await _api.ClientAs(gemeente, Roles.Intake).PostAsJsonAsync("/api/v1/meldingen",
            new { bron = "KCC", externId = Guid.NewGuid().ToString(), categorie, gemeldOp, lon = 4.87, lat });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<HttpClient> KccAsync(string gemeente, string naam = "KCC")
    {
        var key = await (await _api.ClientAs(gemeente, Roles.Admin).PostAsJsonAsync("/api/v1/api-keys", new { naam, rollen = new[] { Roles.Intake } }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var kcc = _api.CreateClient();
        kcc.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.Header, key.GetProperty("sleutel").GetString());
        return kcc;
    }

    [Fact]
    public async Task A_retry_with_the_same_Idempotency_Key_returns_the_first_request_and_files_one_melding()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var kcc = await KccAsync(gemeente);
        async Task<HttpResponseMessage> Post(string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
            {
                Content = Form(("service_code", "afval"), ("lat", "52.35"), ("long", "4.87"), ("description", "na een time-out opnieuw")),
            };
            request.Headers.Add(Open311Api.IdempotencyHeader, key);
            return await kcc.SendAsync(request);
        }
        var eerste = await Post("kcc-2026-000123");
        var herhaald = await Post("kcc-2026-000123");
        var ander = await Post("kcc-2026-000124");

        Assert.Equal(HttpStatusCode.Created, eerste.StatusCode);
        Assert.Equal(HttpStatusCode.OK, herhaald.StatusCode);
        Assert.Equal("true", herhaald.Headers.GetValues("Idempotent-Replayed").Single());
        static async Task<string?> Id(HttpResponseMessage r) =>
            (await r.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("service_request_id").GetString();
        var id = await Id(eerste);
        Assert.Equal(id, await Id(herhaald));
        Assert.NotEqual(id, await Id(ander));
        Assert.Equal(2, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task A_retry_with_the_same_external_id_returns_the_first_request_but_another_client_with_that_id_is_another_request()
    {
        var gemeente = await _api.NewGemeenteAsync();
        (string, string)[] melding = [("service_code", "afval"), ("lat", "52.35"), ("long", "4.87"), ("external_id", "ZAAK-77")];
        var kcc = await KccAsync(gemeente);
        var eerste = await (await kcc.PostAsync("/open311/v2/requests.xml", Form(melding))).Content.ReadAsStringAsync();
        var herhaald = await kcc.PostAsync("/open311/v2/requests.xml", Form(melding));
        var andereClient = await (await KccAsync(gemeente, "app")).PostAsync("/open311/v2/requests.xml", Form(melding));

        Assert.Equal(HttpStatusCode.OK, herhaald.StatusCode);
        Assert.Equal(XDocument.Parse(eerste).Descendants("service_request_id").Single().Value,
            XDocument.Parse(await herhaald.Content.ReadAsStringAsync()).Descendants("service_request_id").Single().Value);
        Assert.Equal(HttpStatusCode.Created, andereClient.StatusCode);
        Assert.Equal(2, _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == gemeente)));
    }

    [Fact]
    public async Task Get_requests_filters_by_period_service_code_status_and_id_list()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var afval = await MeldingAsync(gemeente, "afval", "2026-11-10T08:15:00+01:00");
        var parkeren = await MeldingAsync(gemeente, "parkeeroverlast", "2026-11-20T17:00:00+01:00");
        var oud = await MeldingAsync(gemeente, "afval", "2026-06-01T12:00:00+02:00");
        var boa = _api.ClientAs(gemeente, Roles.Teamleider);
        await boa.PostAsJsonAsync($"/api/v1/meldingen/{parkeren}/status", new { status = "InBehandeling" });
        await boa.PostAsJsonAsync($"/api/v1/meldingen/{parkeren}/status", new { status = "Afgehandeld" });
        var intake = _api.ClientAs(gemeente, Roles.Intake);
        async Task<string[]> Ids(string query) => (await intake.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?{query}"))
            .EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).Order().ToArray();
        string[] S(params long[] ids) => [.. ids.Select(i => i.ToString()).Order()];

        // As the specification's example: a period and status=open.
        Assert.Equal(S(afval), await Ids("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z&status=open"));
        Assert.Equal(S(afval, parkeren), await Ids("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z"));
        Assert.Equal(S(parkeren), await Ids("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z&status=closed"));
        Assert.Equal(S(afval), await Ids("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z&service_code=afval"));
        Assert.Equal(S(afval, parkeren), await Ids("start_date=2026-11-01T00:00:00Z&end_date=2026-11-30T00:00:00Z&status=open,closed"));
        // The id list ignores the other filters (GeoReport), so the melding of June is found too.
        Assert.Equal(S(oud, parkeren), await Ids($"service_request_id={oud},{parkeren}&status=open"));
        var closed = (await intake.GetFromJsonAsync<JsonElement>($"/open311/v2/requests.json?service_request_id={parkeren}"))[0];
        Assert.Equal("closed", closed.GetProperty("status").GetString());
    }

    public static TheoryData<string, string> BadQueries => new()
    {
        { "start_date=gisteren", "start_date" },
        { "end_date=2026-11-30", "end_date" },
        { "start_date=2026-01-01T00:00:00Z&end_date=2026-11-30T00:00:00Z", "end_date" },
        { "start_date=2026-11-30T00:00:00Z&end_date=2026-11-01T00:00:00Z", "end_date" },
        { "status=kapot", "status" },
        { "service_request_id=12,dertien", "service_request_id" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public async Task A_bad_filter_of_get_requests_is_400_in_GeoReports_error_format_in_both_formats(string query, string field)
    {
        var intake = _api.ClientAs(await _api.NewGemeenteAsync(), Roles.Intake);
        var json = await intake.GetAsync($"/open311/v2/requests.json?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(field, (await json.Content.ReadFromJsonAsync<JsonElement>())[0].GetProperty("field").GetString());
        var xml = await intake.GetAsync($"/open311/v2/requests.xml?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, xml.StatusCode);
        Assert.Equal("text/xml", xml.Content.Headers.ContentType?.MediaType);
        var error = XDocument.Parse(await xml.Content.ReadAsStringAsync()).Root!;
        Assert.Equal("errors", error.Name.LocalName);
        Assert.Equal("400", error.Element("error")!.Element("code")!.Value);
        Assert.StartsWith($"{field}: ", error.Element("error")!.Element("description")!.Value);
    }

    /// <summary>The element names of the GeoReport v2 specification's XML examples, per response (wiki.open311.org/GeoReport_v2).</summary>
    private static readonly string[] SpecService = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];
    private static readonly string[] SpecAangemaakt = ["service_request_id", "service_notice", "account_id"];
    private static readonly string[] SpecRequestVerplicht = ["service_request_id", "status", "service_name", "service_code", "description",
        "requested_datetime", "updated_datetime", "address", "lat", "long"];
    private static readonly string[] SpecRequest = ["service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url"];

    private static XElement Xml(string text, string root)
    {
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", text);
        var element = XDocument.Parse(text).Root!;
        Assert.Equal(root, element.Name.LocalName);
        return element;
    }

    [Fact]
    public async Task Every_GeoReport_route_answers_XML_beside_JSON_shaped_as_the_specifications_examples()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var kcc = await KccAsync(gemeente);

        var services = await kcc.GetAsync("/open311/v2/services.xml");
        Assert.Equal("text/xml", services.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", services.Content.Headers.ContentType?.CharSet);
        var service = Xml(await services.Content.ReadAsStringAsync(), "services").Elements("service").First();
        Assert.Equal(SpecService, service.Elements().Select(e => e.Name.LocalName));

        // The specification's example POST (GeoReport/v2/index.md of open311/open311.github.io), its fields as a KCC system sends
        // them, with a place and a service code of this gemeente; jurisdiction_id, device_id, account_id, media_url and the
        // attribute[] fields are accepted and ignored.
        var post = await kcc.PostAsync("/open311/v2/requests.xml", Form(("jurisdiction_id", "city.gov"), ("service_code", "afval"),
            ("lat", "52.35"), ("long", "4.87"), ("address_string", "Apollolaan 1"), ("email", "smit333@example.nl"), ("device_id", "tt222111"),
            ("account_id", "123456"), ("first_name", "john"), ("last_name", "smith"), ("phone", "111111111"),
            ("description", "A large sinkhole is destroying the street"), ("media_url", "http://example.nl/images/sinkhole.png"),
            ("attribute[WHISPAWN]", "123456"), ("attribute[WHISDORN]", "COISL001")));
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var aangemaakt = Xml(await post.Content.ReadAsStringAsync(), "service_requests").Element("request")!;
        Assert.Equal(SpecAangemaakt, aangemaakt.Elements().Select(e => e.Name.LocalName));
        var id = aangemaakt.Element("service_request_id")!.Value;

        var lijst = Xml(await kcc.GetStringAsync($"/open311/v2/requests.xml?service_request_id={id}"), "service_requests");
        var een = Xml(await kcc.GetStringAsync($"/open311/v2/requests/{id}.xml"), "service_requests");
        foreach (var request in new[] { lijst.Element("request")!, een.Element("request")! })
        {
            var namen = request.Elements().Select(e => e.Name.LocalName).ToList();
            Assert.Subset(SpecRequest.ToHashSet(), namen.ToHashSet());
            Assert.Equal(namen.OrderBy(n => Array.IndexOf(SpecRequest, n)), namen);
            // The members the specification does not mark "may not be returned", as far as a melding has them.
            Assert.Subset(namen.ToHashSet(), SpecRequestVerplicht.ToHashSet());
            Assert.Equal(("open", "afval", "52.35"), (request.Element("status")!.Value, request.Element("service_code")!.Value, request.Element("lat")!.Value));
            Assert.Equal("Afval", request.Element("service_name")!.Value);
            Assert.True(DateTimeOffset.TryParse(request.Element("requested_datetime")!.Value, out var gemeld));
            Assert.True(DateTimeOffset.TryParse(request.Element("updated_datetime")!.Value, out var bijgewerkt) && bijgewerkt >= gemeld);
        }
        // The same request in JSON: the same members.
        var json = (await kcc.GetFromJsonAsync<JsonElement>($"/open311/v2/requests/{id}.json"))[0];
        Assert.Equal(lijst.Element("request")!.Elements().Select(e => e.Name.LocalName), json.EnumerateObject().Select(p => p.Name));

        var discovery = Xml(await _api.CreateClient().GetStringAsync("/open311/v2/discovery.xml"), "discovery");
        Assert.Equal(["changeset", "contact", "key_service", "endpoints"], discovery.Elements().Select(e => e.Name.LocalName));
        var endpoint = discovery.Element("endpoints")!.Element("endpoint")!;
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", endpoint.Element("specification")!.Value);
        Assert.Equal("http://localhost/open311/v2", endpoint.Element("url")!.Value);
        Assert.Equal(["text/xml", "application/json"], endpoint.Element("formats")!.Elements("format").Select(f => f.Value));
        var discoveryJson = await _api.CreateClient().GetFromJsonAsync<JsonElement>("/open311/v2/discovery.json");
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discoveryJson.GetProperty("endpoints")[0].GetProperty("specification").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await kcc.GetAsync("/open311/v2/services.csv")).StatusCode);
    }
}
