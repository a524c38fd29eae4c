using System.CommandLine;
using System.Globalization;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Cli.Infrastructure;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli;

/// <summary>
/// geoh hotspots recompute: the service's recompute of one gemeente, run here; predict | evaluate: hotspot prediction on an
/// events CSV and its back-test against baselines.
/// </summary>
internal static class HotspotsCommands
{
    private static readonly double[] AreaShares = [0.01, 0.05, 0.10];

    private static readonly Option<FileInfo> EventsOption = new("--events")
    {
        Description = "events CSV(.gz): requested_at, category, lat, lon[, address]",
        Required = true
    };
    private static readonly Option<string?> WindowOption = new("--window") { Description = "time window, e.g. 'mon-fri 07:00-09:00' (default: all hours)" };
    private static readonly Option<string> TzOption = new("--tz")
    {
        Description = "zone for timestamps without offset and for dates",
        DefaultValueFactory = _ => "Europe/Amsterdam"
    };
    private static readonly Option<double> CellOption = new("--cell") { Description = "cell size in metres", DefaultValueFactory = _ => 100 };
    private static readonly Option<string?> CategoryOption = new("--category")
    {
        Description = "only the events of these categories, comma separated (default: all); the study area is their convex hull"
    };
    public static Command Create()
    {
        var group = new Command("hotspots", "recompute a gemeente's hotspots; predict and evaluate hotspots from an events file");
        group.Subcommands.Add(Recompute());
        group.Subcommands.Add(Schoolregio());
        group.Subcommands.Add(Predict());
        group.Subcommands.Add(Evaluate());
        return group;
    }

