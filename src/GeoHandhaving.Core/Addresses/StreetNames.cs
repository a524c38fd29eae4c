using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// Street names reduced to a matching key, applied alike to BAG names and to queries, so that the spellings people use meet
/// the registry's: case, diacritics, punctuation and spaces vanish (<c>'s-Gravelandseweg</c> = <c>s gravelandseweg</c>),
/// abbreviations expand (<c>Burg. Röellstr.</c> = <c>Burgemeester Röellstraat</c>), ordinals are written out (<c>1e</c> = <c>Eerste</c>).
/// Initials stay letters (<c>J.P. Coenstraat</c> → <c>jpcoenstraat</c>).
/// </summary>
public static class StreetNames
{
    private static readonly Dictionary<string, string> WholeWords = new(StringComparer.Ordinal)
    {
        ["1e"] = "eerste", ["1ste"] = "eerste", ["2e"] = "tweede", ["2de"] = "tweede", ["3e"] = "derde", ["3de"] = "derde",
        ["4e"] = "vierde", ["4de"] = "vierde", ["5e"] = "vijfde", ["5de"] = "vijfde", ["6e"] = "zesde", ["6de"] = "zesde",
        ["7e"] = "zevende", ["7de"] = "zevende", ["8e"] = "achtste", ["8ste"] = "achtste", ["9e"] = "negende", ["9de"] = "negende",
        ["10e"] = "tiende", ["10de"] = "tiende",
        ["burg"] = "burgemeester", ["st"] = "sint", ["v"] = "van", ["prof"] = "professor",
        ["dr"] = "doctor", ["mr"] = "meester", ["gebr"] = "gebroeders",
    };

    // Street-type endings, also glued to the name (Röellstr., Pampusln): abbreviation → full word.
    private static readonly (string Abbreviation, string Full)[] Endings =
    [
        ("str", "straat"), ("ln", "laan"), ("pl", "plein"), ("gr", "gracht"), ("kd", "kade"), ("wg", "weg"),
    ];

    /// <summary>The matching key: the expanded words of the name, concatenated.</summary>
    public static string Key(string name) => string.Concat(Words(name));

    /// <summary>
    /// The key with street-type endings left as typed. A typo can make a word look like an abbreviation
    /// (<c>Keverbegr</c> for Keverberg reads as *…gracht*); fuzzy matching tries this key too.
    /// </summary>
    public static string KeyAsTyped(string name) => string.Concat(Words(name, expandEndings: false));

    /// <summary>The name's words, lower case without diacritics, abbreviations expanded.</summary>
    public static string[] Words(string name) => Words(name, expandEndings: true);

    private static string[] Words(string name, bool expandEndings)
    {
        var folded = TextFolding.ToLowerWithoutDiacritics(name);
        var words = new List<string>(4);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var isWordChar = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                words.Add(Expand(folded[start..i], expandEndings));
                start = -1;
            }
        }
        return [.. words];
    }

    private static string Expand(string word, bool expandEndings)
    {
        if (WholeWords.TryGetValue(word, out var full))
        {
            return full;
        }
        if (!expandEndings)
        {
            return word;
        }
        foreach (var (abbreviation, fullEnding) in Endings)
        {
            if (word.EndsWith(abbreviation, StringComparison.Ordinal))
            {
                return string.Concat(word.AsSpan(0, word.Length - abbreviation.Length), fullEnding);
            }
        }
        return word;
    }
}
