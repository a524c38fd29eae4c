using System.Diagnostics.CodeAnalysis;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// House number, optional huisletter (one letter, BAG: A–Z) and optional huisnummertoevoeging (up to four letters or digits),
/// as people write them: <c>12a</c>, <c>12 A</c>, <c>12-a</c>, <c>105-1</c>, <c>105 1</c>, <c>20-H</c>, <c>20 hs</c>,
/// <c>20 huis</c>, <c>12A-2</c>, <c>3 bis</c>, <c>1 III</c>, <c>20 bg</c>.
/// </summary>
/// <remarks>
/// The written form does not always say whether a single letter is a huisletter or a toevoeging (<c>12-a</c>, <c>20 h</c>), nor
/// whether <c>bg</c> or <c>III</c> are stored literally. <see cref="Interpretations"/> lists the readings, most likely first.
/// </remarks>
public sealed record HuisnummerAanduiding(int Huisnummer, string? Huisletter, string? Toevoeging)
{
    public const int MaxHuisnummer = 99_999;
    public const int MaxToevoegingLength = 4;

    private static readonly char[] Separators = [' ', '-', '/', '.', '_'];
    private static readonly string[] RomanFloors = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

    public static bool TryParse(string text, [NotNullWhen(true)] out HuisnummerAanduiding? aanduiding)
    {
        aanduiding = null;
        var folded = TextFolding.ToLowerWithoutDiacritics(text.Trim());
        var digits = 0;
        while (digits < folded.Length && char.IsAsciiDigit(folded[digits]))
        {
            digits++;
        }
        if (digits is 0 or > 5 || !int.TryParse(folded.AsSpan(0, digits), System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > MaxHuisnummer)
        {
            return false;
        }
        var rest = folded.AsSpan(digits);
        string? letter = null;
        if (rest.Length > 0 && char.IsAsciiLetter(rest[0]) && (rest.Length == 1 || !char.IsAsciiLetter(rest[1])))
        {
            letter = char.ToUpperInvariant(rest[0]).ToString();
            rest = rest[1..];
        }
        var toevoegingMarked = rest.TrimStart(' ').StartsWith("-");
        var parts = rest.ToString().Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (letter is null && parts.Length > 0 && IsSingleLetter(parts[0]) && (parts.Length > 1 || !toevoegingMarked))
        {
            letter = parts[0].ToUpperInvariant();
            parts = parts[1..];
        }
        string? toevoeging = null;
        if (parts.Length > 0)
        {
            toevoeging = parts is ["hs" or "huis" or "h"] ? "H" : string.Concat(parts).ToUpperInvariant();
            if (toevoeging.Length > MaxToevoegingLength || !toevoeging.All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }
        }
        aanduiding = new HuisnummerAanduiding(number, letter, toevoeging);
        return true;
    }

    /// <summary>
    /// Readings of the written form as (huisletter, toevoeging), most likely first: as written; a lone letter as the other part;
    /// <c>BG</c> (begane grond) as Amsterdam's <c>H</c>; a Roman floor number as digits.
    /// </summary>
    public IEnumerable<(string? Huisletter, string? Toevoeging)> Interpretations()
    {
        yield return (Huisletter, Toevoeging);
        if (Huisletter is not null && Toevoeging is null)
        {
            yield return (null, Huisletter);
        }
        if (Huisletter is null && Toevoeging is { Length: 1 } && char.IsAsciiLetter(Toevoeging[0]))
        {
            yield return (Toevoeging, null);
        }
        if (Toevoeging == "BG")
        {
            yield return (Huisletter, "H");
        }
        var floor = Array.IndexOf(RomanFloors, Toevoeging);
        if (floor >= 0)
        {
            yield return (Huisletter, (floor + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public bool HasSuffix => Huisletter is not null || Toevoeging is not null;

    /// <summary>BAG display form: <c>12A-2</c>.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Huisnummer}{Huisletter}{(Toevoeging is null ? "" : "-" + Toevoeging)}");

    private static bool IsSingleLetter(string part) => part.Length == 1 && char.IsAsciiLetter(part[0]);
}
