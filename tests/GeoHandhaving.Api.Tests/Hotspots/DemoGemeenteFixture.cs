using System.CommandLine;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Cli.Import;
using GeoHandhaving.Testing;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>
/// The demo gemeente (GM9999) loaded once with `geoh import demo`, exactly as scripts/run.sh does: the end-to-end
/// data for the hotspot and briefing tests.
/// </summary>
public sealed class DemoGemeenteFixture
{
    public const string Gemeente = "GM9999";
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static bool _loaded;

    public async Task LoadAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (_loaded) return;
            var exit = await DemoImport.Create().Parse(["--folder", SharedData.Repo("data/demo")]).InvokeAsync();
            Assert.Equal(0, exit);
            _loaded = true;
        }
        finally
        {
            Once.Release();
        }
    }
}
