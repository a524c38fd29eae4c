using System.Text;

namespace GeoHandhaving.Core.Text;

/// <summary>Lower-casing and diacritic removal for matching user-typed names against registry names (é → e, ë → e, ï → i).</summary>
public static class TextFolding
{
    // Latin-1 Supplement and Latin Extended-A cover the accents in Dutch names; a lookup table keeps
    // string.Normalize (slow, allocating) off the geocoder's hot path.
    private const char TableStart = '\u00C0';
    private const char TableEnd = '\u017F';
    private static readonly char[] FoldedLatin = BuildTable();

    public static string ToLowerWithoutDiacritics(string text)
    {
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    public static char Fold(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
        }
        return c is >= TableStart and <= TableEnd ? FoldedLatin[c - TableStart] : char.ToLowerInvariant(c);
    }

    private static char[] BuildTable()
    {
        var table = new char[TableEnd - TableStart + 1];
        for (var c = TableStart; c <= TableEnd; c++)
        {
            var baseChar = c.ToString().Normalize(NormalizationForm.FormD)[0];
            table[c - TableStart] = char.ToLowerInvariant(baseChar < 128 ? baseChar : c);
        }
        return table;
    }
}
