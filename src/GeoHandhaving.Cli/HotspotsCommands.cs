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

    private static readonly Option<FileInfo> EventsOption = new("--events") { Description = "events CSV(.gz): requested_at, category, lat, lon[, address]", Required = true };
    private static readonly Option<string?> WindowOption = new("--window") { Description = "time window, e.g. 'mon-fri 07:00-09:00' (default: all hours)" };
    private static readonly Option<string> TzOption = new("--tz") { Description = "zone for timestamps without offset and for dates", DefaultValueFactory = _ => "Europe/Amsterdam" };
    private static readonly Option<double> CellOption = new("--cell") { Description = "cell size in metres", DefaultValueFactory = _ => 100 };
    private static readonly Option<double?> HalfLifeOption = new("--half-life") { Description = "recency half-life in days (0 = no decay; default: recommended)" };
    private static readonly Option<DecayShape?> DecayOption = new("--decay") { Description = "recency decay shape: Exponential, Hyperbolic" };
    private static readonly Option<RepeatDamping?> DampingOption = new("--damping") { Description = "repeat-address damping: None, SquareRoot, Logarithmic" };
    private static readonly Option<double?> PriorOption = new("--prior") { Description = "weight of the all-hours pattern in a window (empirical-Bayes strength)" };
    private static readonly Option<double?> NeighbourOption = new("--neighbour") { Description = "weight of the 8 surrounding cells' mean score" };

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
            Console.WriteLine($"{code}: schoolregio {pr.GetValue(regio).ToString().ToLowerInvariant()}; schoolvakanties bekend tot {kalender.CoveredUntil(pr.GetValue(regio)):yyyy-MM-dd}; herbereken met geoh hotspots recompute --gemeente {code}");
            return 0;
        });
        return command;
    }

    private static Command Predict()
    {
        var trainUntil = new Option<string>("--train-until") { Description = "use only events before this local date (yyyy-MM-dd)", Required = true };
        var areaShare = new Option<double>("--area-share") { Description = "largest share of the study area to flag (0–1)", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "GeoJSON file to write", Required = true };
        var command = new Command("predict", "rank hotspot polygons (WGS84 GeoJSON) within an area budget");
        foreach (var option in new Option[] { EventsOption, trainUntil, areaShare, WindowOption, TzOption, CellOption, HalfLifeOption, DecayOption, DampingOption, PriorOption, NeighbourOption, output })
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult pr, CancellationToken ct) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(pr.GetValue(TzOption)!);
            var study = EventStudy.FromCsv(EventsCsvReader.Read(pr.GetValue(EventsOption)!.FullName, zone));
            var window = ParseWindow(pr.GetValue(WindowOption));
            var cut = LocalMidnight(pr.GetValue(trainUntil)!, zone);
            var grid = study.Grid(pr.GetValue(CellOption));
            var scores = CellRiskModel.Score(study.Events, grid, window, cut, Parameters(pr));
            var hotspots = HotspotPrediction.Predict(scores, grid, pr.GetValue(areaShare), study.StudyArea);
            using (var stream = File.Create(pr.GetValue(output)!.FullName))
            {
                HotspotGeoJson.Write(stream, hotspots, study.Projection, new Dictionary<string, string>
                {
                    ["window"] = window is null ? "all hours" : pr.GetValue(WindowOption)!,
                    ["train_until"] = cut.ToString("O", CultureInfo.InvariantCulture),
                    ["study_area_km2"] = (study.StudyArea / 1e6).ToString("F1", CultureInfo.InvariantCulture),
                });
            }
            var flaggedArea = hotspots.Sum(h => h.Polygon.Area);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hotspots.Count} hotspots, {flaggedArea / 1e6:F3} km² of {study.StudyArea / 1e6:F1} km² study area (convex hull) -> {pr.GetValue(output)!.FullName}"));
            return Task.FromResult(0);
        });
        return command;
    }

    private static Command Evaluate()
    {
        var cuts = new Option<string>("--cut") { Description = "cut date(s), comma separated (yyyy-MM-dd, local)", Required = true };
        var days = new Option<int>("--days") { Description = "test period after each cut", DefaultValueFactory = _ => 28 };
        var command = new Command("evaluate", "back-test: hit rate, PAI, PEI* at 1/5/10 % of the area versus count and KDE baselines");
        foreach (var option in new Option[] { EventsOption, cuts, WindowOption, TzOption, days, CellOption, HalfLifeOption, DecayOption, DampingOption, PriorOption, NeighbourOption })
        {
            command.Options.Add(option);
        }
        command.SetAction((ParseResult pr, CancellationToken ct) =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(pr.GetValue(TzOption)!);
            var study = EventStudy.FromCsv(EventsCsvReader.Read(pr.GetValue(EventsOption)!.FullName, zone));
            var window = ParseWindow(pr.GetValue(WindowOption));
            List<RankingMethod> methods =
            [
                RankingMethod.FromParameters("method", Parameters(pr)),
                RankingMethod.FromParameters("count", CellRiskParameters.CountBaseline),
                RankingMethod.KernelDensity(200),
            ];
            if (window is not null)
            {
                methods.Add(new RankingMethod("count all hours", (events, grid, _, cut) => CellRiskModel.Score(events, grid, null, cut, CellRiskParameters.CountBaseline)));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"study area (convex hull of all {study.Events.Count} events): {study.StudyArea / 1e6:F1} km²; window: {pr.GetValue(WindowOption) ?? "all hours"}; test {pr.GetValue(days)} days"));
            Console.WriteLine($"{"cut",-11} {"method",-16} {"test N",7} | {"hit 1%",6} {"hit 5%",6} {"hit 10%",7} | {"PAI 1%",6} {"PAI 5%",6} {"PAI 10%",7} | {"PEI* 1%",7} {"PEI* 5%",7} {"PEI* 10%",8}");
            foreach (var cutText in pr.GetValue(cuts)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var rows = HotspotBacktest.Run(study, LocalMidnight(cutText, zone), TimeSpan.FromDays(pr.GetValue(days)), window, pr.GetValue(CellOption), AreaShares, methods);
                foreach (var row in rows)
                {
                    PrintRow(cutText, row.Method, row.Scores);
                }
                var best = rows[0].Scores;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{cutText,-11} {"best possible",-16} {best[0].TestEvents,7} | {best[0].BestPossibleHitRate,6:F3} {best[1].BestPossibleHitRate,6:F3} {best[2].BestPossibleHitRate,7:F3} |"));
            }
            return Task.FromResult(0);
        });
        return command;
    }

    private static void PrintRow(string cut, string method, IReadOnlyList<AreaShareScore> s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{cut,-11} {method,-16} {s[0].TestEvents,7} | {s[0].HitRate,6:F3} {s[1].HitRate,6:F3} {s[2].HitRate,7:F3} | {s[0].Pai,6:F1} {s[1].Pai,6:F1} {s[2].Pai,7:F1} | {s[0].PeiStar,7:F3} {s[1].PeiStar,7:F3} {s[2].PeiStar,8:F3}"));

    private static CellRiskParameters Parameters(ParseResult pr)
    {
        var recommended = CellRiskParameters.Recommended;
        var halfLifeDays = pr.GetValue(HalfLifeOption);
        var shape = pr.GetValue(DecayOption) ?? recommended.Recency!.Shape;
        return new CellRiskParameters(
            halfLifeDays switch
            {
                null => recommended.Recency! with { Shape = shape },
                > 0 => new RecencyDecay(shape, TimeSpan.FromDays(halfLifeDays.Value)),
                _ => null,
            },
            pr.GetValue(DampingOption) ?? recommended.Damping,
            pr.GetValue(PriorOption) ?? recommended.WindowPriorStrength,
            pr.GetValue(NeighbourOption) ?? recommended.NeighbourWeight);
    }

    private static TimeWindow? ParseWindow(string? text) => text is null ? null : TimeWindowParser.Parse("window", text);

    private static DateTimeOffset LocalMidnight(string date, TimeZoneInfo zone)
    {
        var local = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToDateTime(TimeOnly.MinValue);
        return AmsterdamTime.ToInstant(local, zone);
    }
}
