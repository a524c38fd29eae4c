using System.Globalization;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Cli;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>geoh hotspots recompute, predict and evaluate: the service's model from the command line.</summary>
[Collection(ApiCollection.Name)]
public class HotspotsCommandsTests : IClassFixture<DemoGemeenteFixture>
{
    public HotspotsCommandsTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _ = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private static readonly SemaphoreSlim ConsoleOnce = new(1, 1);

    private static async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        await ConsoleOnce.WaitAsync();
        var (original, originalError) = (Console.Out, Console.Error);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        try
        {
            Console.SetOut(output);
            Console.SetError(output);
            var exit = await HotspotsCommands.Create().Parse(args).InvokeAsync();
            return (exit, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
            Console.SetError(originalError);
            ConsoleOnce.Release();
        }
    }

    [Fact]
    public async Task Recompute_prints_the_run_with_its_backtest_per_window_group()
    {
        var (exit, output) = await RunAsync("recompute", "--gemeente", DemoGemeenteFixture.Gemeente);

        Assert.Equal(0, exit);
        Assert.Matches(@"run \d+ \(Voltooid\): \d+ meldingen", output);
        foreach (var venster in new[] { "alle-uren", "schoolbrengen", "schoolhalen", "uitgaansnacht" })
        {
            Assert.Contains($"backtest {venster}: ", output);
        }
        Assert.Matches(@"van de meldingen in 1 % van het gebied en \d+ % in 5 %; (een telling \d+ % en \d+ %|dit is een telling)", output);
    }

    [Fact]
    public async Task Evaluate_and_predict_run_the_model_on_an_events_file_and_say_how_it_compares_with_a_count()
    {
        // A year of meldingen in lon/lat: a busy street that stays, another that started two months before the cut.
        var random = new Random(7);
        var csv = Path.Combine(Path.GetTempPath(), $"geoh-events-{Guid.NewGuid():N}.csv");
        var start = new DateTime(2025, 1, 1);
        var lines = new List<string> { "requested_at,category,lat,lon" };
        for (var i = 0; i < 6000; i++)
        {
            var at = start.AddMinutes(random.Next(450 * 24 * 60));
            var (lat, lon) = (i % 3) switch
            {
                0 => (52.36 + random.NextDouble() * 0.002, 4.88 + random.NextDouble() * 0.002),
                1 when at > new DateTime(2025, 11, 1) => (52.37 + random.NextDouble() * 0.002, 4.90 + random.NextDouble() * 0.002),
                _ => (52.33 + random.NextDouble() * 0.06, 4.84 + random.NextDouble() * 0.1),
            };
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss},parkeeroverlast,{lat:F6},{lon:F6}"));
        }
        // Another kind of melding elsewhere, which --category leaves out.
        for (var i = 0; i < 500; i++)
        {
            var (at, lat, lon) = (start.AddMinutes(random.Next(450 * 24 * 60)), 52.30 + random.NextDouble() * 0.01, 4.80 + random.NextDouble() * 0.01);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss},afval,{lat:F6},{lon:F6}"));
        }
        await File.WriteAllLinesAsync(csv, lines);
        var geojson = Path.ChangeExtension(csv, ".geojson");
        try
        {
            var (exit, output) = await RunAsync("evaluate", "--events", csv, "--cut", "2026-01-01", "--tz", "Europe/Amsterdam",
                "--category", "Parkeeroverlast");
            Assert.Equal(0, exit);
            Assert.Contains("6000 events; window: alle-uren", output);
            Assert.Matches(@"2026-01-01  best possible .*study area \d+\.\d km², 1 % = \d+ cells", output);
            Assert.Matches(@"2026-01-01  model ÷ count .*95 % interval \d\.\d\d–\d\.\d\d / ", output);
            Assert.Matches(@"2026-01-01  ceiling ÷ count +\| +\d\.\d\d", output);
            Assert.Contains("2026-01-01  model ", output);
            Assert.Contains("2026-01-01  count ", output);
            Assert.Matches(@"hotspots-predict: window='.+' cuts=2026-01-01 ratio_1pct_min=\d+\.\d\d ratio_5pct_min=\d+\.\d\d.* " +
                @"ceiling_1pct_min=\d+\.\d\d", output);

            (exit, output) = await RunAsync("evaluate", "--events", csv, "--cut", "2026-01-01", "--category", "parkeren");
            Assert.Equal(1, exit);
            Assert.Contains("--category: the file has no category 'parkeren'; known: afval, parkeeroverlast", output);

            (exit, output) = await RunAsync("predict", "--events", csv, "--train-until", "2026-01-01", "--tz", "Europe/Amsterdam", "--out", geojson);
            Assert.Equal(0, exit);
            Assert.Contains("backtest alle-uren: ", output);
            var written = await File.ReadAllTextAsync(geojson);
            Assert.Contains("\"type\":\"FeatureCollection\"", written);
            Assert.Contains("\"setting\":", written);
            Assert.Contains("\"per_hour\":", written);
        }
        finally
        {
            File.Delete(csv);
            File.Delete(geojson);
        }
    }
}
