using System.Globalization;
using System.Text;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// The meldingen export for spreadsheets: every free-text field goes through <see cref="CsvFields"/> so a cell such as
/// "=HYPERLINK(...)" stays text. Never the melder's contact details, only whether there are any.
/// </summary>
public static class MeldingenCsv
{
    private static readonly string[] Kolommen =
        ["id", "bron", "extern_id", "categorie", "subcategorie", "gemeld_op", "status", "wijk", "buurt", "adres", "omschrijving",
         "lon", "lat", "eigenaar", "heeft_melder_contact"];

    public static string Schrijf(IEnumerable<MeldingRij> rijen)
    {
        var csv = new StringBuilder().Append(string.Join(',', Kolommen)).Append("\r\n");
        foreach (var r in rijen)
        {
            var punt = r.Locatie is null ? null : Crs.Crs84.FromStorage(r.Locatie).Coordinate;
            csv.Append(CsvFields.FormatRow([
                r.Id.ToString(CultureInfo.InvariantCulture), r.Bron, r.ExternId, r.Categorie, r.Subcategorie,
                r.GemeldOp.ToString("O", CultureInfo.InvariantCulture), r.Status.ToString(), r.WijkCode, r.BuurtCode, r.AdresTekst,
                r.Omschrijving, punt?.X.ToString("F6", CultureInfo.InvariantCulture), punt?.Y.ToString("F6", CultureInfo.InvariantCulture),
                r.EigenaarCode, r.HeeftMelderContact ? "ja" : "nee",
            ])).Append("\r\n");
        }
        return csv.ToString();
    }
}
