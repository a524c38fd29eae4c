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

    /// <summary>
    /// Dutch street types: the part most street names end with, glued (<c>Vondelstraat</c>) or as a word (<c>Oude Kerk plein</c>).
    /// The one list behind the general abbreviation rule (<see cref="Abbreviates"/>); not taken from any city's street list.
    /// </summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "straat", "dwarsstraat", "straatje", "laan", "laantje", "weg", "dwarsweg", "singel", "kade", "dijk", "plein", "pleintje",
        "gracht", "burgwal", "wal", "pad", "hof", "hoven", "park", "plantsoen", "dreef", "steeg", "steegje", "markt", "baan",
        "haven", "plaats", "kanaal", "erf", "gang", "ring", "allee", "boulevard", "pier", "veld", "vaart", "sloot", "wetering",
        "oever", "poort", "brug", "dam", "tuin", "tuinen", "promenade", "passage", "hoek", "zijde",
    ];

    /// <summary>The longest type name, the most letters an abbreviation of a type can have (one more with a typo).</summary>
    public static int LongestType { get; } = Types.Max(t => t.Length);

    /// <summary>The types the key ends with, leaving a name before it: <c>kerkdwarsstraat</c> → dwarsstraat, straat.</summary>
    public static IEnumerable<string> TypesOf(string key) => Types.Where(t => key.Length > t.Length && key.EndsWith(t, StringComparison.Ordinal));

    /// <summary>
    /// The general abbreviation rule: <paramref name="typed"/> abbreviates a street type when it has at least two letters, begins
    /// with the type's first letter and keeps the rest of its letters in their order, so every prefix (<c>str</c>, <c>sing</c>,
    /// <c>gra</c>) and every consonant skeleton (<c>strt</c>, <c>sngl</c>, <c>kd</c>, <c>dk</c>, <c>pln</c>, <c>grcht</c>) counts.
    /// </summary>
    public static bool Abbreviates(ReadOnlySpan<char> typed, string type)
    {
        if (typed.Length < 2 || typed.Length > type.Length || typed[0] != type[0])
        {
            return false;
        }
        var at = 1;
        for (var i = 1; i < typed.Length; i++)
        {
            at = type.IndexOf(typed[i], at) + 1;
            if (at == 0)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// An abbreviation with one typo: a letter too many or a wrong one (leaving it out gives an abbreviation of two letters or
    /// more), or two neighbours swapped (<c>sgnl</c>, <c>strtt</c>, <c>kdw</c>). Its first letter must still be the type's.
    /// </summary>
    public static bool AbbreviatesWithTypo(ReadOnlySpan<char> typed, string type)
    {
        if (typed.Length < 3 || typed.Length > type.Length + 1 || typed[0] != type[0])
        {
            return false;
        }
        Span<char> variant = stackalloc char[typed.Length];
        for (var i = 1; i < typed.Length; i++)
        {
            typed[..i].CopyTo(variant);
            typed[(i + 1)..].CopyTo(variant[i..]);
            if (Abbreviates(variant[..^1], type))
            {
                return true;
            }
        }
        for (var i = 1; i + 1 < typed.Length; i++)
        {
            typed.CopyTo(variant);
            (variant[i], variant[i + 1]) = (variant[i + 1], variant[i]);
            if (Abbreviates(variant, type))
            {
                return true;
            }
        }
        return false;
    }

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
                words.Add(folded[start..i]);
                start = -1;
            }
        }
        for (var i = 0; i < words.Count; i++)
        {
            words[i] = Expand(words[i], isLast: i == words.Count - 1, expandEndings);
        }
        return [.. words];
    }

    // Whole-word abbreviations (Burg., St., 1e) stand before a name, never last: "School st." is Schoolstraat, not "School Sint".
    private static string Expand(string word, bool isLast, bool expandEndings)
    {
        if (!isLast && WholeWords.TryGetValue(word, out var full))
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
