using System.CommandLine;
using System.IO.Compression;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Cli.Infrastructure;
using GeoHandhaving.Cli.Wijken;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Import;

/// <summary>`geoh import …`: reference data and meldingen from files, through the same code the API uses.</summary>
internal static class ImportCommands
{
    public static readonly Option<string> Gemeente = new("--gemeente")
    {
        Description = "Gemeente code (tenant), e.g. GM0363", DefaultValueFactory = _ => "GM9999",
    };

    public static Command Create()
    {
        var import = new Command("import", "Load data from files (idempotent: a re-run creates no duplicates).");
        WijkenImportCommands.AddTo(import);
        import.Subcommands.Add(Bag());
        import.Subcommands.Add(Meldingen());
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
            .AddGeoHandhavingJobs(CliHost.Configuration).AddHotspots(CliHost.Configuration));
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
