using System.Diagnostics;
using System.Text.Json;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Platform;

/// <summary>The service as an operator starts it: every console line says when it happened.</summary>
[Collection(ApiCollection.Name)]
public class ConsoleLogTests(ApiFixture fixture)
{
    private readonly ApiFactory _api = fixture.Api;

    [Fact]
    public async Task In_production_every_console_line_is_json_with_a_utc_timestamp()
    {
        var line = await FirstLogLineAsync("Production");
        var entry = JsonDocument.Parse(line).RootElement;
        var timestamp = entry.GetProperty("Timestamp").GetString()!;
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", timestamp);
        Assert.True(entry.TryGetProperty("Message", out _));
    }

    [Fact]
    public async Task In_development_every_console_line_is_readable_text_that_starts_with_the_time()
    {
        var line = await FirstLogLineAsync("Development");
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (info|warn|fail|crit|dbug|trce): ", line);
    }

    /// <summary>Starts the API (the built assembly, its own appsettings) in an environment and returns its first log line.</summary>
    private async Task<string> FirstLogLineAsync(string environment)
    {
        _ = _api.Server; // the fixture has migrated the database the process connects to
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = SharedData.Repo("src/GeoHandhaving.Api"), RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__GeoHandhaving"] = ApiFactory.ConnectionString;
        start.Environment["Jobs__RunServer"] = "false";
        using var process = Process.Start(start)!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.Trim().Length > 0) return line;
            }
            throw new InvalidOperationException($"the API ({environment}) wrote no log line");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
