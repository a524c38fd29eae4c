namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// A Dutch six-position postcode (PC6), e.g. <c>1012JS</c>: four digits not starting with 0, two letters, never SA, SD or SS
/// (PostNL does not issue those). Accepts a space between the parts and lowercase letters.
/// </summary>
public readonly record struct Postcode
{
    private Postcode(string value) => Value = value;

    /// <summary>Canonical form: digits and upper-case letters without a space.</summary>
    public string Value { get; }

    /// <summary>A dense number for dictionary keys: 0 … 6 759 999.</summary>
    internal int Code => (((Value[0] - '0') * 1000 + (Value[1] - '0') * 100 + (Value[2] - '0') * 10 + (Value[3] - '0')) * 26
                          + (Value[4] - 'A')) * 26 + (Value[5] - 'A');

    public static Postcode Parse(string text) =>
        TryParse(text, out var postcode) ? postcode : throw new FormatException($"'{text}' is not a Dutch postcode (1234 AB).");

    public static bool TryParse(ReadOnlySpan<char> text, out Postcode postcode)
    {
        postcode = default;
        text = text.Trim();
        if (text.Length < 6)
        {
            return false;
        }
        var digits = text[..4];
        var letters = text[4..].TrimStart();
        if (letters.Length != 2 || digits[0] == '0' || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[1])
            || !char.IsAsciiDigit(digits[2]) || !char.IsAsciiDigit(digits[3])
            || !char.IsAsciiLetter(letters[0]) || !char.IsAsciiLetter(letters[1]))
        {
            return false;
        }
        var first = char.ToUpperInvariant(letters[0]);
        var second = char.ToUpperInvariant(letters[1]);
        if (first == 'S' && second is 'A' or 'D' or 'S')
        {
            return false;
        }
        postcode = new Postcode(string.Concat(digits, stackalloc char[] { first, second }));
        return true;
    }

    public override string ToString() => Value;
}
