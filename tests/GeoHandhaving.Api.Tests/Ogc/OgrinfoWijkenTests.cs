using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Tests.Wijken;
using Hangfire;
using Hangfire.AspNetCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GeoHandhaving.Api.Tests.Ogc;

/// <summary>GDAL's OAPIF driver as the real client: it needs a real socket, so this API instance runs on Kestrel.</summary>
[Collection(ApiCollection.Name)]
public class OgrinfoWijkenTests(ApiFixture fixture)
{
    [Fact]
    public async Task Ogrinfo_reads_the_imported_amsterdam_wijken_and_sees_an_edit_made_through_part_4()
    {
        try
        {
            await OgrinfoScenarioAsync();
        }
        finally
        {
            // Hangfire keeps its log provider in a static that the second host replaced; the shared host needs it back
            // once the second host (and its logger factory) is disposed.
            GlobalConfiguration.Configuration.UseLogProvider(
                new AspNetCoreLogProvider(fixture.Api.Services.GetRequiredService<ILoggerFactory>()));
        }
    }

    private static async Task OgrinfoScenarioAsync()
    {
        var port = ApiFactory.FreePort();
        await using var api = new ApiFactory();
        api.UseKestrel(port);
        api.StartServer();
        var gemeente = await api.NewGemeenteAsync("Amsterdam");
        var report = await WijkenTestData.ImportAsync(api, gemeente, "wijken.geojson");
        Assert.Equal(110, report.Aangemaakt);
        var token = api.Token(gemeente, Roles.GisAnalist);
        var root = $"http://127.0.0.1:{port}/ogc";

        var summary = await OgrinfoAsync(token, "-ro", "-so", $"OAPIF:{root}", "wijken");
        Assert.Contains("Feature Count: 110", summary);

        var id = api.WithDb(db => db.Wijken.AsNoTracking().Single(w => w.GemeenteId == gemeente && w.Code == "WK0363AA").Id);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var patch = await http.PatchAsync($"{root}/collections/wijken/items/{id}",
            new StringContent("""{"properties":{"naam":"Haarlemmerbuurt (bewerkt)"}}""", Encoding.UTF8, "application/merge-patch+json"));
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);

        var features = await OgrinfoAsync(token, "-ro", "-al", "-geom=NO", $"OAPIF:{root}", "wijken");
        Assert.Contains("naam (String) = Haarlemmerbuurt (bewerkt)", features);
    }

    private static async Task<string> OgrinfoAsync(string token, params string[] args)
    {
        var start = new ProcessStartInfo("ogrinfo") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--config", "GDAL_HTTP_HEADERS", $"Authorization: Bearer {token}" }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(process.ExitCode == 0, await error);
        return await output;
    }
}
