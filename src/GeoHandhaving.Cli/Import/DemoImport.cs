using System.CommandLine;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Cli.Demo;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Import;

/// <summary>
/// `geoh import demo`: the demo gemeente from data/demo through the same imports an operator uses (see data/README.md),
/// then one hotspot recompute so the map and the briefing have results at once. Idempotent and quick on a second run.
/// </summary>
internal static class DemoImport
{
    public static Command Create()
    {
        var folder = new Option<DirectoryInfo>("--folder") { Description = "Folder with the demo files", DefaultValueFactory = _ => new DirectoryInfo("data/demo") };
        var command = new Command("demo", "Load the demo gemeente GM9999 Demodorp (wijken, buurten, boa's, BAG, schools, holidays, meldingen).") { folder };
        command.SetAction(async (pr, ct) =>
        {
            var dir = pr.GetValue(folder)!.FullName;
            string F(string name) => Path.Combine(dir, name);
            const string gemeente = DemoTown.GemeenteCode;
            var actor = new Actor(gemeente, "geoh:demo");
            await using var services = CliHost.BuildServices(s => s.AddWijken(CliHost.Configuration)
                .AddGeocoding().AddMeldingen().AddJobClient(CliHost.Configuration).AddHotspots(CliHost.Configuration));
            await using (var scope = services.CreateAsyncScope())
            {
                var import = scope.ServiceProvider.GetRequiredService<WijkenImport>();
                await scope.ServiceProvider.GetRequiredService<GemeenteStore>().EnsureAsync(gemeente, "Demodorp", ct);
                Report("gemeentegrens", await import.SetGrensAsync(gemeente, await ReferenceImports.ReadJsonAsync(F("gemeente.geojson"), ct), false, ct));
                Report("buurten", await import.ImportBuurtenAsync(actor, await ReferenceImports.ReadJsonAsync(F("buurten.geojson"), ct), new ImportOpties(), ct));
                Report("wijken", await import.ImportWijkenAsync(actor, await ReferenceImports.ReadJsonAsync(F("wijken.geojson"), ct), new ImportOpties(), ct));
            }
            var (boas, wijken) = await ReferenceImports.BoasAsync(services, gemeente, F("boas.csv"), ct);
            Console.WriteLine($"boa's: {boas} boa's in {wijken} wijken");
            Report("scholen", await ReferenceImports.ScholenAsync(services, gemeente, F("scholen.geojson"), ct));
            Console.WriteLine($"schoolvakanties: {await ReferenceImports.SchoolvakantiesAsync(services, Path.Combine(dir, "..", "schoolvakanties.csv"), ct)}");

            using (var bag = ImportCommands.OpenText(F("adressen.csv")))
            {
                var rapport = await services.GetRequiredService<BagImport>().ImportAsync(gemeente, bag, null, ct);
                Console.WriteLine($"adressen: {rapport.Nieuw:N0} nieuw, {rapport.Bijgewerkt:N0} bijgewerkt, {rapport.Fouten.Count} afgewezen");
            }

            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<GeoHandhavingDbContext>();
                var nieuw = 0;
                if (!await db.Meldingen.AnyAsync(m => m.GemeenteId == gemeente, ct))
                {
                    using var reader = ImportCommands.OpenText(F("meldingen.csv"));
                    var progress = new Progress("meldingen");
                    var rapport = await scope.ServiceProvider.GetRequiredService<MeldingenIntake>()
                        .VerwerkAsync(gemeente, MeldingenBestand.LeesCsv(reader), actor.Naam, ct, n => progress.Report(n));
                    progress.Done(rapport.Ontvangen);
                    nieuw = rapport.Opgeslagen;
                    Console.WriteLine($"meldingen: {rapport.Opgeslagen:N0} opgeslagen, {rapport.Afgewezen:N0} afgewezen");
                }
                else
                {
                    Console.WriteLine("meldingen: al geladen");
                }
                if (nieuw > 0 || !await db.HotspotRuns.AnyAsync(r => r.GemeenteId == gemeente && r.Status == HotspotRunStatus.Voltooid, ct))
                {
                    var run = await scope.ServiceProvider.GetRequiredService<HotspotRecomputeJob>().RunAsync(gemeente, "demo geladen", null, ct);
                    var hotspots = await db.HotspotRuns.Where(r => r.GemeenteId == gemeente && r.Id == run).Select(r => r.AantalHotspots).SingleAsync(ct);
                    Console.WriteLine($"hotspots: run {run}, {hotspots} hotspots");
                }
            }
            return 0;
        });
        return command;
    }

    /// <summary>The demo files ship with the code: a refused file is a bug, not user input.</summary>
    private static void Report(string what, ImportResult result)
    {
        if (result.Fout is { } fout) throw new InvalidOperationException($"{what}: {fout.Omschrijving}");
        if (!result.Rapport!.Opgeslagen) throw new InvalidOperationException($"{what}: {result.Rapport.Afgewezen.Count} features geweigerd");
        Report(what, result.Rapport);
    }

    private static void Report(string what, ImportUitvoer rapport)
    {
        Console.WriteLine($"{what}: {rapport.Aangemaakt} aangemaakt, {rapport.Gewijzigd} gewijzigd, {rapport.Ongewijzigd} ongewijzigd, {rapport.Afgewezen.Count} afgewezen");
        foreach (var a in rapport.Afgewezen.Take(10)) Console.Error.WriteLine($"  feature {a.Index} ({a.Code}): {a.Veld}: {a.Reden}");
    }
}
