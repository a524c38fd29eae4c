using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GeoHandhaving.Api.Wijken;

/// <summary>Which properties carry code and name when they are not one of the known names (CBS, Amsterdam).</summary>
public sealed record ImportOpties(string? CodeProperty = null, string? NameProperty = null, long? WijkindelingId = null);

public sealed record AfgewezenFeature(int Index, string? Code, string Veld, string Reden);

public sealed record ImportUitvoer(int Aangemaakt, int Gewijzigd, int Ongewijzigd, IReadOnlyList<AfgewezenFeature> Afgewezen)
{
    public int Totaal => Aangemaakt + Gewijzigd + Ongewijzigd + Afgewezen.Count;
}

/// <summary>The report of an import, or why the file as a whole was refused (then nothing was read from it).</summary>
public sealed record ImportResult(ImportUitvoer? Rapport, WijkFout? Fout)
{
    public static implicit operator ImportResult(ImportUitvoer rapport) => new(rapport, null);
    public static implicit operator ImportResult(WijkFout fout) => new(null, fout);
}

/// <summary>
/// Imports wijken, buurten and the gemeentegrens from GeoJSON, for the CLI and the HTTP endpoint alike. Upserts by
/// code: a re-import of the same file changes nothing and adds no versions. Invalid features are reported per feature
/// (index, code, field, reason) and skipped; the valid ones are stored.
/// </summary>
public sealed class WijkenImport(GeoHandhavingDbContext db, WijkenStore store, WijkValidation validation)
{
    private static readonly string[] WijkCodeProperties = ["WK_CODE", "wijkcode", "code"];
    private static readonly string[] WijkNameProperties = ["WK_NAAM", "wijknaam", "naam"];
    private static readonly string[] BuurtCodeProperties = ["BU_CODE", "buurtcode", "code"];
    private static readonly string[] BuurtNameProperties = ["BU_NAAM", "buurtnaam", "naam"];

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    /// <summary>The CRS a GeoJSON file declares in its (pre-RFC 7946) crs member; CRS84 when it has none, null when unsupported.</summary>
    public static Crs? DeclaredCrs(JsonElement featureCollection)
    {
        if (!featureCollection.TryGetProperty("crs", out var crs))
        {
            return Crs.Crs84;
        }
        var name = crs.ValueKind == JsonValueKind.String ? crs.GetString()
            : crs.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() : null;
        return Crs.Parse(name) is { } parsed && name is not null ? parsed : null;
    }

