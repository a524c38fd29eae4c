namespace GeoHandhaving.Core.Text;

/// <summary>Writing CSV fields that are safe for both CSV parsers and spreadsheets.</summary>
public static class CsvFields
{
    private static readonly char[] CharactersThatNeedQuotes = [',', '"', '\n', '\r'];

    /// <summary>A field as written to an export: formula-protected, then quoted when needed.</summary>
    public static string Escape(string? value) => Quote(ProtectFromFormula(value ?? ""));

    /// <summary>
    /// Spreadsheets run a cell that starts with = + - @ (or a tab / carriage return before one) as a formula: CSV injection (OWASP).
    /// A leading apostrophe makes the cell text.
    /// </summary>
    public static string ProtectFromFormula(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

    /// <summary>RFC 4180 quoting: only when the field holds a separator, quote or line break; quotes are doubled.</summary>
    public static string Quote(string value) =>
        value.IndexOfAny(CharactersThatNeedQuotes) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";

    public static string FormatRow(IEnumerable<string?> fields) => string.Join(',', fields.Select(Escape));
}
