using System.Globalization;
using System.IO.Compression;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>A row that was not read, with the 1-based CSV record number (header = 1), the column and why.</summary>
public sealed record BagCsvRowError(long RowNumber, string Field, string Reason);

/// <summary>
/// Streams <see cref="BagAddress"/>es from the shared BAG CSV layout (<c>data/nl/amsterdam/bag/SOURCE.md</c>), .csv or .csv.gz.
/// Columns are found by header name, so a minimal layout works too:
/// <c>openbareruimtenaam|straat, huisnummer, huisletter, huisnummertoevoeging|toevoeging, postcode, woonplaatsnaam|woonplaats</c>
/// and <c>x_rd,y_rd</c> and/or <c>lon,lat</c> (the missing pair is computed with <see cref="RdNew"/>); <c>huisletter</c>,
/// <c>toevoeging</c>, <c>buurtcode</c> and <c>wijkcode</c> are optional. Bad rows go to the error list, good rows are yielded.
/// </summary>
public static class BagCsvReader
{
    public static IEnumerable<BagAddress> ReadFile(string path, ICollection<BagCsvRowError> errors)
    {
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : (Stream)file;
        using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
        foreach (var address in Read(reader, errors))
        {
            yield return address;
        }
    }

    /// <exception cref="InvalidDataException">The header lacks a required column.</exception>
    public static IEnumerable<BagAddress> Read(TextReader reader, ICollection<BagCsvRowError> errors)
    {
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields))
        {
            yield break;
        }
        var columns = BagColumns.FromHeader(fields);
        // Street, woonplaats and code values repeat hundreds of thousands of times: share one string per value.
        var pool = new ValuePool();
        while (csv.TryReadRecord(fields))
        {
            if (fields is [""])
            {
                continue;
            }
            var address = columns.TryRead(fields, pool, out var error);
            if (address is null)
            {
                errors.Add(new BagCsvRowError(csv.RecordNumber, error.Field, error.Reason));
            }
            else
            {
                yield return address;
            }
        }
    }

    private sealed record BagColumns(
        int Straat, int Huisnummer, int Huisletter, int Toevoeging, int Postcode, int Woonplaats,
        int XRd, int YRd, int Lon, int Lat, int Buurtcode, int Wijkcode, int FieldCount)
    {
        private const int Absent = -1;

        public static BagColumns FromHeader(List<string> header)
        {
            int Find(params string[] names)
            {
                foreach (var name in names)
                {
                    var index = header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
                    if (index >= 0)
                    {
                        return index;
                    }
                }
                return Absent;
            }
            int Require(params string[] names) => Find(names) is var index and >= 0
                ? index
                : throw new InvalidDataException($"BAG CSV header lacks column {string.Join(" or ", names)}.");

            var columns = new BagColumns(
                Require("openbareruimtenaam", "straat"), Require("huisnummer"), Find("huisletter"),
                Find("huisnummertoevoeging", "toevoeging"), Require("postcode"), Require("woonplaatsnaam", "woonplaats"),
                Find("x_rd"), Find("y_rd"), Find("lon"), Find("lat"), Find("buurtcode"), Find("wijkcode"), header.Count);
            if ((columns.XRd == Absent || columns.YRd == Absent) && (columns.Lon == Absent || columns.Lat == Absent))
            {
                throw new InvalidDataException("BAG CSV header needs x_rd,y_rd or lon,lat.");
            }
            return columns;
        }

        public BagAddress? TryRead(List<string> fields, ValuePool pool, out (string Field, string Reason) error)
        {
            error = default;
            if (fields.Count != FieldCount)
            {
                error = ("*", $"{fields.Count} fields, header has {FieldCount}");
                return null;
            }
            var straat = Text(fields, Straat);
            if (straat is null)
            {
                error = ("openbareruimtenaam", "empty");
                return null;
            }
            if (!int.TryParse(fields[Huisnummer], NumberStyles.None, CultureInfo.InvariantCulture, out var huisnummer)
                || huisnummer is < 1 or > HuisnummerAanduiding.MaxHuisnummer)
            {
                error = ("huisnummer", $"'{fields[Huisnummer]}' is not a number 1–{HuisnummerAanduiding.MaxHuisnummer}");
                return null;
            }
            var huisletter = Text(fields, Huisletter);
            if (huisletter is not null && (huisletter.Length != 1 || !char.IsAsciiLetter(huisletter[0])))
            {
                error = ("huisletter", $"'{huisletter}' is not one letter");
                return null;
            }
            var toevoeging = Text(fields, Toevoeging);
            if (toevoeging is not null
                && (toevoeging.Length > HuisnummerAanduiding.MaxToevoegingLength || !toevoeging.All(char.IsAsciiLetterOrDigit)))
            {
                error = ("huisnummertoevoeging", $"'{toevoeging}' is not 1–{HuisnummerAanduiding.MaxToevoegingLength} letters or digits");
                return null;
            }
            if (!Addresses.Postcode.TryParse(fields[Postcode], out var postcode))
            {
                error = ("postcode", $"'{fields[Postcode]}' is not a Dutch postcode");
                return null;
            }
            var woonplaats = Text(fields, Woonplaats);
            if (woonplaats is null)
            {
                error = ("woonplaatsnaam", "empty");
                return null;
            }
            if (!TryReadPoint(fields, out var x, out var y, out var lon, out var lat, out error))
            {
                return null;
            }
            return new BagAddress(
                pool.Share(straat), huisnummer, pool.Share(huisletter), pool.Share(toevoeging), pool.Share(postcode),
                pool.Share(woonplaats), x, y, lon, lat, pool.Share(Text(fields, Buurtcode)), pool.Share(Text(fields, Wijkcode)));
        }

        private bool TryReadPoint(List<string> fields, out double x, out double y, out double lon, out double lat,
            out (string Field, string Reason) error)
        {
            x = y = lon = lat = double.NaN;
            error = default;
            var hasRd = XRd != Absent && YRd != Absent && Text(fields, XRd) is not null && Text(fields, YRd) is not null;
            var hasLonLat = Lon != Absent && Lat != Absent && Text(fields, Lon) is not null && Text(fields, Lat) is not null;
            if (!hasRd && !hasLonLat)
            {
                error = ("x_rd", "no coordinates (x_rd,y_rd or lon,lat)");
                return false;
            }
            if (hasRd && !(TryNumber(fields, XRd, "x_rd", out x, ref error) && TryNumber(fields, YRd, "y_rd", out y, ref error)))
            {
                return false;
            }
            if (hasLonLat && !(TryNumber(fields, Lon, "lon", out lon, ref error) && TryNumber(fields, Lat, "lat", out lat, ref error)))
            {
                return false;
            }
            if (!hasRd)
            {
                (x, y) = RdNew.ToRd(lon, lat);
            }
            else if (!hasLonLat)
            {
                (lon, lat) = RdNew.ToWgs84(x, y);
            }
            if (!RdNew.ValidArea.Contains(x, y))
            {
                error = ("x_rd", $"({x.ToString(CultureInfo.InvariantCulture)}, {y.ToString(CultureInfo.InvariantCulture)}) is outside RD New");
                return false;
            }
            return true;
        }

        private static bool TryNumber(List<string> fields, int column, string name, out double value, ref (string Field, string Reason) error)
        {
            if (double.TryParse(fields[column], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value))
            {
                return true;
            }
            error = (name, $"'{fields[column]}' is not a number");
            return false;
        }

        private static string? Text(List<string> fields, int column) =>
            column == Absent || string.IsNullOrWhiteSpace(fields[column]) ? null : fields[column].Trim();
    }

    private sealed class ValuePool
    {
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Postcode> _postcodes = new(StringComparer.Ordinal);

        [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(value))]
        public string? Share(string? value)
        {
            if (value is null)
            {
                return null;
            }
            if (_strings.TryGetValue(value, out var shared))
            {
                return shared;
            }
            _strings.Add(value, value);
            return value;
        }

        public Postcode Share(Postcode postcode) =>
            _postcodes.TryGetValue(postcode.Value, out var shared) ? shared : _postcodes[postcode.Value] = postcode;
    }
}
