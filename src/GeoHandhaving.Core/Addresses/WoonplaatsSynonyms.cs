using System.Buffers;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// What people write for a woonplaats → the BAG woonplaatsnaam. Configurable per deployment; <see cref="Amsterdam"/> is the
/// table for gemeente Amsterdam (BAG woonplaatsen Amsterdam and Weesp). Matching ignores case, diacritics and punctuation,
/// so <c>A'dam</c> and <c>Amsterdam-Zuidoost</c> need one entry each.
/// </summary>
public sealed class WoonplaatsSynonyms
{
    private static readonly SearchValues<char> NormalisedCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz ");

    private readonly Dictionary<string, string> _woonplaatsBySpelling;

    public WoonplaatsSynonyms(IEnumerable<KeyValuePair<string, string>> spellingToWoonplaats)
    {
        _woonplaatsBySpelling = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (spelling, woonplaats) in spellingToWoonplaats)
        {
            _woonplaatsBySpelling[Normalise(spelling)] = woonplaats;
        }
        MaxWords = _woonplaatsBySpelling.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public static WoonplaatsSynonyms Amsterdam { get; } = new(new Dictionary<string, string>
    {
        ["Amsterdam"] = "Amsterdam", ["A'dam"] = "Amsterdam", ["Adam"] = "Amsterdam", ["Amsterdam-Zuidoost"] = "Amsterdam",
        ["Amsterdam Zuid-Oost"] = "Amsterdam", ["Amsterdam-Noord"] = "Amsterdam", ["Amsterdam-West"] = "Amsterdam",
        ["Amsterdam-Oost"] = "Amsterdam", ["Amsterdam-Zuid"] = "Amsterdam", ["Driemond"] = "Amsterdam", ["Weesp"] = "Weesp",
    });

    /// <summary>The longest spelling in words, so callers know how many trailing query words to try.</summary>
    public int MaxWords { get; }

    public bool TryResolve(string spelling, out string woonplaats) =>
        // Queries arrive folded already (lower case, single spaces): skip normalising in the common case.
        _woonplaatsBySpelling.TryGetValue(spelling, out woonplaats!)
        || (spelling.AsSpan().ContainsAnyExcept(NormalisedCharacters) && _woonplaatsBySpelling.TryGetValue(Normalise(spelling), out woonplaats!));

    /// <summary>This table plus each name mapped to itself (the woonplaatsen of an index are always understood).</summary>
    public WoonplaatsSynonyms Including(IEnumerable<string> woonplaatsen) =>
        new(_woonplaatsBySpelling.Concat(woonplaatsen.Select(w => KeyValuePair.Create(w, w))));

    private static string Normalise(string spelling)
    {
        var folded = TextFolding.ToLowerWithoutDiacritics(spelling);
        var words = folded.Replace("'", "").Replace(".", "").Split([' ', '-', ','], StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words);
    }
}
