using System.Globalization;
using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>One benchmark query: the text, how it was made, and the address it should match (null: it should not match).</summary>
public sealed record NoisyQuery(string Text, string Kind, BagAddress? Expected);

/// <summary>
/// A deterministic (seeded) set of address queries as people type them, drawn from the BAG: postcode forms, street + number with
/// and without woonplaats, lower case, abbreviations, one typo, huisletter/toevoeging spellings, and numbers that do not exist
/// (whose correct answer is "unmatched"). Shared by the in-process and HTTP geocoder benchmarks.
/// </summary>
public static class NoisyQuerySet
{
    public static readonly string[] Kinds =
    [
        "postcode_compact", "postcode_spaced_lower", "full_address", "street_woonplaats", "lowercase", "no_woonplaats",
        "abbreviated", "typo", "number_spelling", "nonexistent_number",
    ];

    private static readonly (string Full, string Abbreviated)[] WordAbbreviations =
    [
        ("Burgemeester ", "Burg. "), ("Sint ", "St. "), ("Eerste ", "1e "), ("Tweede ", "2e "), ("Derde ", "3e "),
        ("Professor ", "Prof. "), ("Doctor ", "Dr. "), (" van ", " v. "),
    ];

    private static readonly (string Full, string Abbreviated)[] EndingAbbreviations =
    [
        ("straat", "str."), ("laan", "ln"), ("plein", "pl."), ("gracht", "gr."), ("kade", "kd"), ("weg", "wg"),
    ];

    private static readonly string[] AmsterdamSpellings = ["Amsterdam", "amsterdam", "A'dam", "Adam", "AMSTERDAM"];

    public static IReadOnlyList<NoisyQuery> Generate(IReadOnlyList<BagAddress> addresses, int count, int seed)
    {
        var random = new Random(seed);
        var woonplaatsenByStreet = addresses.GroupBy(a => a.Straat).ToDictionary(g => g.Key, g => g.Select(a => a.Woonplaats).Distinct().Count());
        var numbersByStreet = addresses.GroupBy(a => (a.Straat, a.Woonplaats)).ToDictionary(g => g.Key, g => g.Select(a => a.Huisnummer).ToHashSet());
        var queries = new List<NoisyQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var address = addresses[random.Next(addresses.Count)];
            queries.Add(kind switch
            {
                "postcode_compact" => new($"{address.Postcode} {Number(address)}", kind, address),
                "postcode_spaced_lower" =>
                    new($"{address.Postcode.Value[..4]} {address.Postcode.Value[4..].ToLowerInvariant()} {Number(address).ToLowerInvariant()}", kind, address),
                "full_address" => new($"{address.Straat} {Number(address)}, {address.Postcode} {address.Woonplaats}", kind, address),
                "street_woonplaats" => new($"{address.Straat} {Number(address)} {Woonplaats(address, random)}", kind, address),
                "lowercase" => new($"{address.Straat} {Number(address)} {address.Woonplaats}".ToLowerInvariant(), kind, address),
                "no_woonplaats" => woonplaatsenByStreet[address.Straat] == 1
                    ? new($"{address.Straat} {Number(address)}", kind, address)
                    : new($"{address.Straat} {Number(address)} {address.Woonplaats}", kind, address),
                "abbreviated" => new($"{Abbreviate(address.Straat)} {Number(address)} {Woonplaats(address, random)}", kind, address),
                "typo" => new($"{OneTypo(address.Straat, random)} {Number(address)} {address.Woonplaats}", kind, address),
                "number_spelling" => new($"{address.Straat} {SpellNumber(address, random)} {address.Woonplaats}", kind, address),
                _ => NonexistentNumber(address, numbersByStreet[(address.Straat, address.Woonplaats)], random),
            });
        }
        return queries;
    }

    internal static string Number(BagAddress address) =>
        $"{address.Huisnummer.ToString(CultureInfo.InvariantCulture)}{address.Huisletter}{(address.Toevoeging is null ? "" : "-" + address.Toevoeging)}";

    private static string Woonplaats(BagAddress address, Random random) =>
        address.Woonplaats == "Amsterdam" ? AmsterdamSpellings[random.Next(AmsterdamSpellings.Length)] : address.Woonplaats;

    internal static string Abbreviate(string street)
    {
        var abbreviated = street;
        foreach (var (full, shortForm) in WordAbbreviations)
        {
            abbreviated = abbreviated.Replace(full, shortForm, StringComparison.Ordinal);
        }
        foreach (var (full, shortForm) in EndingAbbreviations)
        {
            if (abbreviated.EndsWith(full, StringComparison.Ordinal))
            {
                return abbreviated[..^full.Length] + shortForm;
            }
        }
        return abbreviated;
    }

    /// <summary>One deletion, insertion, substitution or swap of neighbours at a letter after the first.</summary>
    private static string OneTypo(string street, Random random)
    {
        if (street.Length < 5)
        {
            return street;
        }
        var at = 1 + random.Next(street.Length - 2);
        var letter = (char)('a' + random.Next(26));
        return random.Next(4) switch
        {
            0 => street.Remove(at, 1),
            1 => street.Insert(at, letter.ToString()),
            2 => street[..at] + letter + street[(at + 1)..],
            _ => street[..at] + street[at + 1] + street[at] + street[(at + 2)..],
        };
    }

    /// <summary>The spellings people use: 12a / 12 A, 105-1 / 105 1, 20-H / 20 hs / 20 huis, 12A-2 / 12a 2.</summary>
    internal static string SpellNumber(BagAddress address, Random random)
    {
        var number = address.Huisnummer.ToString(CultureInfo.InvariantCulture);
        var letter = address.Huisletter;
        var toevoeging = address.Toevoeging;
        var variant = random.Next(3);
        var letterPart = letter is null ? "" : variant == 0 ? letter.ToLowerInvariant() : " " + letter.ToUpperInvariant();
        var toevoegingPart = toevoeging switch
        {
            null => "",
            "H" => variant switch { 0 => " hs", 1 => " huis", _ => "-H" },
            _ => variant == 1 ? " " + toevoeging : "-" + toevoeging.ToLowerInvariant(),
        };
        return number + letterPart + toevoegingPart;
    }

    internal static NoisyQuery NonexistentNumber(BagAddress address, HashSet<int> numbersOnStreet, Random random)
    {
        var number = address.Huisnummer + 1 + random.Next(40);
        while (numbersOnStreet.Contains(number))
        {
            number++;
        }
        var text = random.Next(2) == 0
            ? $"{address.Straat} {number.ToString(CultureInfo.InvariantCulture)} {address.Woonplaats}"
            : $"{address.Straat} {number.ToString(CultureInfo.InvariantCulture)}, {address.Postcode}";
        return new NoisyQuery(text, "nonexistent_number", null);
    }
}
