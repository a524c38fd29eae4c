using System.Globalization;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>The batch output row of the geocoder (CLI and API export), quoted and formula-protected by <see cref="CsvFields"/>.</summary>
public static class GeocodeCsv
{
    public const string Header = "id,status,score,straat,huisnummer,huisletter,toevoeging,postcode,woonplaats,x_rd,y_rd,lon,lat";

    public static string FormatRow(string id, GeocodeResult result)
    {
        var address = result.Address;
        return CsvFields.FormatRow(
        [
            id,
            result.Status.ToString().ToLowerInvariant(),
            result.Score.ToString("0.00", CultureInfo.InvariantCulture),
            address?.Straat,
            address?.Huisnummer.ToString(CultureInfo.InvariantCulture),
            address?.Huisletter,
            address?.Toevoeging,
            address?.Postcode.Value,
            address?.Woonplaats,
            address?.XRd.ToString("0.00", CultureInfo.InvariantCulture),
            address?.YRd.ToString("0.00", CultureInfo.InvariantCulture),
            address?.Lon.ToString("0.000000", CultureInfo.InvariantCulture),
            address?.Lat.ToString("0.000000", CultureInfo.InvariantCulture),
        ]);
    }
}
