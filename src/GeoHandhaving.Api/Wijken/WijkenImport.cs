using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// Which properties carry code and name when they are not one of the known names (CBS, Amsterdam), which wijkindeling
/// to write (default: the active one, or a new draft of it when the file changes its geometry), and
/// <see cref="Controle"/>: report what the import would do without writing anything.
/// </summary>
public sealed record ImportOpties(string? CodeProperty = null, string? NameProperty = null, long? WijkindelingId = null, bool Controle = false);

/// <summary>A feature the import refuses: which (index, code), what (veld, soort, reden) and where (a coordinate in the file's CRS).</summary>
public sealed record AfgewezenFeature(int Index, string? Code, string Veld, string Reden, string Soort = "invalid-field", double[]? Locatie = null);

/// <summary>A sliver between a feature and its neighbour, snapped to their shared boundary: how large and where (file CRS).</summary>
public sealed record GecorrigeerdeFeature(int Index, string Code, string Soort, string Buur, double OppervlakteM2, double[] Locatie, string Omschrijving);

/// <summary>
/// What an import did, or (with controle, or when any feature is refused) would do: nothing is written unless every
/// feature can be. <see cref="WijkindelingId"/> is the wijkindeling written; <see cref="Concept"/> says it is a new draft
/// because the file changes geometry of the active wijkindeling.
/// </summary>
public sealed record ImportUitvoer(int Aangemaakt, int Gewijzigd, int Ongewijzigd, IReadOnlyList<AfgewezenFeature> Afgewezen)
{
    public IReadOnlyList<GecorrigeerdeFeature> Gecorrigeerd { get; init; } = [];
    public long? WijkindelingId { get; init; }
    public bool Concept { get; init; }
    public bool Controle { get; init; }
    public bool Opgeslagen => !Controle && Afgewezen.Count == 0;
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
/// code, all or nothing: the whole file is checked first (<see cref="ImportPlan"/>) and written in one transaction only
/// when no feature is refused. The same shape (within <see cref="WijkenOptions.SameShapeToleranceM"/>, whatever the
/// file's format or CRS) and the same attributes is no change and adds no version.
/// </summary>
public sealed class WijkenImport(GeoHandhavingDbContext db, WijkenStore store, Wijkindelingen indelingen, WijkValidation validation,
    WijkenOptions options)
{
    private static readonly string[] WijkCodeProperties = ["WK_CODE", "wijkcode", "code"];
    private static readonly string[] WijkNameProperties = ["WK_NAAM", "wijknaam", "naam"];
    private static readonly string[] BuurtCodeProperties = ["BU_CODE", "buurtcode", "code"];
    private static readonly string[] BuurtNameProperties = ["BU_NAAM", "buurtnaam", "naam"];
    private const string Reden = "import";

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

    /// <summary>
    /// Wijken into the named wijkindeling, else the active one; when the file changes geometry of the active one, into a
    /// new draft copied from it, so that activation's coverage check stays the one gate.
    /// </summary>
    public async Task<ImportResult> ImportWijkenAsync(Actor actor, JsonElement featureCollection, ImportOpties opties, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } bestandFout) return bestandFout;
        var doel = opties.WijkindelingId is { } id
            ? await store.WijkindelingAsync(actor.GemeenteId, id, ct)
            : await store.ActieveWijkindelingAsync(actor.GemeenteId, ct);
        if (opties.WijkindelingId is not null && doel is null) return new WijkFout.InvalidField("body", $"Wijkindeling {opties.WijkindelingId} bestaat niet.");
        if (doel is { Status: WijkindelingStatus.Gearchiveerd }) return new WijkFout.Archived(doel.Id);
        var bestaand = doel is null ? [] : await store.Query(actor.GemeenteId, doel.Id, null).ToDictionaryAsync(w => w.Code, ct);
        var afgewezen = new List<AfgewezenFeature>();
        var features = Features(featureCollection, opties, WijkCodeProperties, WijkNameProperties, afgewezen).ToList();
        var plan = ImportPlan.Maak(features, afgewezen, bestaand.ToDictionary(b => b.Key, b => (b.Value.Naam, b.Value.Geometrie)),
            f => bestaand[f.Code].Naam == f.Naam, DeclaredCrs(featureCollection)!, validation, options, "wijk");
        var concept = opties.WijkindelingId is null && doel is { Status: WijkindelingStatus.Actief } && plan.VormGewijzigd;
        var rapport = Rapport(plan, opties) with { WijkindelingId = concept ? null : doel?.Id, Concept = concept };
        if (!rapport.Opgeslagen || plan.Regels.Count == 0) return rapport;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var indeling = concept ? await indelingen.CreateDraftAsync(actor, $"Import door {actor.Naam}", kopieVanActief: true, ct)
            : doel ?? await store.ActieveOfNieuweWijkindelingAsync(actor, ct);
        await store.WriteImportAsync(actor, indeling.Id, plan.Regels.Select(r => (r.Feature.Code, r.Feature.Naam, r.Geometrie)).ToList(), Reden, ct);
        await tx.CommitAsync(ct);
        return rapport with { WijkindelingId = indeling.Id };
    }

    public async Task<ImportResult> ImportBuurtenAsync(Actor actor, JsonElement featureCollection, ImportOpties opties, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } bestandFout) return bestandFout;
        var bestaand = await db.Buurten.Where(b => b.GemeenteId == actor.GemeenteId).ToDictionaryAsync(b => b.Code, ct);
        var afgewezen = new List<AfgewezenFeature>();
        var features = Features(featureCollection, opties, BuurtCodeProperties, BuurtNameProperties, afgewezen).ToList();
        var plan = ImportPlan.Maak(features, afgewezen, bestaand.ToDictionary(b => b.Key, b => (b.Value.Naam, b.Value.Geometrie)),
            f => bestaand[f.Code].Naam == f.Naam && bestaand[f.Code].CbsWijkCode == WijkCode(f), DeclaredCrs(featureCollection)!, validation,
            options, "buurt");
        var rapport = Rapport(plan, opties);
        if (!rapport.Opgeslagen) return rapport;
        foreach (var regel in plan.Regels)
        {
            if (!bestaand.TryGetValue(regel.Feature.Code, out var buurt))
            {
                db.Buurten.Add(new Buurt
                {
                    GemeenteId = actor.GemeenteId, Code = regel.Feature.Code, Naam = regel.Feature.Naam, CbsWijkCode = WijkCode(regel.Feature),
                    Geometrie = regel.Geometrie,
                });
                continue;
            }
            (buurt.Naam, buurt.CbsWijkCode, buurt.Geometrie) = (regel.Feature.Naam, WijkCode(regel.Feature), regel.Geometrie);
        }
        // One SaveChanges is one transaction: the file lands whole.
        await db.SaveChangesAsync(ct);
        return rapport;
    }

    private static string? WijkCode(ImportFeature feature) => Text(feature.Properties, ["WK_CODE", "wijkcode"]);

    private static ImportUitvoer Rapport(ImportPlan plan, ImportOpties opties) =>
        new(plan.Regels.Count(r => r.Nieuw), plan.Regels.Count(r => !r.Nieuw), plan.Ongewijzigd, plan.Afgewezen)
        {
            Gecorrigeerd = plan.Gecorrigeerd, Controle = opties.Controle,
        };

    /// <summary>
    /// Sets the gemeentegrens to the union of all polygons in the file; the same shape as stored is no change, and with
    /// <paramref name="controle"/> nothing is written.
    /// </summary>
    public async Task<ImportResult> SetGrensAsync(string gemeenteId, JsonElement featureCollection, bool controle, CancellationToken ct)
    {
        if (FileProblem(featureCollection) is { } fout) return fout;
        var crs = DeclaredCrs(featureCollection)!;
        var parts = featureCollection.GetProperty("features").EnumerateArray()
            .Select(f => f.TryGetProperty("geometry", out var g) ? g.Deserialize<Geometry>(GeoJson) : null)
            .OfType<Geometry>().Select(crs.ToStorage).ToList();
        MultiPolygon? grens = NetTopologySuite.Operation.Union.UnaryUnionOp.Union(parts) switch
        {
            MultiPolygon mp => mp,
            Polygon p => RdNew.RdFactory.CreateMultiPolygon([p]),
            _ => null,
        };
        if (grens is null) return new WijkFout.InvalidField("geometry", "De gemeentegrens moet uit vlakken bestaan.");
        var gemeente = await db.Gemeenten.FirstOrDefaultAsync(g => g.Id == gemeenteId, ct);
        if (gemeente is null && !controle) return new WijkFout.NotFound("Gemeente", gemeenteId);
        var ongewijzigd = gemeente?.Grens is { } oud && ShapeComparison.SameShape(oud, grens, options.SameShapeToleranceM);
        var nieuw = gemeente?.Grens is null;
        var rapport = new ImportUitvoer(nieuw ? 1 : 0, nieuw || ongewijzigd ? 0 : 1, ongewijzigd ? 1 : 0, []) { Controle = controle };
        if (controle || ongewijzigd) return rapport;
        gemeente!.Grens = grens;
        await db.SaveChangesAsync(ct);
        return rapport;
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
