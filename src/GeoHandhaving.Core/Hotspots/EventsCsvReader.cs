using System.Globalization;
using System.IO.Compression;
using System.Text;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>One row of an events CSV: <see cref="At"/> carries the local offset, so <c>At.DateTime</c> is the wall clock.</summary>
public sealed record CsvEvent(long Row, DateTimeOffset At, string Category, double Lon, double Lat, string? Address);

/// <summary>
/// Reads event CSVs (optionally .gz) with a header naming at least requested_at, category, lat, lon (address optional).
/// Timestamps with an offset keep it; timestamps without one are wall-clock times in the given zone.
/// </summary>
public static class EventsCsvReader
{
    public static IReadOnlyList<CsvEvent> Read(string path, TimeZoneInfo zone)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Read(reader, Path.GetFileName(path), zone);
    }

    public static IReadOnlyList<CsvEvent> Read(TextReader reader, string sourceName, TimeZoneInfo zone)
    {
        var header = SplitLine(reader.ReadLine() ?? throw new FormatException($"{sourceName} is empty"));
        int Column(string name, bool required = true)
        {
            var index = Array.FindIndex(header, h => h.Equals(name, StringComparison.OrdinalIgnoreCase));
            return index < 0 && required ? throw new FormatException($"{sourceName}: header has no column '{name}'") : index;
        }
        int at = Column("requested_at"), category = Column("category"), lat = Column("lat"), lon = Column("lon"), address = Column("address", required: false);

        var events = new List<CsvEvent>();
        long row = 1;
        while (reader.ReadLine() is { } line)
        {
            row++;
            if (line.Length == 0)
            {
                continue;
            }
            var fields = SplitLine(line);
            string Field(int index) => index < fields.Length ? fields[index] : throw new FormatException($"{sourceName} row {row}: only {fields.Length} fields");
            events.Add(new CsvEvent(
                row,
                ParseTimestamp(Field(at), zone, sourceName, row),
                Field(category),
                ParseNumber(Field(lon), "lon", sourceName, row),
                ParseNumber(Field(lat), "lat", sourceName, row),
                address >= 0 ? Field(address) : null));
        }
        return events;
    }

    public static DateTimeOffset ParseTimestamp(string text, TimeZoneInfo zone, string sourceName = "input", long row = 0)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed))
        {
            throw new FormatException($"{sourceName} row {row}: timestamp '{text}' is not ISO 8601");
        }
        if (parsed.Kind == DateTimeKind.Unspecified)
        {
            // Wall clock in the zone, by the one rule for gaps and overlaps.
            return AmsterdamTime.ToInstant(parsed, zone);
        }
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    private static double ParseNumber(string text, string column, string sourceName, long row) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new FormatException($"{sourceName} row {row}: {column} '{text}' is not a number");

    /// <summary>RFC 4180 fields: quotes around fields with commas, doubled quotes inside.</summary>
    private static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(ch);
            }
        }
        fields.Add(field.ToString());
        return [.. fields];
    }
}
