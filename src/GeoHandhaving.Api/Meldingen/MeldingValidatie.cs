using System.Globalization;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>A melding that passed validation; its location is still to be resolved when only an address was given.</summary>
public sealed record GeldigeMelding(
    int Rij, string Bron, string ExternId, string Categorie, string? Subcategorie, DateTimeOffset GemeldOp,
    DateTimeOffset? WaargenomenOp, string? Omschrijving, string? Adres, Point? Punt, MelderGegevens? Melder);

/// <summary>The field rules for an incoming melding, shared by the API, NDJSON and CSV intake.</summary>
public static class MeldingValidatie
{
    public static readonly IReadOnlyList<string> Bronnen = ["KCC", "app", "dagrapportage", "boa", "api", "open311"];
    private const int MaxOmschrijving = 4000;
    private const int MaxTekst = 200;

    /// <summary>The stored spelling of a bron (trimmed, any case), or null when it is not one of <see cref="Bronnen"/>.</summary>
    public static string? BekendeBron(string? bron) =>
        Bronnen.FirstOrDefault(b => string.Equals(b, bron?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static GeldigeMelding? Validate(int rij, MeldingInvoer invoer, IReadOnlySet<string> categorieen,
        DateTimeOffset nu, List<RijFout> fouten)
    {
        var before = fouten.Count;
        void Fout(string veld, string reden) => fouten.Add(new RijFout(rij, veld, reden));

        var bron = BekendeBron(invoer.Bron);
        if (bron is null) Fout("bron", $"'{invoer.Bron}' is geen bekende bron ({string.Join(", ", Bronnen)}).");

        var externId = invoer.ExternId?.Trim();
        if (string.IsNullOrEmpty(externId)) Fout("extern_id", "ontbreekt; nodig om dubbele import te voorkomen.");
        else if (externId.Length > MaxTekst) Fout("extern_id", $"langer dan {MaxTekst} tekens.");

        var categorie = invoer.Categorie?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(categorie)) Fout("categorie", "ontbreekt.");
        else if (!categorieen.Contains(categorie)) Fout("categorie", $"'{invoer.Categorie}' staat niet in de taxonomie ({string.Join(", ", categorieen.Order())}).");

        var subcategorie = string.IsNullOrWhiteSpace(invoer.Subcategorie) ? null : invoer.Subcategorie.Trim().ToLowerInvariant();
        if (subcategorie is { Length: > MaxTekst }) Fout("subcategorie", $"langer dan {MaxTekst} tekens.");

        var gemeldOp = ParseTijd(invoer.GemeldOp, "gemeld_op", verplicht: true, nu, Fout);
        var waargenomenOp = ParseTijd(invoer.WaargenomenOp, "waargenomen_op", verplicht: false, nu, Fout);

        var omschrijving = string.IsNullOrWhiteSpace(invoer.Omschrijving) ? null : invoer.Omschrijving.Trim();
        if (omschrijving is { Length: > MaxOmschrijving }) Fout("omschrijving", $"langer dan {MaxOmschrijving} tekens.");

        var adres = string.IsNullOrWhiteSpace(invoer.Adres) ? null : invoer.Adres.Trim();
        if (adres is { Length: > MaxTekst }) Fout("adres", $"langer dan {MaxTekst} tekens.");
        var punt = ParsePunt(invoer, Fout);
        if (adres is null && punt is null && fouten.Count == before && invoer is { Lon: null, XRd: null })
        {
            Fout("locatie", "geef een adres of een punt (lon/lat in WGS84 of x_rd/y_rd in RD New).");
        }

        var melder = invoer.Melder is { IsEmpty: false } m ? m : null;
        if (melder?.Email is { Length: > 0 } email && (!email.Contains('@') || email.Length > MaxTekst)) Fout("melder_email", "is geen e-mailadres.");
        if (melder is not null && new[] { melder.Naam, melder.Telefoon }.Any(v => v is { Length: > MaxTekst })) Fout("melder", $"naam of telefoon langer dan {MaxTekst} tekens.");
        // PostgreSQL text cannot hold U+0000; refuse it here rather than fail the whole batch on insert.
        foreach (var (veld, tekst) in new[] { ("extern_id", externId), ("subcategorie", subcategorie), ("omschrijving", omschrijving), ("adres", adres) })
        {
            if (tekst?.Contains('\0') == true) Fout(veld, "bevat een NUL-teken (U+0000), dat niet kan worden opgeslagen.");
        }

        return fouten.Count > before
            ? null
            : new GeldigeMelding(rij, bron!, externId!, categorie!, subcategorie, gemeldOp!.Value, waargenomenOp, omschrijving, adres, punt, melder);
    }

    /// <summary>ISO 8601 with offset; without an offset the time is read as Europe/Amsterdam wall-clock time.</summary>
    private static DateTimeOffset? ParseTijd(string? value, string veld, bool verplicht, DateTimeOffset nu, Action<string, string> fout)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (verplicht) fout(veld, "ontbreekt.");
            return null;
        }
        DateTimeOffset tijd;
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var metOffset) && HasOffset(value))
        {
            tijd = metOffset;
        }
        else if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var lokaal))
        {
            tijd = AmsterdamTime.ToInstant(lokaal);
        }
        else
        {
            fout(veld, $"'{value}' is geen tijdstip (ISO 8601, bv. 2026-03-10T08:12:00+01:00).");
            return null;
        }
        if (tijd > nu.AddDays(1))
        {
            fout(veld, $"'{value}' ligt in de toekomst.");
            return null;
        }
        return tijd;
    }

    private static bool HasOffset(string value)
    {
        var t = value.IndexOf('T');
        if (t < 0) t = value.IndexOf(' ');
        if (t < 0) return false;
        var time = value[t..];
        return time.EndsWith('Z') || time.Contains('+') || time.LastIndexOf('-') > 0;
    }

    private static Point? ParsePunt(MeldingInvoer invoer, Action<string, string> fout)
    {
        if (invoer.Lon is not null || invoer.Lat is not null)
        {
            if (invoer.Lon is not { } lon || invoer.Lat is not { } lat || !double.IsFinite(lon) || !double.IsFinite(lat))
            {
                fout("lon/lat", "geef zowel lon als lat.");
                return null;
            }
            if (!RdNew.IsInNetherlands(lon, lat))
            {
                fout("lon/lat", $"punt ({lon.ToString(CultureInfo.InvariantCulture)}, {lat.ToString(CultureInfo.InvariantCulture)}) ligt buiten Nederland (WGS84 lon/lat verwacht).");
                return null;
            }
            var (x, y) = RdNew.ToRd(lon, lat);
            return RdNew.RdFactory.CreatePoint(new Coordinate(Math.Round(x, 2), Math.Round(y, 2)));
        }
        if (invoer.XRd is not null || invoer.YRd is not null)
        {
            if (invoer.XRd is not { } x || invoer.YRd is not { } y || !double.IsFinite(x) || !double.IsFinite(y))
            {
                fout("x_rd/y_rd", "geef zowel x_rd als y_rd.");
                return null;
            }
            if (!RdNew.IsInValidArea(x, y))
            {
                fout("x_rd/y_rd", $"punt ({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}) ligt buiten het geldigheidsgebied van RD New.");
                return null;
            }
            return RdNew.RdFactory.CreatePoint(new Coordinate(x, y));
        }
        return null;
    }
}