    private static Command Recompute()
    {
        var gemeente = GemeenteOption.Create(defaultCode: null);
        var command = new Command("recompute", "recompute the hotspots of a gemeente now (as the nightly job does) and print the run") { gemeente };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var code = pr.GetValue(gemeente)!;
            await using var services = CliHost.BuildServices(s => s.AddHotspots(CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
            if (!await db.Gemeenten.AnyAsync(g => g.Id == code, ct))
            {
                Console.Error.WriteLine($"gemeente {code} bestaat niet");
                return 1;
            }
            var runId = await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(code, "geoh hotspots recompute", null, ct);
            var run = await db.HotspotRuns.AsNoTracking().SingleAsync(r => r.GemeenteId == code && r.Id == runId, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"run {run.Id} ({run.Status}): {run.AantalMeldingen} meldingen, {run.AantalHotspots} hotspots, {run.DuurSeconden:F1} s"));
            Console.WriteLine($"parameters: {run.Parameters}");
            PrintBacktest(HotspotRunUitvoer.Van(run).Backtest);
            return 0;
        });
        return command;
    }

    private static Command Schoolregio()
    {
        var gemeente = GemeenteOption.Create(defaultCode: null);
        var regio = new Option<SchoolRegio>("--regio") { Description = "school holiday regio: noord, midden, zuid", Required = true };
        var command = new Command("schoolregio", "set the school holiday regio whose calendar decides a gemeente's school days") { gemeente, regio };
        command.SetAction(async (ParseResult pr, CancellationToken ct) =>
        {
            var code = pr.GetValue(gemeente)!;
            await using var services = CliHost.BuildServices(s => s.AddHotspots(CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<HotspotWindows>().ZetRegioAsync(code, pr.GetValue(regio), ct))
            {
                Console.Error.WriteLine($"gemeente {code} bestaat niet");
                return 1;
            }
            var kalender = await scope.ServiceProvider.GetRequiredService<SchoolCalendarStore>().LoadAsync(ct);
            Console.WriteLine($"{code}: schoolregio {pr.GetValue(regio).ToString().ToLowerInvariant()}; schoolvakanties bekend tot " +
                $"{kalender.CoveredUntil(pr.GetValue(regio)):yyyy-MM-dd}; herbereken met geoh hotspots recompute --gemeente {code}");
            return 0;
        });
        return command;
    }

    private static Command Predict()
    {
        var trainUntil = new Option<string>("--train-until") { Description = "the reference: events before this local date (yyyy-MM-dd)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "GeoJSON file to write", Required = true };
        var command = new Command("predict", "the service's hotspot model at a reference date: its hotspots (WGS84 GeoJSON) and its backtest choice");
        foreach (var option in new Option[] { EventsOption, trainUntil, WindowOption, TzOption, CellOption, CategoryOption, output })
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult pr, CancellationToken ct) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(pr.GetValue(TzOption)!);
            if (ReadStudy(pr, zone) is not { } study)
            {
                return Task.FromResult(1);
            }
            var window = ParseWindow(pr.GetValue(WindowOption));
            var cut = LocalMidnight(pr.GetValue(trainUntil)!, zone);
            var model = HotspotModel.Run(study.Events, [window], new HotspotParameters(CellSize: pr.GetValue(CellOption), Reference: cut));
            var hotspots = model.Hotspots.Windows.Single(w => w.Window == window.Name).Hotspots;
            using (var stream = File.Create(pr.GetValue(output)!.FullName))
            {
                HotspotGeoJson.Write(stream, hotspots, study.Projection, new Dictionary<string, string>
                {
                    ["window"] = TimeWindowText.Format(window),
                    ["train_until"] = cut.ToString("O", CultureInfo.InvariantCulture),
                    ["setting"] = model.Choices.Single(c => c.Window == window.Name).Setting,
                    ["study_area_km2"] = (model.Hotspots.StudyArea / 1e6).ToString("F1", CultureInfo.InvariantCulture),
                });
            }
            PrintBacktest(model.Choices.Select(BacktestVensterUitvoer.Van));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hotspots.Count} hotspots, {hotspots.Sum(h => h.Polygon.Area) / 1e6:F3} km² of {model.Hotspots.StudyArea / 1e6:F1} km² " +
                    $"(convex hull of the events before the reference) -> {pr.GetValue(output)!.FullName}"));
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>Per window group the setting the backtest chose, with its hit rate and PAI beside the count's, and the sentence.</summary>
    private static void PrintBacktest(IEnumerable<BacktestVensterUitvoer> backtest)
    {
        foreach (var b in backtest)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"backtest {b.Venster}: {b.Instelling} ({b.Perioden} origins, {b.Testmeldingen} test meldingen) hit 1 % {b.Gekozen.Trefkans1:F3} " +
                    $"(PAI {b.Gekozen.Pai1:F1}), 5 % {b.Gekozen.Trefkans5:F3} (PAI {b.Gekozen.Pai5:F1}); " +
                    $"count {b.Telling.Trefkans1:F3} / {b.Telling.Trefkans5:F3}"));
            Console.WriteLine($"  {b.Zin}");
        }
    }

    private static Command Evaluate()
    {
        var cuts = new Option<string>("--cut") { Description = "cut date(s), comma separated (yyyy-MM-dd, local)", Required = true };
        var days = new Option<int>("--days") { Description = "test period after each cut", DefaultValueFactory = _ => 28 };
        var command = new Command("evaluate",
            "the service's hotspot model at each cut versus count and KDE: hit rate, PAI, PEI* at 1/5/10 % of the area in the days after it");
        foreach (var option in new Option[] { EventsOption, cuts, WindowOption, TzOption, days, CellOption, CategoryOption })
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult pr, CancellationToken ct) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(pr.GetValue(TzOption)!);
            if (ReadStudy(pr, zone) is not { } study)
            {
                return Task.FromResult(1);
            }
            var window = ParseWindow(pr.GetValue(WindowOption));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{study.Events.Count} events; window: {window.Name} ({TimeWindowText.Format(window)}); test {pr.GetValue(days)} days; " +
                    $"the area shares are of the model's study area at each cut (convex hull of the events before it)"));
            Console.WriteLine($"{"cut",-11} {"method",-16} {"test N",7} | {"hit 1%",6} {"hit 5%",6} {"hit 10%",7} | {"PAI 1%",6} {"PAI 5%",6} {"PAI 10%",7} " +
                $"| {"PEI* 1%",7} {"PEI* 5%",7} {"PEI* 10%",8}");
            var ratios = new List<double[]>();
            var ceilings = new List<IReadOnlyList<double>>();
            var cutTexts = pr.GetValue(cuts)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var cutText in cutTexts)
            {
                var evaluation = HotspotBacktest.AtCut(study, LocalMidnight(cutText, zone), TimeSpan.FromDays(pr.GetValue(days)), window,
                    new HotspotParameters(CellSize: pr.GetValue(CellOption)), AreaShares);
                foreach (var row in evaluation.Rows)
                {
                    PrintRow(cutText, row.Method, row.Scores);
                }
                var best = evaluation.Rows[0].Scores;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cutText,-11} {"best possible",-16} {best[0].TestEvents,7} | {best[0].BestPossibleHitRate,6:F3} {best[1].BestPossibleHitRate,6:F3} " +
                        $"{best[2].BestPossibleHitRate,7:F3} |  study area {evaluation.StudyArea / 1e6:F1} km², 1 % = {best[0].FlaggedCells} cells"));
                var (model, count) = (evaluation.Rows.Single(r => r.Method == HotspotBacktest.Model).Scores,
                    evaluation.Rows.Single(r => r.Method == HotspotBacktest.Count).Scores);
                var ratio = model.Zip(count, (m, c) => c.HitRate > 0 ? m.HitRate / c.HitRate : double.NaN).ToArray();
                ratios.Add(ratio);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cutText,-11} {"model ÷ count",-16} {"",7} | {ratio[0],6:F2} {ratio[1],6:F2} {ratio[2],7:F2} |  setting {evaluation.Choice.Setting}; " +
                        $"95 % interval {Interval(evaluation.RatioInterval[0])} / {Interval(evaluation.RatioInterval[1])} / {Interval(evaluation.RatioInterval[2])}"));
                var ceiling = evaluation.CeilingRatio;
                ceilings.Add(ceiling);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cutText,-11} {"ceiling ÷ count",-16} {"",7} | {ceiling[0],6:F2} {ceiling[1],6:F2} {ceiling[2],7:F2} |  " +
                        $"knowing half the test period + history (best mix in hindsight), on the other half"));
                PrintBacktest([BacktestVensterUitvoer.Van(evaluation.Choice)]);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"hotspots-predict: window='{TimeWindowText.Format(window)}' cuts={string.Join(',', cutTexts)} " +
                    $"ratio_1pct_min={ratios.Min(r => r[0]):F2} ratio_5pct_min={ratios.Min(r => r[1]):F2} ratio_10pct_min={ratios.Min(r => r[2]):F2} " +
                    $"ceiling_1pct_min={ceilings.Min(c => c[0]):F2} ceiling_5pct_min={ceilings.Min(c => c[1]):F2}"));
            return Task.FromResult(0);
        });
        return command;
    }

    private static string Interval((double Low, double High) interval) =>
        string.Create(CultureInfo.InvariantCulture, $"{interval.Low:F2}–{interval.High:F2}");

    private static void PrintRow(string cut, string method, IReadOnlyList<AreaShareScore> s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cut,-11} {method,-16} {s[0].TestEvents,7} | {s[0].HitRate,6:F3} {s[1].HitRate,6:F3} {s[2].HitRate,7:F3} | {s[0].Pai,6:F1} {s[1].Pai,6:F1} " +
                $"{s[2].Pai,7:F1} | {s[0].PeiStar,7:F3} {s[1].PeiStar,7:F3} {s[2].PeiStar,8:F3}"));

    /// <summary>The events file, only the categories of <c>--category</c> when given; null (said on stderr) for a category it does not hold.</summary>
    private static EventStudy? ReadStudy(ParseResult pr, TimeZoneInfo zone)
    {
        var rows = EventsCsvReader.Read(pr.GetValue(EventsOption)!.FullName, zone);
        if (pr.GetValue(CategoryOption) is not { } text)
        {
            return EventStudy.FromCsv(rows);
        }
        var known = rows.Select(r => r.Category).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var wanted = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (wanted.FirstOrDefault(c => !known.Contains(c, StringComparer.OrdinalIgnoreCase)) is { } unknown)
        {
            Console.Error.WriteLine($"--category: the file has no category '{unknown}'; known: {string.Join(", ", known)}");
            return null;
        }
        return EventStudy.FromCsv([.. rows.Where(r => wanted.Contains(r.Category))]);
    }

    private static TimeWindow ParseWindow(string? text) => text is null ? DefaultTimeWindows.AllHours : TimeWindowParser.Parse("venster", text);

    private static DateTimeOffset LocalMidnight(string date, TimeZoneInfo zone)
    {
        var local = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
        return AmsterdamTime.ToInstant(local, zone);
    }
}
