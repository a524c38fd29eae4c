using System.Diagnostics;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>Runs a real client (node + Chromium, GDAL's ogrinfo) and returns what it printed.</summary>
public static class ExternalTool
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>The folder of the browser scripts (playwright-core from npm drives the system Chromium).</summary>
    public static readonly string BrowserFolder = SharedData.Repo("tests/GeoHandhaving.Api.Tests/Heatmap/browser");

    /// <summary>Runs one of the browser scripts with node, installing playwright-core first when it is missing.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunBrowserScriptAsync(string script, params string[] arguments)
    {
        if (!Directory.Exists(Path.Combine(BrowserFolder, "node_modules", "playwright-core")))
        {
            var install = await RunAsync("npm", BrowserFolder, "ci", "--no-audit", "--no-fund");
            if (install.ExitCode != 0) return install;
        }
        return await RunAsync("node", BrowserFolder, [script, .. arguments]);
    }
}
