using System.CommandLine;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Cli.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Wijken;

/// <summary>geoh wijken check: the coverage check of GET /api/v1/wijkindelingen/{id}/dekking, for scripts and CI.</summary>
internal static class WijkenCommands
{
    public static Command Create()
    {
        var gemeente = new Option<string>("--gemeente") { Description = "Gemeente code (CBS), e.g. GM0363", Required = true };
        var wijkindeling = new Option<long?>("--wijkindeling") { Description = "Wijkindeling id (default: the active one)" };
        var check = new Command("check", "Check a wijkindeling for gaps, overlaps and slivers; exit code 1 when it has any.") { gemeente, wijkindeling };
        check.SetAction(async (pr, ct) =>
        {
            await using var services = CliHost.BuildServices(s => s.AddGeoHandhavingWijken(CliHost.Configuration));
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
        var wijken = new Command("wijken", "Wijkindeling checks.");
        wijken.Subcommands.Add(check);
        return wijken;
    }
}
