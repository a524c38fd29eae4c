using System.CommandLine;
using System.Text.Json;
using GeoHandhaving.Api.Gemeenten;
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
    private static readonly Option<string?> CodeProperty = new("--code-property") { Description = "Property holding the code (default: WK_CODE/BU_CODE, wijkcode/buurtcode, code)" };
    private static readonly Option<string?> NameProperty = new("--name-property") { Description = "Property holding the name (default: WK_NAAM/BU_NAAM, wijknaam/buurtnaam, naam)" };
    private static readonly Option<long?> Wijkindeling = new("--wijkindeling") { Description = "Draft wijkindeling id (default: the active one, created when missing)" };

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
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON FeatureCollection or GeoPackage (.gpkg, first feature table)" };
        var command = new Command(name, description) { file, Gemeente, GemeenteNaam, Grens, CodeProperty, NameProperty };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddWijken(CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
            var gemeente = await scope.ServiceProvider.GetRequiredService<GemeenteStore>().EnsureAsync(pr.GetValue(Gemeente)!, pr.GetValue(GemeenteNaam), ct);
            if (pr.GetValue(Grens) is { } grens && await import.SetGrensAsync(gemeente.Id, await ReadAsync(grens, ct), ct) is { } grensFout)
            {
                return Refused(grens, grensFout);
            }
            var opties = new ImportOpties(pr.GetValue(CodeProperty), pr.GetValue(NameProperty),
                extra.Contains(Wijkindeling) ? pr.GetValue(Wijkindeling) : null);
            var result = await action(import, new Actor(gemeente.Id, "geoh:" + Environment.UserName), await ReadAsync(pr.GetValue(file)!, ct), opties, ct);
            if (result.Fout is { } fout)
            {
                return Refused(pr.GetValue(file)!, fout);
            }
            var rapport = result.Rapport!;
            Console.WriteLine($"{name}: {rapport.Aangemaakt} aangemaakt, {rapport.Gewijzigd} gewijzigd, {rapport.Ongewijzigd} ongewijzigd, {rapport.Afgewezen.Count} afgewezen");
            foreach (var afgewezen in rapport.Afgewezen)
            {
                Console.WriteLine($"  feature {afgewezen.Index} ({afgewezen.Code ?? "zonder code"}), {afgewezen.Veld}: {afgewezen.Reden}");
            }
            return rapport.Afgewezen.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command GemeenteImport()
    {
        var file = new Argument<FileInfo>("file") { Description = "GeoJSON with the gemeentegrens (all polygons are united)" };
        var command = new Command("gemeente", "Create the gemeente if missing and set its gemeentegrens.") { file, Gemeente, GemeenteNaam };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddWijken(CliHost.Configuration));
            await using var scope = services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
            var gemeente = await scope.ServiceProvider.GetRequiredService<GemeenteStore>().EnsureAsync(pr.GetValue(Gemeente)!, pr.GetValue(GemeenteNaam), ct);
            if (await import.SetGrensAsync(gemeente.Id, await ReadAsync(pr.GetValue(file)!, ct), ct) is { } fout)
            {
                return Refused(pr.GetValue(file)!, fout);
            }
            Console.WriteLine($"gemeentegrens van {gemeente.Id} ({gemeente.Naam}) gezet");
            return 0;
        });
        return command;
    }

    /// <summary>The file as a whole cannot be imported: the reason on stderr, exit code 2.</summary>
    private static int Refused(FileInfo file, WijkFout fout)
    {
        Console.Error.WriteLine($"{file.Name}: {fout.Omschrijving}");
        return 2;
    }

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
