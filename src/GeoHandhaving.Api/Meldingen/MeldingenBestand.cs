using System.Globalization;
using System.Text.Json;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// Reads meldingen files row by row: CSV (columns as in data/demo/meldingen.csv) or NDJSON (one JSON object per
/// line, the same fields as POST /api/v1/meldingen). A malformed row becomes a <see cref="RijFout"/>; the next row is read on.
/// </summary>
public static class MeldingenBestand
{
    public static readonly IReadOnlyList<string> CsvKolommen =
        ["bron", "extern_id", "categorie", "subcategorie", "gemeld_op", "waargenomen_op", "omschrijving", "adres",
         "x_rd", "y_rd", "lon", "lat", "melder_naam", "melder_email", "melder_telefoon"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEnumerable<(int Rij, MeldingInvoer? Invoer, RijFout? Fout)> LeesNdjson(TextReader reader)
    {
        var rij = 0;
        while (reader.ReadLine() is { } line)
        {
            rij++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            MeldingInvoer? invoer = null;
            RijFout? fout = null;
            try
            {
                invoer = JsonSerializer.Deserialize<MeldingInvoer>(line, Json);
                if (invoer is null) fout = new RijFout(rij, "json", "null is geen melding.");
            }
            catch (JsonException e)
            {
                fout = new RijFout(rij, e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "json", $"ongeldige JSON: {e.Message}");
            }
            yield return (rij, invoer, fout);
        }
    }

    /// <exception cref="InvalidDataException">The header lacks a required column.</exception>
    public static IEnumerable<(int Rij, MeldingInvoer? Invoer, RijFout? Fout)> LeesCsv(TextReader reader)
    {
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields)) yield break;
        var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        foreach (var required in new[] { "bron", "extern_id", "categorie", "gemeld_op" })
        {
            if (!header.Contains(required))
            {
                throw new InvalidDataException($"kolom '{required}' ontbreekt; verwacht: {string.Join(",", CsvKolommen)}");
            }
        }
        var rij = 0;
        while (csv.TryReadRecord(fields))
        {
            rij++;
            if (fields is [""]) continue;
            if (fields.Count != header.Count)
            {
                yield return (rij, null, new RijFout(rij, "rij", $"{fields.Count} velden, de kop heeft er {header.Count}."));
                continue;
            }
            string? Get(string name) => header.IndexOf(name) is var i and >= 0 && fields[i].Length > 0 ? fields[i] : null;
            RijFout? fout = null;
            double? Number(string name)
            {
                var text = Get(name);
                if (text is null) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
                fout ??= new RijFout(rij, name, $"'{text}' is geen getal (decimale punt verwacht).");
                return null;
            }
            var invoer = new MeldingInvoer
            {
                Bron = Get("bron"), ExternId = Get("extern_id"), Categorie = Get("categorie"), Subcategorie = Get("subcategorie"),
                GemeldOp = Get("gemeld_op"), WaargenomenOp = Get("waargenomen_op"), Omschrijving = Get("omschrijving"),
                Adres = Get("adres"), XRd = Number("x_rd"), YRd = Number("y_rd"), Lon = Number("lon"), Lat = Number("lat"),
                Melder = new MelderGegevens(Get("melder_naam"), Get("melder_email"), Get("melder_telefoon")),
            };
            yield return fout is null ? (rij, invoer, null) : (rij, null, fout);
        }
    }
}