    public async Task<ImportResult> ImportWijkenAsync(Actor actor, JsonElement featureCollection, ImportOpties opties, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } bestandFout) return bestandFout;
        var crs = DeclaredCrs(featureCollection)!;
        var indeling = opties.WijkindelingId is { } id
            ? await store.WijkindelingAsync(actor.GemeenteId, id, ct)
            : await store.ActieveOfNieuweWijkindelingAsync(actor, ct);
        if (indeling is null) return new WijkFout.InvalidField("body", $"Wijkindeling {opties.WijkindelingId} bestaat niet.");
        var (aangemaakt, gewijzigd, ongewijzigd) = (0, 0, 0);
        var afgewezen = new List<AfgewezenFeature>();
        foreach (var feature in Features(featureCollection, opties, WijkCodeProperties, WijkNameProperties, afgewezen))
        {
            var bestaand = await store.FindByCodeAsync(actor.GemeenteId, indeling.Id, feature.Code, ct);
            if (bestaand is not null)
            {
                var (rd, _) = validation.ToValidStorage(feature.Geometrie, crs);
                if (rd is not null && WijkenStore.IsUnchanged(bestaand, feature.Naam, rd))
                {
                    ongewijzigd++;
                    continue;
                }
            }
            var result = bestaand is null
                ? await store.CreateAsync(actor, indeling.Id, feature.Code, feature.Naam, feature.Geometrie, crs, "import", ct)
                : await store.UpdateAsync(actor, bestaand.Id, new WijkWijzigingInvoer(feature.Naam, feature.Geometrie, crs, "import"), ct);
            if (result.Fout is { } fout)
            {
                afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "geometry", fout.Omschrijving));
                continue;
            }
            if (bestaand is null) aangemaakt++; else gewijzigd++;
        }
        return new ImportUitvoer(aangemaakt, gewijzigd, ongewijzigd, afgewezen);
    }

    public async Task<ImportResult> ImportBuurtenAsync(Actor actor, JsonElement featureCollection, ImportOpties opties, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } bestandFout) return bestandFout;
        var crs = DeclaredCrs(featureCollection)!;
        var bestaand = await db.Buurten.Where(b => b.GemeenteId == actor.GemeenteId).ToDictionaryAsync(b => b.Code, ct);
        var (aangemaakt, gewijzigd, ongewijzigd) = (0, 0, 0);
        var afgewezen = new List<AfgewezenFeature>();
        foreach (var feature in Features(featureCollection, opties, BuurtCodeProperties, BuurtNameProperties, afgewezen))
        {
            var (rd, problem) = validation.ToValidStorage(feature.Geometrie, crs);
            if (problem is not null)
            {
                afgewezen.Add(new AfgewezenFeature(feature.Index, feature.Code, "geometry", problem.Detail));
                continue;
            }
            var wijkCode = Text(feature.Properties, ["WK_CODE", "wijkcode"]);
            if (!bestaand.TryGetValue(feature.Code, out var buurt))
            {
                buurt = new Buurt { GemeenteId = actor.GemeenteId, Code = feature.Code, Naam = feature.Naam, CbsWijkCode = wijkCode, Geometrie = rd! };
                db.Buurten.Add(buurt);
                bestaand[buurt.Code] = buurt;
                aangemaakt++;
            }
            else if (buurt.Naam != feature.Naam || buurt.CbsWijkCode != wijkCode || !buurt.Geometrie.EqualsExact(rd!))
            {
                (buurt.Naam, buurt.CbsWijkCode, buurt.Geometrie) = (feature.Naam, wijkCode, rd!);
                gewijzigd++;
            }
            else
            {
                ongewijzigd++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ImportUitvoer(aangemaakt, gewijzigd, ongewijzigd, afgewezen);
    }

    /// <summary>Sets the gemeentegrens to the union of all polygons in the file; the reason when the file cannot be one.</summary>
    public async Task<WijkFout?> SetGrensAsync(string gemeenteId, JsonElement featureCollection, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } bestandFout) return bestandFout;
        var crs = DeclaredCrs(featureCollection)!;
        var parts = featureCollection.GetProperty("features").EnumerateArray()
            .Select(f => crs.ToStorage(f.GetProperty("geometry").Deserialize<Geometry>(GeoJson)!)).ToList();
        MultiPolygon? grens = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts) switch
        {
            MultiPolygon mp => mp,
            Polygon p => RdNew.RdFactory.CreateMultiPolygon([p]),
            _ => null,
        };
        if (grens is null) return new WijkFout.InvalidField("geometry", "De gemeentegrens moet uit vlakken bestaan.");
        var gemeente = await db.Gemeenten.FirstAsync(g => g.Id == gemeenteId, ct);
        gemeente.Grens = grens;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Why the file as a whole cannot be imported: no FeatureCollection, or a crs member this API does not serve.</summary>
    private static WijkFout? FileProblem(JsonElement featureCollection)
    {
        if (featureCollection.ValueKind != JsonValueKind.Object || !featureCollection.TryGetProperty("features", out var features)
            || features.ValueKind != JsonValueKind.Array)
        {
            return new WijkFout.InvalidField("body", "Geen GeoJSON FeatureCollection: het veld 'features' ontbreekt.");
        }
        return DeclaredCrs(featureCollection) is null
            ? new WijkFout.InvalidField("body", $"Het bestand noemt een CRS die niet wordt ondersteund; gebruik {string.Join(" of ", Crs.Supported)}.")
            : null;
    }

    internal sealed record ImportFeature(int Index, string Code, string Naam, Geometry? Geometrie, JsonElement Properties);

    internal static IEnumerable<ImportFeature> Features(JsonElement featureCollection, ImportOpties opties,
        string[] codeProperties, string[] nameProperties, List<AfgewezenFeature> afgewezen)
    {
        var index = 0;
        IEnumerable<JsonElement> all = featureCollection.TryGetProperty("features", out var features) && features.ValueKind == JsonValueKind.Array
            ? features.EnumerateArray() : [];
        foreach (var feature in all)
        {
            var properties = feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
            var code = Text(properties, opties.CodeProperty is null ? codeProperties : [opties.CodeProperty]);
            if (code is null)
            {
                afgewezen.Add(new AfgewezenFeature(index++, null, opties.CodeProperty ?? "code", "De code ontbreekt."));
                continue;
            }
            Geometry? geometrie;
            try
            {
                geometrie = feature.TryGetProperty("geometry", out var g) ? g.Deserialize<Geometry>(GeoJson) : null;
            }
            catch (JsonException e)
            {
                afgewezen.Add(new AfgewezenFeature(index++, code, "geometry", e.Message));
                continue;
            }
            // Names are optional in real data (4 Amsterdam wijken have none): the code stands in.
            var naam = Text(properties, opties.NameProperty is null ? nameProperties : [opties.NameProperty]) ?? code;
            yield return new ImportFeature(index++, code, naam, geometrie, properties);
        }
    }

    internal static string? Text(JsonElement properties, IEnumerable<string> names) =>
        properties.ValueKind != JsonValueKind.Object ? null
        : names.Select(n => properties.TryGetProperty(n, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? v.ToString().Trim() : null)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
}
