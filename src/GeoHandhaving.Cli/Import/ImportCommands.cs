using System.CommandLine;
using System.IO.Compression;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Cli.Infrastructure;
using GeoHandhaving.Cli.Wijken;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Import;

/// <summary>`geoh import …`: reference data and meldingen from files, through the same code the API uses.</summary>
internal static class ImportCommands
{
    public static readonly Option<string> Gemeente = GemeenteOption.Create();

    public static Command Create()
    {
        var import = new Command("import", "Load data from files (idempotent: a re-run creates no duplicates).");
        WijkenImportCommands.AddTo(import);
        import.Subcommands.Add(Bag());
        import.Subcommands.Add(Meldingen());
        import.Subcommands.Add(Scholen());
        import.Subcommands.Add(Schoolvakanties());
        import.Subcommands.Add(Boas());
        import.Subcommands.Add(DemoImport.Create());
        return import;
    }

    /// <summary>Opens a text file, transparently decompressing .gz.</summary>
    public static StreamReader OpenText(string path)
    {
        Stream stream = File.OpenRead(path);
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)) stream = new GZipStream(stream, CompressionMode.Decompress);
        return new StreamReader(stream);
    }

    private static Command Bag()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "BAG addresses CSV (.csv or .csv.gz; layout in data/README.md)" };
        var command = new Command("bag", "Import BAG addresses for the offline geocoder.") { file, Gemeente };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddGeocoding());
            var gemeente = await CliHost.EnsureGemeenteAsync(services, pr.GetValue(Gemeente)!, ct);
            using var reader = OpenText(pr.GetValue(file)!.FullName);
            var progress = new Progress("adressen");
            var rapport = await services.GetRequiredService<BagImport>().ImportAsync(gemeente, reader, progress.Report, ct);
            progress.Done(rapport.Gelezen);
            Console.WriteLine($"{rapport.Gelezen:N0} rijen gelezen: {rapport.Nieuw:N0} nieuw, {rapport.Bijgewerkt:N0} bijgewerkt, {rapport.Fouten.Count:N0} afgewezen");
            foreach (var fout in rapport.Fouten.Take(20)) Console.Error.WriteLine($"rij {fout.RowNumber}: {fout.Field}: {fout.Reason}");
            return rapport.Fouten.Count == 0 ? 0 : 3;
        });
        return command;
    }

    private static Command Scholen()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "GeoJSON points (DUO: vestigingscode, vestigingsnaam; RD New via crs member, else CRS84)" };
        var command = new Command("scholen", "Import school locations (hotspots name the schools within 300 m).") { file, Gemeente };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddGeocoding());
            var gemeente = await CliHost.EnsureGemeenteAsync(services, pr.GetValue(Gemeente)!, ct);
            var rapport = await ReferenceImports.ScholenAsync(services, gemeente, pr.GetValue(file)!.FullName, ct);
            Console.WriteLine($"scholen: {rapport.Aangemaakt} aangemaakt, {rapport.Gewijzigd} gewijzigd, {rapport.Ongewijzigd} ongewijzigd, {rapport.Afgewezen.Count} afgewezen");
            foreach (var a in rapport.Afgewezen) Console.Error.WriteLine($"  feature {a.Index} ({a.Code}): {a.Veld}: {a.Reden}");
            return 0;
        });
        return command;
    }

    private static Command Schoolvakanties()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV schooljaar,vakantie,regio,van,tot (see data/schoolvakanties.csv)" };
        var command = new Command("schoolvakanties", "Import school holidays (replaces the school years in the file).") { file };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddHotspots(CliHost.Configuration));
            Console.WriteLine($"{await ReferenceImports.SchoolvakantiesAsync(services, pr.GetValue(file)!.FullName, ct)} schoolvakanties");
            return 0;
        });
        return command;
    }

    private static Command Boas()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV code,naam,wijkcodes (wijkcodes separated by ';')" };
        var command = new Command("boas", "Import boa's and their wijken (the first boa of a wijk is primary).") { file, Gemeente };
        command.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddWijken(CliHost.Configuration));
            var gemeente = await CliHost.EnsureGemeenteAsync(services, pr.GetValue(Gemeente)!, ct);
            var (boas, wijken) = await ReferenceImports.BoasAsync(services, gemeente, pr.GetValue(file)!.FullName, ct);
            Console.WriteLine($"{boas} boa's in {wijken} wijken");
            return 0;
        });
        return command;
    }

    private static Command Meldingen()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Meldingen as CSV (columns in data/README.md) or NDJSON (.ndjson/.jsonl)" };
        var door = new Option<string>("--door") { Description = "Who imports (recorded in the history)", DefaultValueFactory = _ => Environment.UserName };
        var command = new Command("meldingen", "Import meldingen: geocode, assign wijk and owner, link possible duplicates.") { file, Gemeente, door };
        command.SetAction(async (pr, ct) =>
        {
            var rapport = await ImportMeldingenAsync(pr.GetValue(file)!.FullName, pr.GetValue(Gemeente)!, pr.GetValue(door)!, ct);
            Console.WriteLine($"{rapport.Ontvangen:N0} rijen: {rapport.Opgeslagen:N0} opgeslagen, {rapport.AlBekend:N0} al bekend, {rapport.Afgewezen:N0} afgewezen");
            foreach (var fout in rapport.Fouten.Take(20)) Console.Error.WriteLine($"rij {fout.Rij}: {fout.Veld}: {fout.Reden}");
            return rapport.Fouten.Count == 0 ? 0 : 3;
        });
        return command;
    }

    public static async Task<IntakeRapport> ImportMeldingenAsync(string path, string gemeenteId, string door, CancellationToken ct)
    {
        await using var services = CliHost.BuildServices(s => s.AddGeocoding().AddMeldingen()
            .AddJobClient(CliHost.Configuration).AddHotspots(CliHost.Configuration));
        var gemeente = await CliHost.EnsureGemeenteAsync(services, gemeenteId, ct);
        using var reader = OpenText(path);
        var ndjson = path.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase);
        var rijen = ndjson ? MeldingenBestand.LeesNdjson(reader) : MeldingenBestand.LeesCsv(reader);
        await using var scope = services.CreateAsyncScope();
        var progress = new Progress("meldingen");
        var rapport = await scope.ServiceProvider.GetRequiredService<MeldingenIntake>().VerwerkAsync(gemeente, rijen, door, ct, n => progress.Report(n));
        progress.Done(rapport.Ontvangen);
        return rapport;
    }
}
