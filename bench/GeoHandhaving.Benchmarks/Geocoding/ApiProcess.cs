using System.Diagnostics;
using System.Net.Http.Json;
using GeoHandhaving.Api.Platform;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>
/// The real API (Release build) as a child process on Kestrel, so HTTP figures include hosting, auth, rate limiting and JSON
/// exactly as deployed. Disposing kills the process it started.
/// </summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Queue<string> _lastOutput = new();

    private ApiProcess(Process process, Uri baseAddress) => (_process, BaseAddress) = (process, baseAddress);

    public Uri BaseAddress { get; }

    /// <param name="settings">Configuration for this process (<c>Jobs__WorkerCount</c> …); without <c>Jobs__RunServer</c> it runs no Hangfire server.</param>
    public static async Task<ApiProcess> StartAsync(string apiDll, Uri baseAddress, string connectionString,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [apiDll, "--urls", baseAddress.ToString()])
        {
            // The content root is the working directory: appsettings.json beside the dll.
            WorkingDirectory = Path.GetDirectoryName(apiDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__GeoHandhaving"] = connectionString;
        // Production refuses to start without the melder key's secret; a benchmark's meldingen are synthetic.
        start.Environment.TryAdd("Privacy__MelderSleutelGeheim", "benchmark-melder-sleutel-geheim");
        start.Environment["Jobs__RunServer"] = "false";
        // The per-client limit (6,000 a minute) would throttle the benchmark's single client: lift it for this process.
        start.Environment["Limits__RequestsPerMinutePerClient"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var api = new ApiProcess(Process.Start(start)!, baseAddress);
        api._process.OutputDataReceived += (_, e) => api.Remember(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Remember(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        await api.WaitUntilHealthyAsync(TimeSpan.FromSeconds(90));
        return api;
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                break;
            }
            try
            {
                // With Jobs:RunServer=false /health answers 503 for the missing Hangfire server: ready means the database is.
                using var response = await client.GetAsync("/health");
                var health = await response.Content.ReadFromJsonAsync<HealthApi.HealthReport>();
                if (health is { Database: true, MigrationsCurrent: true })
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await DisposeAsync();
        lock (_lastOutput)
        {
            throw new InvalidOperationException($"The API did not become healthy within {timeout.TotalSeconds} s:\n{string.Join('\n', _lastOutput)}");
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lastOutput)
        {
            _lastOutput.Enqueue(line);
            if (_lastOutput.Count > 40)
            {
                _lastOutput.Dequeue();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
