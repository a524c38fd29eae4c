using System.Text;

namespace GeoHandhaving.Core.Text;

/// <summary>
/// Reads RFC 4180 records: fields separated by a comma, optionally quoted with <c>"</c>, a doubled quote inside a quoted field is a
/// literal quote, and a quoted field may span lines. <see cref="RecordNumber"/> counts records (the header is record 1) so errors can
/// name the row a spreadsheet user sees.
/// </summary>
public sealed class CsvReader(TextReader reader, char separator = ',')
{
    private readonly StringBuilder _field = new();

    /// <summary>1-based number of the record last returned by <see cref="TryReadRecord"/>.</summary>
    public long RecordNumber { get; private set; }

    /// <summary>Reads the next record into <paramref name="fields"/> (cleared first); false at the end of the input.</summary>
    public bool TryReadRecord(List<string> fields)
    {
        fields.Clear();
        var line = reader.ReadLine();
        if (line is null)
        {
            return false;
        }
        RecordNumber++;
        _field.Clear();
        var inQuotes = false;
        while (true)
        {
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (inQuotes)
                {
                    if (c != '"')
                    {
                        _field.Append(c);
                    }
                    else if (i + 1 < line.Length && line[i + 1] == '"')
                    {
                        _field.Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else if (c == separator)
                {
                    fields.Add(_field.ToString());
                    _field.Clear();
                }
                else if (c == '"' && _field.Length == 0)
                {
                    inQuotes = true;
                }
                else
                {
                    _field.Append(c);
                }
            }
            if (!inQuotes)
            {
                break;
            }
            // A quoted field continues on the next physical line; an unterminated quote at the end of input closes the field.
            line = reader.ReadLine();
            if (line is null)
            {
                break;
            }
            _field.Append('\n');
        }
        fields.Add(_field.ToString());
        return true;
    }
}
