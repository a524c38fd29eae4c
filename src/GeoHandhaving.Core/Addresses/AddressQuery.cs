using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// A free-text address query split into its parts: <c>Dam 1, 1012JS Amsterdam</c>, <c>1012 js 1</c>,
/// <c>de ruijterkade 105-1 amsterdam</c>, <c>1e Const. Huygensstr 20 hs</c>. <see cref="Problem"/> says why a query cannot be used.
/// </summary>
public sealed record AddressQuery(
    string Street,
    HuisnummerAanduiding? Aanduiding,
    Postcode? Postcode,
    string? Woonplaats,
    string? Problem)
{
    private static readonly char[] WordSeparators = [' ', ',', ';', '\t', '(', ')'];

    public static AddressQuery Parse(string query, WoonplaatsSynonyms woonplaatsen)
    {
        var words = new List<string>(TextFolding.ToLowerWithoutDiacritics(query).Split(WordSeparators, StringSplitOptions.RemoveEmptyEntries));
        var postcode = TakePostcode(words);
        var numberAt = FindHuisnummer(words);
        if (numberAt < 0)
        {
            return new AddressQuery(string.Join(' ', words), null, postcode, null,
                words.Count == 0 && postcode is null ? "empty query" : "no house number in the query");
        }
        var street = string.Join(' ', words.GetRange(0, numberAt));
        var tail = words.GetRange(numberAt + 1, words.Count - numberAt - 1);
        var woonplaats = TakeWoonplaats(tail, woonplaatsen);
        var aanduidingText = tail.Count == 0 ? words[numberAt] : words[numberAt] + " " + string.Join(' ', tail);
        if (!HuisnummerAanduiding.TryParse(aanduidingText, out var aanduiding))
        {
            var problem = tail.Count > 0
                ? $"'{string.Join(' ', tail)}' after the house number is neither a huisletter/toevoeging nor a known woonplaats"
                : $"'{aanduidingText}' is not a house number";
            return new AddressQuery(street, null, postcode, woonplaats, problem);
        }
        return new AddressQuery(street, aanduiding, postcode, woonplaats, null);
    }

    /// <summary>
    /// Removes and returns the postcode (<c>1012JS</c> or <c>1012 js</c>). Only when another word holds the house number:
    /// otherwise <c>Prinsengracht 1012 hs</c> is number 1012, toevoeging H.
    /// </summary>
    private static Postcode? TakePostcode(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].Length == 6 && Addresses.Postcode.TryParse(words[i], out var glued) && HasNumberOutside(words, i, i))
            {
                words.RemoveAt(i);
                return glued;
            }
            if (words[i].Length == 4 && i + 1 < words.Count && words[i + 1].Length == 2
                && Addresses.Postcode.TryParse(words[i] + words[i + 1], out var spaced) && HasNumberOutside(words, i, i + 1))
            {
                words.RemoveRange(i, 2);
                return spaced;
            }
        }
        return null;
    }

    private static bool HasNumberOutside(List<string> words, int first, int last)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if ((i < first || i > last) && char.IsAsciiDigit(words[i][0]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The first word starting with a digit, except an ordinal that begins a street name (<c>1e Kekerstraat 5</c>).</summary>
    private static int FindHuisnummer(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (char.IsAsciiDigit(words[i][0]) && !(i == 0 && words.Count > 1 && IsOrdinal(words[0])))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool IsOrdinal(string word)
    {
        var digits = 0;
        while (digits < word.Length && char.IsAsciiDigit(word[digits]))
        {
            digits++;
        }
        return digits is 1 or 2 && word.AsSpan(digits) is "e" or "ste" or "de";
    }

    /// <summary>Removes and returns the woonplaats from the end of the words after the house number, longest spelling first.</summary>
    private static string? TakeWoonplaats(List<string> tail, WoonplaatsSynonyms woonplaatsen)
    {
        for (var count = Math.Min(woonplaatsen.MaxWords, tail.Count); count >= 1; count--)
        {
            if (woonplaatsen.TryResolve(string.Join(' ', tail.Skip(tail.Count - count)), out var woonplaats))
            {
                tail.RemoveRange(tail.Count - count, count);
                return woonplaats;
            }
        }
        return null;
    }
}
