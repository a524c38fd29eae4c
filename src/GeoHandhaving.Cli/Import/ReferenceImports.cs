using System.Text.Json;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Text;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Cli.Import;

/// <summary>The file imports of reference data that have no HTTP twin with a body reader of their own: boa's, schools, school holidays.</summary>
internal static class ReferenceImports
{
    public static Task<JsonElement> ReadJsonAsync(string path, CancellationToken ct) =>
        Wijken.WijkenImportCommands.ReadAsync(new FileInfo(path), ct);

    public static async Task<ImportUitvoer> ScholenAsync(IServiceProvider services, string gemeente, string path, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScholenImport>().ImportAsync(gemeente, await ReadJsonAsync(path, ct), ct);
    }

    public static async Task<int> SchoolvakantiesAsync(IServiceProvider services, string path, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SchoolCalendarStore>().ImportAsync(SchoolCalendar.Load(path), ct);
    }

    /// <summary>
    /// boa's from a CSV with columns code,naam,wijkcodes (wijkcodes separated by ';'); the boa's login name is the code in
    /// lower case. Per wijk the first boa listed becomes the primary wijkboa. Idempotent by code.
    /// </summary>
    public static async Task<(int Boas, int Wijken)> BoasAsync(IServiceProvider services, string gemeente, string path, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<BoaStore>();
        var bestaand = (await store.ListAsync(gemeente, ct)).ToDictionary(b => b.Code);
        using var reader = ImportCommands.OpenText(path);
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        csv.TryReadRecord(fields);
        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var (code, naam, wijkcodes) = (header.IndexOf("code"), header.IndexOf("naam"), header.IndexOf("wijkcodes"));
        if (code < 0 || naam < 0 || wijkcodes < 0) throw new InvalidDataException($"{path}: kolommen code,naam,wijkcodes verwacht");
        var perWijk = new Dictionary<string, List<long>>();
        while (csv.TryReadRecord(fields))
        {
            if (fields.Count != header.Count) throw new InvalidDataException($"{path}, rij {csv.RecordNumber - 1}: {fields.Count} velden");
            if (!bestaand.TryGetValue(fields[code], out var boa))
            {
                boa = await store.CreateAsync(gemeente, fields[code], fields[naam], fields[code].ToLowerInvariant(), ct);
                bestaand[boa.Code] = boa;
            }
            foreach (var wijk in fields[wijkcodes].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                (perWijk.TryGetValue(wijk, out var ids) ? ids : perWijk[wijk] = []).Add(boa.Id);
            }
        }
        var actief = await scope.ServiceProvider.GetRequiredService<WijkenStore>().ActieveOfNieuweWijkindelingAsync(new Actor(gemeente, "geoh:import"), ct);
        foreach (var (wijk, ids) in perWijk)
        {
            await store.AssignAsync(gemeente, actief.Id, wijk, ids, ct);
        }
        return (bestaand.Count, perWijk.Count);
    }
}
