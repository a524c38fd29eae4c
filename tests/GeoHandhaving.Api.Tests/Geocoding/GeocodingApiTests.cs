using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Geocoding;

/// <summary>A gemeente with the Apollobuurt BAG fixture (4,142 addresses) loaded over HTTP, shared by the tests of this class.</summary>
public sealed class ApollobuurtBag : IAsyncLifetime
{
    public string Gemeente { get; private set; } = "";
    public JsonElement ImportReport { get; private set; }
    private ApiFactory _api = null!;

    public async Task LoadAsync(ApiFactory api)
    {
        if (Gemeente != "") return;
        _api = api;
        Gemeente = await api.NewGemeenteAsync("Apollo");
        var client = api.ClientAs(Gemeente, Roles.GisAnalist);
        var csv = await File.ReadAllTextAsync(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv"));
        var response = await client.PostAsync("/api/v1/bag/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
        ImportReport = await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public Task DisposeAsync() => Task.CompletedTask;
}

[Collection(ApiCollection.Name)]
public class GeocodingApiTests(ApiFixture fixture) : IClassFixture<ApollobuurtBag>
{
    private readonly ApiFactory _api = fixture.Api;

    private async Task<HttpClient> ClientAsync(ApollobuurtBag bag, string role = Roles.Intake)
    {
        await bag.LoadAsync(_api);
        return _api.ClientAs(bag.Gemeente, role);
    }

    [Fact]
    public async Task Bag_import_stores_every_fixture_address_and_a_rerun_changes_nothing()
    {
        var bag = new ApollobuurtBag();
        await bag.LoadAsync(_api);
        Assert.Equal(4142, bag.ImportReport.GetProperty("nieuw").GetInt64());
        var client = _api.ClientAs(bag.Gemeente, Roles.GisAnalist);
        var csv = await File.ReadAllTextAsync(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv"));
        var again = await (await client.PostAsync("/api/v1/bag/import", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, again.GetProperty("nieuw").GetInt64());
        Assert.Equal(0, again.GetProperty("bijgewerkt").GetInt64());
        Assert.Equal(4142, _api.WithDb(db => db.Adressen.Count(a => a.GemeenteId == bag.Gemeente)));
    }

    [Fact]
    public async Task Bag_import_reports_bad_rows_and_keeps_the_good_ones()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.ClientAs(gemeente, Roles.GisAnalist);
        const string csv = """
            openbareruimtenaam,huisnummer,huisletter,huisnummertoevoeging,postcode,woonplaatsnaam,x_rd,y_rd
            Dam,1,,,1012JS,Amsterdam,121394.03,487383.05
            Dam,een,,,1012JS,Amsterdam,121394.03,487383.05
            Dam,2,,,10126JS,Amsterdam,121394.03,487383.05
            """;
        var report = await (await client.PostAsync("/api/v1/bag/import", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("nieuw").GetInt64());
        var fouten = report.GetProperty("fouten").EnumerateArray().ToList();
        Assert.Equal(2, fouten.Count);
        Assert.Equal("huisnummer", fouten[0].GetProperty("field").GetString());
    }

    [Fact]
    public async Task Bag_import_without_required_columns_is_a_400_naming_the_header()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var client = _api.ClientAs(gemeente, Roles.GisAnalist);
        var response = await client.PostAsync("/api/v1/bag/import", new StringContent("naam,nummer\nDam,1\n", Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("header", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("1077 AA 1")]
    public async Task Geocode_matches_a_postcode_and_number_and_returns_both_crs(string query)
    {
        var bag = new ApollobuurtBag();
        var client = await ClientAsync(bag);
        var first = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1)
            .Select(l => l.Split(',')).First(f => f[2] == "" && f[3] == "");
        var q = $"{first[4][..4]} {first[4][4..].ToLowerInvariant()} {first[1]}";
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/geocode?q={Uri.EscapeDataString(q)}");
        Assert.Equal("matched", body.GetProperty("status").GetString());
        var adres = body.GetProperty("adres");
        Assert.Equal(first[0], adres.GetProperty("straat").GetString());
        Assert.InRange(adres.GetProperty("xRd").GetDouble(), 100_000, 140_000);
        Assert.InRange(adres.GetProperty("lon").GetDouble(), 4.8, 4.95);
        Assert.NotEqual(query, q);
    }

    [Fact]
    public async Task Geocode_of_a_number_that_does_not_exist_is_unmatched_with_a_reason()
    {
        var bag = new ApollobuurtBag();
        var client = await ClientAsync(bag);
        var street = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1).First().Split(',')[0];
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/geocode?q={Uri.EscapeDataString(street + " 9999 Amsterdam")}");
        Assert.Equal("unmatched", body.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("reden").GetString()));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("adres").ValueKind);
    }

    [Fact]
    public async Task Geocode_without_query_is_a_400_naming_q()
    {
        var bag = new ApollobuurtBag();
        var client = await ClientAsync(bag);
        var response = await client.GetAsync("/api/v1/geocode?q=");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("q", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Batch_geocodes_in_order_and_refuses_more_than_ten_thousand()
    {
        var bag = new ApollobuurtBag();
        var client = await ClientAsync(bag);
        var rows = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1).Take(50)
            .Select(l => l.Split(',')).Where(f => f[2] == "" && f[3] == "").ToList();
        var queries = rows.Select(f => $"{f[0]} {f[1]}, {f[4]}").Append("Nergensstraat 1, 9999 ZZ").ToArray();
        var results = await (await client.PostAsJsonAsync("/api/v1/geocode/batch", new { queries })).Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(queries.Length, results!.Length);
        Assert.All(results[..^1], r => Assert.Equal("matched", r.GetProperty("status").GetString()));
        Assert.Equal("unmatched", results[^1].GetProperty("status").GetString());

        var tooMany = await client.PostAsJsonAsync("/api/v1/geocode/batch", new { queries = Enumerable.Repeat("Dam 1", 10_001) });
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var empty = await client.PostAsJsonAsync("/api/v1/geocode/batch", new { queries = new[] { "Dam 1", " " } });
        Assert.Equal("queries[1]", (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Reverse_finds_the_nearest_address_with_its_distance_and_refuses_points_abroad()
    {
        var bag = new ApollobuurtBag();
        var client = await ClientAsync(bag);
        var f = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1).First().Split(',');
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/v1/reverse?lon={f[9]}&lat={f[10]}&straal=25");
        Assert.InRange(body.GetProperty("afstandMeter").GetDouble(), 0, 1);

        var abroad = await client.GetAsync("/api/v1/reverse?lon=-71.06&lat=42.36");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, abroad.StatusCode);
        Assert.Contains("-71.06", await abroad.Content.ReadAsStringAsync());

        var nothing = await client.GetAsync("/api/v1/reverse?x=155000&y=463000&straal=10");
        Assert.Equal(HttpStatusCode.NotFound, nothing.StatusCode);
    }

    [Fact]
    public async Task Geocoding_of_another_gemeente_does_not_see_these_addresses()
    {
        var bag = new ApollobuurtBag();
        await bag.LoadAsync(_api);
        var other = await _api.NewGemeenteAsync();
        var f = File.ReadLines(SharedData.Path("nl/amsterdam/fixture_apollobuurt/adressen.csv")).Skip(1).First().Split(',');
        var body = await _api.ClientAs(other, Roles.Intake).GetFromJsonAsync<JsonElement>($"/api/v1/geocode?q={Uri.EscapeDataString(f[4] + " " + f[1])}");
        Assert.Equal("unmatched", body.GetProperty("status").GetString());
    }
}
