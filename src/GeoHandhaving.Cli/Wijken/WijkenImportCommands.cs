using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Wijken;

/// <summary>geoh import wijken|buurten|gemeente FILE: the same <see cref="WijkenImport"/> as POST /api/v1/wijken/import.</summary>
internal static class WijkenImportCommands
{
    private static readonly Option<string> Gemeente = GemeenteOption.Create(defaultCode: null);
    private static readonly Option<string?> GemeenteNaam = new("--gemeente-naam") { Description = "Name when the gemeente is created" };
    private static readonly Option<FileInfo?> Grens = new("--grens") { Description = "GeoJSON with the gemeentegrens to set as well" };
    private static readonly Option<string?> CodeProperty = new("--code-property")
    {
        Description = "Property holding the code (default: WK_CODE/BU_CODE, " +
        "wijkcode/buurtcode, code)"
    };
    private static readonly Option<string?> NameProperty = new("--name-property")
    {
        Description = "Property holding the name (default: WK_NAAM/BU_NAAM, " +
        "wijknaam/buurtnaam, naam)"
    };
    private static readonly Option<long?> Wijkindeling = new("--wijkindeling")
    {
        Description = "Wijkindeling id (default: the active one, created when missing; a new draft of it when the file changes its geometry)",
    };
    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "Report what the import would do; write nothing" };

    /// <summary>Adds `import wijken|buurten|gemeente` (GeoJSON; RD New via its crs member, else CRS84) to the import group.</summary>
    public static void AddTo(Command import)
    {
        import.Subcommands.Add(FeatureImport("wijken", "Upsert wijken by code into the active (or named draft) wijkindeling.",
            (i, actor, json, opties, ct) => i.ImportWijkenAsync(actor, json, opties, ct), Wijkindeling));
        import.Subcommands.Add(FeatureImport("buurten", "Upsert buurten by code.",
            (i, actor, json, opties, ct) => i.ImportBuurtenAsync(actor, json, opties, ct)));
        import.Subcommands.Add(GemeenteImport());
    }

    private delegate Task<ImportResult> ImportAction(WijkenImport import, Actor actor, JsonElement json, ImportOpties opties, CancellationToken ct);

    private static Command FeatureImport(string name, string description, ImportAction action, params Option[] extra)
    {
        var fileArgument = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection or GeoPackage (.gpkg, first feature table)" };
        var command = new Command(name, description) { fileArgument, Gemeente, GemeenteNaam, Grens, CodeProperty, NameProperty, DryRun };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }
        command.SetAction((pr, ct) => WithImportAsync(pr, ct, async (import, gemeente, dryRun) =>
        {
            if (pr.GetValue(Grens) is { } grens
                && Print("gemeentegrens", grens, await import.SetGrensAsync(gemeente, await ReadAsync(grens, ct), dryRun, ct)) != 0)
            {
                return 1;
            }
            var opties = new ImportOpties(pr.GetValue(CodeProperty), pr.GetValue(NameProperty),
                extra.Contains(Wijkindeling) ? pr.GetValue(Wijkindeling) : null, dryRun);
            var file = pr.GetValue(fileArgument)!;
            return Print(name, file, await action(import, new Actor(gemeente, "geoh:" + Environment.UserName), await ReadAsync(file, ct), opties, ct));
        }));
        return command;
    }

    private static Command GemeenteImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON with the gemeentegrens (all polygons are united)" };
        var command = new Command("gemeente", "Create the gemeente if missing and set its gemeentegrens.") { file, Gemeente, GemeenteNaam, DryRun };
        command.SetAction((pr, ct) => WithImportAsync(pr, ct, async (import, gemeente, dryRun) =>
        {
            var grens = pr.GetValue(file)!;
            return Print($"gemeentegrens van {gemeente}", grens, await import.SetGrensAsync(gemeente, await ReadAsync(grens, ct), dryRun, ct));
        }));
        return command;
    }

    /// <summary>
    /// Runs <paramref name="run"/> with the wijken import of one CLI run and the gemeente it writes to. A dry run creates
    /// no gemeente either: it reports against what is there.
    /// </summary>
    private static async Task<int> WithImportAsync(ParseResult pr, CancellationToken ct, Func<WijkenImport, string, bool, Task<int>> run)
    {
        await using var services = CliHost.BuildServices(s =>
            s.AddWijken(CliHost.Configuration).AddJobClient(CliHost.Configuration).AddHotspots(CliHost.Configuration));
        await using var scope = services.CreateAsyncScope();
        var dryRun = pr.GetValue(DryRun);
        var gemeente = dryRun
            ? pr.GetValue(Gemeente)!
            : await CliHost.EnsureGemeenteAsync(services, pr.GetValue(Gemeente)!, ct, pr.GetValue(GemeenteNaam));
        return await run(scope.ServiceProvider.GetRequiredService<WijkenImport>(), gemeente, dryRun);
    }

    /// <summary>
    /// The report: counts, every refused feature with code, what and where, every snapped sliver. Exit code 0 when the
    /// file was (or with --dry-run would be) imported, 1 when features were refused (nothing written), 2 when the file
    /// as a whole cannot be read as one.
    /// </summary>
    private static int Print(string what, FileInfo file, ImportResult result)
    {
        if (result.Fout is { } fout)
        {
            Console.Error.WriteLine($"{file.Name}: {fout.Omschrijving}");
            return 2;
        }
        var rapport = result.Rapport!;
        var waar = rapport.WijkindelingId is { } id ? $" in {(rapport.Concept ? "nieuw concept" : "wijkindeling")} {id}"
            : rapport.Concept ? " in een nieuw concept" : "";
        var stand = rapport.Controle ? " (controle: niets opgeslagen)" : rapport.Opgeslagen ? "" : " (geweigerd: niets opgeslagen)";
        Console.WriteLine($"{what}: {rapport.Aangemaakt} aangemaakt, {rapport.Gewijzigd} gewijzigd, {rapport.Ongewijzigd} ongewijzigd, " +
                          $"{rapport.Afgewezen.Count} afgewezen, {rapport.Gecorrigeerd.Count} gecorrigeerd{waar}{stand}");
        foreach (var a in rapport.Afgewezen)
        {
            Console.WriteLine($"  afgewezen: feature {a.Index} ({a.Code ?? "zonder code"}), {a.Veld} [{a.Soort}]: {a.Reden}{Waar(a.Locatie)}");
        }
        foreach (var c in rapport.Gecorrigeerd)
        {
            Console.WriteLine($"  gecorrigeerd: feature {c.Index} ({c.Code}) [{c.Soort}]: {c.Omschrijving}{Waar(c.Locatie)}");
        }
        return rapport.Afgewezen.Count == 0 ? 0 : 1;
    }

    private static string Waar(double[]? locatie) =>
        locatie is [var x, var y] ? $" bij ({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)})" : "";

    /// <summary>A GeoJSON file, or the first feature table of a GeoPackage (.gpkg), as a FeatureCollection.</summary>
    public static async Task<JsonElement> ReadAsync(FileInfo file, CancellationToken ct)
    {
        if (file.Extension.Equals(".gpkg", StringComparison.OrdinalIgnoreCase))
        {
            return Api.Wijken.GeoPackageFile.ReadFeatureCollection(file.FullName);
        }
        await using var stream = file.OpenRead();
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct);
        return document.RootElement.Clone();
    }
}
