using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Ogc;
using GeoHandhaving.Cli.Infrastructure;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Districting;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Actor = GeoHandhaving.Api.Wijken.Actor;
using CoverageQueries = GeoHandhaving.Api.Wijken.CoverageQueries;
using WijkenServices = GeoHandhaving.Api.Wijken.WijkenServices;
using WijkenStore = GeoHandhaving.Api.Wijken.WijkenStore;
using Wijkindelingen = GeoHandhaving.Api.Wijken.Wijkindelingen;

namespace GeoHandhaving.Cli.Wijken;

/// <summary>`geoh wijken …`: wijkindeling tools. Add a subcommand as one more method and one line in <see cref="Create"/>.</summary>
internal static class WijkenCommands
{
    private static readonly string[] BuurtCodeProperties = ["buurtcode", "BU_CODE"];
    private static readonly string[] WijkCodeProperties = ["wijkcode", "WK_CODE", "wijk"];

    public static Command Create()
    {
        var wijken = new Command("wijken", "Wijkindeling: coverage check and proposals from buurten");
        wijken.Subcommands.Add(CheckCommand());
        wijken.Subcommands.Add(ConceptCommand());
        wijken.Subcommands.Add(ProposeCommand());
        return wijken;
    }

    /// <summary>geoh wijken check: the coverage check of GET /api/v1/wijkindelingen/{id}/dekking, for scripts and CI.</summary>
    private static Command CheckCommand()
    {
        var gemeente = GemeenteOption.Create(defaultCode: null);
        var wijkindeling = new Option<long?>("--wijkindeling") { Description = "Wijkindeling id (default: the active one)" };
        var check = new Command("check", "Check a wijkindeling for gaps, overlaps and slivers; exit code 1 when it has any.") { gemeente, wijkindeling };
        check.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => WijkenServices.AddWijken(s, CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            var gemeenteId = pr.GetValue(gemeente)!;
            var indeling = await scope.ServiceProvider.GetRequiredService<WijkenStore>().WijkindelingAsync(gemeenteId, pr.GetValue(wijkindeling), ct);
            if (indeling is null)
            {
                Console.Error.WriteLine($"geen wijkindeling gevonden voor {gemeenteId}");
                return 2;
            }
            var rapport = await scope.ServiceProvider.GetRequiredService<CoverageQueries>().CheckAsync(gemeenteId, indeling.Id, ct);
            Console.WriteLine($"wijkindeling {indeling.Id} ({indeling.Naam}, {indeling.Status}): " +
                (rapport.Dekkend ? "dekkend" : $"{rapport.Problemen.Count} probleem/problemen") +
                (rapport.GrensBekend ? "" : " (geen gemeentegrens: gaten niet gecontroleerd)"));
            foreach (var p in rapport.Problemen)
            {
                var centroid = p.Geometrie.InteriorPoint.Coordinate;
                Console.WriteLine($"  {p.Soort,-15} {p.OppervlakteM2,12:N2} m²  {p.WijkA} {p.WijkB}  bij RD ({centroid.X:F1}, {centroid.Y:F1})");
            }
            return rapport.Dekkend ? 0 : 1;
        });
        return check;
    }

    /// <summary>geoh wijken concept: POST /api/v1/wijkindelingen, a draft copied from the active wijkindeling, for QGIS to edit.</summary>
    private static Command ConceptCommand()
    {
        var gemeente = GemeenteOption.Create(defaultCode: null);
        var naam = new Option<string?>("--naam") { Description = "Name of the draft (default: 'Concept van {active} ({date})')" };
        var command = new Command("concept", "A new draft wijkindeling, a copy of the active one; print its id and OGC collection.") { gemeente, naam };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => WijkenServices.AddWijken(s, CliHost.Configuration)
                .AddJobClient(CliHost.Configuration).AddHotspots(CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            var actor = new Actor(pr.GetValue(gemeente)!, $"geoh:{Environment.UserName}");
            var concept = await scope.ServiceProvider.GetRequiredService<Wijkindelingen>().CreateDraftAsync(actor, pr.GetValue(naam), true, ct);
            Console.WriteLine($"concept {concept.Id} '{concept.Naam}': in QGIS de OGC-collectie {OgcApi.CollectionId(concept)} van /ogc; " +
                $"activeren: POST /api/v1/wijkindelingen/{concept.Id}/activeer");
            return 0;
        });
        return command;
    }

    private static Command ProposeCommand()
    {
        var buurtenOption = new Option<FileInfo>("--buurten") { Description = "Buurten GeoJSON (RD New with crs member, or CRS84)", Required = true };
        var addressesOption = new Option<FileInfo?>("--workload-addresses")
        {
            Description = "BAG address CSV (.csv or .csv.gz) with x_rd,y_rd columns: " +
            "workload = addresses per buurt"
        };
        var meldingenOption = new Option<FileInfo?>("--workload-meldingen")
        {
            Description = "Meldingen GeoJSON points (property `categorie`): workload = " +
            "weighted meldingen per buurt"
        };
        var categoryWeightsOption = new Option<string?>("--category-weights")
        {
            Description = "Weights per melding category, e.g. geluid=2,afval=0.5 (others " +
            "weigh 1)"
        };
        var countOption = new Option<int>("--count") { Description = "Number of wijken", Required = true };
        var seedOption = new Option<int>("--seed") { Description = "Random seed (same seed, same proposal)", DefaultValueFactory = _ => 1 };
        var compactnessOption = new Option<double>("--compactness")
        {
            Description = "Weight of compactness (Polsby–Popper) against balance",
            DefaultValueFactory = _ => 1.0
        };
        var toleranceOption = new Option<double>("--tolerance")
        {
            Description = "Allowed relative deviation from the mean workload", DefaultValueFactory = _ =>
            0.05
        };
        var iterationsOption = new Option<int>("--iterations")
        {
            Description = "Single-buurt moves tried (annealing) per start", DefaultValueFactory = _ =>
            1_000_000
        };
        var recombinationsOption = new Option<int?>("--recombinations")
        {
            Description = $"Merge-and-split steps of adjacent wijken per start (default " +
            $"{DistrictingOptions.RecombinationStepsPerWijk} per wijk)"
        };
        var startsOption = new Option<int>("--starts")
        {
            Description = "Independent starts at most; stops at the first within the tolerance",
            DefaultValueFactory = _ => DistrictingOptions.DefaultStarts
        };
        var currentOption = new Option<FileInfo?>("--current") { Description = "Today's wijken GeoJSON, to compare with (and to keep, see --keep-current)" };
        var keepCurrentOption = new Option<double>("--keep-current")
        {
            Description = "Weight of not cutting through today's wijken", DefaultValueFactory = _ =>
            0.0
        };
        var lockOption = new Option<string[]>("--lock")
        {
            Description = "Buurt locked to a wijk number, e.g. BU0363AA01=3 (W03); repeatable",
            AllowMultipleArgumentsPerToken = true
        };
        var codePropertyOption = new Option<string?>("--code-property") { Description = "Buurt code property (default: buurtcode or BU_CODE)" };
        var outOption = new Option<FileInfo>("--out") { Description = "Proposal GeoJSON: one feature per wijk, in the CRS of --buurten", Required = true };

        var command = new Command("propose", "Propose contiguous, compact wijken of balanced workload from buurten")
        {
            buurtenOption, addressesOption, meldingenOption, categoryWeightsOption, countOption, seedOption, compactnessOption,
            toleranceOption, iterationsOption, recombinationsOption, startsOption, currentOption, keepCurrentOption, lockOption, codePropertyOption, outOption,
        };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(addressesOption) is null) == (result.GetValue(meldingenOption) is null))
            {
                result.AddError("Give exactly one of --workload-addresses and --workload-meldingen.");
            }
        });
        command.SetAction((ParseResult parse) =>
        {
            var stopwatch = Stopwatch.StartNew();
            var buurtenFile = GeoJsonFile.Read(parse.GetValue(buurtenOption)!.FullName);
            var buurten = ReadBuurten(buurtenFile, parse.GetValue(codePropertyOption));
            var workload = parse.GetValue(addressesOption) is { } addresses
                ? Workload.FromAddresses(buurten, ReadRdPoints(addresses.FullName))
                : Workload.FromMeldingen(buurten, ReadMeldingen(parse.GetValue(meldingenOption)!.FullName),
                    CategoryWeight(parse.GetValue(categoryWeightsOption)));
            var current = parse.GetValue(currentOption) is { } currentFile ? CurrentWijkByBuurt(buurten, currentFile.FullName) : null;

            var progress = new Progress("voorstel");
            var result = WijkProposer.Propose(buurten, workload.PerBuurt, new DistrictingOptions
            {
                WijkCount = parse.GetValue(countOption),
                Seed = parse.GetValue(seedOption),
                CompactnessWeight = parse.GetValue(compactnessOption),
                BalanceTolerance = parse.GetValue(toleranceOption),
                Iterations = parse.GetValue(iterationsOption),
                RecombinationSteps = parse.GetValue(recombinationsOption),
                Starts = parse.GetValue(startsOption),
                CurrentWijkByBuurt = current,
                KeepCurrentWeight = parse.GetValue(keepCurrentOption),
                LockedWijkByBuurt = Locks(parse.GetValue(lockOption)),
            }, new SynchronousProgress<DistrictingProgress>(p => progress.Report(p.ToString())));
            progress.Done($"{result.Stats.WijkCount} wijken in {result.Runtime.TotalSeconds:F1} s");
            var outFile = parse.GetValue(outOption)!.FullName;
            buurtenFile.WriteWithSameCrs(outFile, ToFeatures(result, buurtenFile));

            PrintSummary(result, workload, outFile, stopwatch.Elapsed);
            return 0;
        });
        return command;
    }

    private static List<Buurt> ReadBuurten(GeoJsonFile file, string? codeProperty)
    {
        var properties = codeProperty is null ? BuurtCodeProperties : [codeProperty];
        return file.Features.Select(f => new Buurt(CodeOf(f, properties), file.ToRd(f.Geometry))).ToList();
    }

    private static string CodeOf(IFeature feature, string[] properties) =>
        properties.Where(feature.Attributes.Exists).Select(p => feature.Attributes[p]?.ToString()).FirstOrDefault(c => c is not null)
        ?? throw new InvalidDataException($"a feature has none of the code properties {string.Join(", ", properties)}");

    /// <summary>The RD points of a BAG address CSV (the layout the geocoder reads; bad rows are skipped and counted).</summary>
    private static IEnumerable<Coordinate> ReadRdPoints(string path)
    {
        var errors = new List<BagCsvRowError>();
        foreach (var address in BagCsvReader.ReadFile(path, errors))
        {
            yield return new Coordinate(address.XRd, address.YRd);
        }
        if (errors.Count > 0)
        {
            Console.Error.WriteLine($"{path}: {errors.Count} address rows skipped (first: row {errors[0].RowNumber}, {errors[0].Field}: {errors[0].Reason})");
        }
    }

    /// <summary>Meldingen as GeoJSON points; category from `categorie` (or `category`), time from `gemeld_op` when present.</summary>
    private static List<MeldingPoint> ReadMeldingen(string path)
    {
        var file = GeoJsonFile.Read(path);
        return file.Features.Select(f => new MeldingPoint(
            file.ToRd(f.Geometry).Coordinate,
            f.Attributes.Exists("categorie") ? f.Attributes["categorie"]?.ToString()
                ?? "" : f.Attributes.Exists("category") ? f.Attributes["category"]?.ToString() ?? "" : "",
            f.Attributes.Exists("gemeld_op")
                && DateTimeOffset.TryParse(f.Attributes["gemeld_op"]?.ToString(), CultureInfo.InvariantCulture, out var at) ? at : default))
            .ToList();
    }

    /// <summary>Category weights from "cat=w,cat=w"; the CLI has no time windows yet, so every window weighs 1.</summary>
    private static Func<MeldingPoint, double> CategoryWeight(string? weights)
    {
        var byCategory = (weights ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => double.Parse(pair[1], CultureInfo.InvariantCulture));
        return Workload.ByCategoryAndWindow(byCategory, _ => 1);
    }

    /// <summary>"BUURT=N" pairs, N the 1-based wijk number as in the generated codes, to 0-based wijk indexes.</summary>
    private static Dictionary<string, int> Locks(string[]? locks) =>
        (locks ?? []).Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => int.Parse(pair[1], CultureInfo.InvariantCulture) - 1);

    /// <summary>Today's wijk of each buurt: the wijk that covers the buurt's interior point.</summary>
    private static Dictionary<string, string> CurrentWijkByBuurt(IReadOnlyList<Buurt> buurten, string path)
    {
        var file = GeoJsonFile.Read(path);
        var wijken = file.Features
            .Select(f => (Code: CodeOf(f, WijkCodeProperties), Shape: PreparedGeometryFactory.Prepare(file.ToRd(f.Geometry))))
            .ToList();
        return buurten
            .Select(b => (b.Code, Wijk: wijken.FirstOrDefault(w => w.Shape.Covers(b.Geometry.InteriorPoint)).Code))
            .Where(x => x.Wijk is not null)
            .ToDictionary(x => x.Code, x => x.Wijk);
    }

    private static FeatureCollection ToFeatures(DistrictingResult result, GeoJsonFile crsOf)
    {
        var features = new FeatureCollection();
        foreach (var wijk in result.Wijken)
        {
            features.Add(new Feature(crsOf.FromRd(wijk.Geometry), new AttributesTable
            {
                { "wijk", wijk.Code },
                { "workload", wijk.Workload },
                { "buurten", wijk.BuurtCodes.ToArray() },
                { "area_m2", Math.Round(wijk.AreaM2, 1) },
                { "compactness", Math.Round(wijk.PolsbyPopper, 4) },
                { "n_buurten", wijk.BuurtCount },
                { "relative_deviation", Math.Round(wijk.RelativeDeviation(result.Stats.MeanWorkload), 4) },
                { "contiguous", wijk.IsContiguous },
            }));
        }
        return features;
    }

    private static void PrintSummary(DistrictingResult result, BuurtWorkload workload, string outFile, TimeSpan total)
    {
        Console.WriteLine($"{"wijk",-6} {"buurten",7} {"workload",10} {"dev",7} {"km²",8} {"PP",6}");
        foreach (var w in result.Wijken)
        {
            Console.WriteLine($"{w.Code,-6} {w.BuurtCount,7} {w.Workload,10:F0} {w.RelativeDeviation(result.Stats.MeanWorkload),7:P1} " +
                $"{w.AreaM2 / 1e6,8:F2} {w.PolsbyPopper,6:F3}{(w.IsContiguous ? "" : "  NOT CONTIGUOUS")}");
        }
        Console.WriteLine(Figures("proposal", result.Stats));
        Console.WriteLine(result.Balance.WithinTolerance
            ? $"balance: every wijk within {result.Balance.Tolerance:P0} of the mean"
            : $"balance NOT within {result.Balance.Tolerance:P0}: {result.Balance.Reason}");
        if (result.Current is { } current)
        {
            Console.WriteLine(Figures("current ", current.Stats));
        }
        Console.WriteLine($"islands: {result.Islands.ComponentCount} part(s); {result.Islands.Policy}");
        foreach (var edge in result.Islands.VirtualEdges)
        {
            Console.WriteLine($"  virtual edge {edge.FromCode} – {edge.ToCode} ({edge.GapM:F0} m apart)");
        }
        if (workload.OutsideAllBuurten > 0)
        {
            Console.WriteLine($"workload outside all buurten (ignored): {workload.OutsideAllBuurten:F0}");
        }
        Console.WriteLine($"wrote {outFile}");
        Console.WriteLine($"runtime: search {result.Runtime.TotalSeconds:F1} s ({result.Starts} start(s); best start: " +
            $"{result.RecombinationsKept} of {result.RecombinationSteps} recombinations kept, {result.AcceptedMoves} of " +
            $"{result.Iterations} moves accepted), total {total.TotalSeconds:F1} s");
    }

    private static string Figures(string label, DistrictingStats stats) =>
        $"{label}: {stats.WijkCount} wijken, mean workload {stats.MeanWorkload:F0}, max deviation {stats.MaxRelativeDeviation:P1}, " +
        $"mean PP {stats.MeanPolsbyPopper:F3} (min {stats.MinPolsbyPopper:F3}), not contiguous {stats.NonContiguousWijken}";
}
