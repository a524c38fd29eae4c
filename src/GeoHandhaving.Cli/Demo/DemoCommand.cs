using System.CommandLine;
using System.Globalization;
using GeoHandhaving.Cli.Demo;

namespace GeoHandhaving.Cli;

/// <summary>geoh demo: the fictional demo gemeente Demodorp (GM9999) for demos and tests.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var group = new Command("demo", "Demo gemeente Demodorp (GM9999): generated boundaries, addresses, schools, boa's and meldingen");
        group.Subcommands.Add(Generate());
        return group;
    }

    private static Command Generate()
    {
        var outOption = new Option<string>("--out") { Description = "Output folder", DefaultValueFactory = _ => "data/demo" };
        var seedOption = new Option<int>("--seed") { Description = "Random seed; the same seed gives the same files", DefaultValueFactory = _ => 42 };
        var scaleOption = new Option<double>("--scale")
        {
            Description = "Multiplier for the number of addresses (20 000) and meldingen (50 000); the geometry does not change",
            DefaultValueFactory = _ => 1.0,
        };
        // Above 2 the densest wijk runs out of PC6 codes (one PC4 per wijk).
        scaleOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is <= 0 or > 2)
            {
                result.AddError("--scale must be above 0 and at most 2");
            }
        });
        var holidaysOption = new Option<string>("--schoolvakanties")
        {
            Description = "School holiday file (regio noord is used)", DefaultValueFactory = _ => "data/schoolvakanties.csv",
        };
        var command = new Command("generate", "Generate the demo gemeente into a folder (deterministic for a seed)")
        {
            outOption, seedOption, scaleOption, holidaysOption,
        };
        command.SetAction((ParseResult pr, CancellationToken ct) =>
        {
            var calendar = DemoSchoolDays.Load(pr.GetValue(holidaysOption)!, "noord");
            var demo = DemoGemeente.Generate(pr.GetValue(seedOption), pr.GetValue(scaleOption), calendar);
            var output = pr.GetValue(outOption)!;
            DemoFiles.WriteAll(demo, output);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{output}: {demo.Town.Wijken.Count} wijken, {demo.Town.Buurten.Count} buurten, {demo.Streets.Count} straten, " +
                $"{demo.Addresses.Count} adressen, {demo.Schools.Count} scholen, {demo.Boas.Count} boa's, {demo.Meldingen.Count} meldingen"));
            foreach (var pattern in demo.Meldingen.GroupBy(m => m.Patroon).OrderByDescending(g => g.Count()))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {pattern.Key,-18} {pattern.Count(),6} meldingen"));
            }
            return Task.FromResult(0);
        });
        return command;
    }
}
