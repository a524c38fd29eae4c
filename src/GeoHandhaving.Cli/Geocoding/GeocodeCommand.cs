using System.CommandLine;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Cli.Import;
using GeoHandhaving.Cli.Infrastructure;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Text;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Geocoding;

/// <summary>
/// `geoh geocode --in QUERIES.csv --out RESULTS.csv`: how analysts geocode an export, and how the geocoder is
/// evaluated. Against the BAG in the database (--gemeente) or fully offline against a BAG CSV file (--bag).
/// </summary>
internal static class GeocodeCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo>("--in") { Description = "CSV with columns id,query", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "Result CSV: " + GeocodeCsv.Header, Required = true };
        var bag = new Option<FileInfo?>("--bag") { Description = "Geocode against this BAG CSV (.csv/.csv.gz) instead of the database" };
        var command = new Command("geocode", "Geocode a CSV of address texts offline against the BAG.") { input, output, bag, ImportCommands.Gemeente };
        command.SetAction(async (pr, ct) =>
        {
            var geocoder = pr.GetValue(bag) is { } bagFile
                ? FromFile(bagFile.FullName)
                : await FromDatabaseAsync(pr.GetValue(ImportCommands.Gemeente)!);
            var (ids, queries, fouten) = ReadQueries(pr.GetValue(input)!.FullName);
            foreach (var fout in fouten) Console.Error.WriteLine(fout);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var results = geocoder.GeocodeBatch(queries, Environment.ProcessorCount);
            await using (var writer = new StreamWriter(pr.GetValue(output)!.FullName))
            {
                await writer.WriteLineAsync(GeocodeCsv.Header);
                for (var i = 0; i < results.Length; i++) await writer.WriteLineAsync(GeocodeCsv.FormatRow(ids[i], results[i]));
            }
            var counts = results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
            Console.WriteLine($"{results.Length:N0} queries in {started.ElapsedMilliseconds:N0} ms: " +
                string.Join(", ", Enum.GetValues<GeocodeStatus>().Select(s => $"{counts.GetValueOrDefault(s):N0} {s.ToString().ToLowerInvariant()}")));
            return fouten.Count == 0 ? 0 : 3;
        });
        return command;
    }

    private static Geocoder FromFile(string path)
    {
        var errors = new List<BagCsvRowError>();
        using var reader = ImportCommands.OpenText(path);
        var index = AddressIndex.Build(BagCsvReader.Read(reader, errors));
        return new Geocoder(index, WoonplaatsSynonyms.Amsterdam.Including(index.Woonplaatsen));
    }

    private static async Task<Geocoder> FromDatabaseAsync(string gemeente)
    {
        await using var services = CliHost.BuildServices(s => s.AddGeocoding());
        return await services.GetRequiredService<GeocoderRegistry>().ForGemeenteAsync(gemeente);
    }

    private static (List<string> Ids, List<string> Queries, List<string> Fouten) ReadQueries(string path)
    {
        using var reader = ImportCommands.OpenText(path);
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields)) throw new InvalidDataException($"{path} is empty");
        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var (idColumn, queryColumn) = (header.IndexOf("id"), header.IndexOf("query"));
        if (idColumn < 0 || queryColumn < 0) throw new InvalidDataException($"{path}: header must have columns id,query (found: {string.Join(",", header)})");
        var (ids, queries, fouten) = (new List<string>(), new List<string>(), new List<string>());
        while (csv.TryReadRecord(fields))
        {
            if (fields.Count <= Math.Max(idColumn, queryColumn) || string.IsNullOrWhiteSpace(fields[queryColumn]))
            {
                fouten.Add($"rij {csv.RecordNumber - 1}: query ontbreekt");
                continue;
            }
            ids.Add(fields[idColumn]);
            queries.Add(fields[queryColumn]);
        }
        return (ids, queries, fouten);
    }
}
