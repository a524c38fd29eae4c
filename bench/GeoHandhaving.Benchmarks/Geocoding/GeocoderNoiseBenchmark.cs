using System.Globalization;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Text;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>
/// `geocoder-noise [--data BAG.csv(.gz)] [--queries N] [--seed S] [--half dev|test|all]`: the geocoder on noisy queries drawn
/// from any gemeente's BAG (the CSV layout of <see cref="BagCsvReader"/>). The index holds every address of the file; the
/// queries come from one half of its streets, split by a stable hash of the street name (<c>dev</c>: even, <c>test</c>: odd),
/// so the rules can be developed on one half and reported on the other. Ends with one line
/// <c>geocoder-noise: queries=… correct_pct=… wrong_pct=… missed_pct=…</c>. The noise model is <see cref="NoiseModel"/>.
/// </summary>
internal static class GeocoderNoiseBenchmark
{
    public const string Description = "geocoder accuracy on seeded noisy queries (abbreviated street types, typos) from any BAG CSV";

    public static Task<int> RunAsync(string[] args)
    {
        var dataPath = BenchmarkEnvironment.Option(args, "--data") ?? BenchmarkEnvironment.AmsterdamBag();
        var count = BenchmarkEnvironment.IntOption(args, "--queries", 20000);
        var seed = BenchmarkEnvironment.IntOption(args, "--seed", 16);
        var half = BenchmarkEnvironment.Option(args, "--half") ?? "test";
        var errors = new List<BagCsvRowError>();
        var addresses = BagCsvReader.ReadFile(dataPath, errors).ToList();
        var geocoder = new Geocoder(AddressIndex.Build(addresses));
        var drawn = addresses.Where(a => half == "all" || NoiseModel.IsInHalf(a.Straat, half)).ToList();
        Console.WriteLine($"data     {dataPath}: {addresses.Count:N0} addresses ({errors.Count} bad rows), " +
                          $"queries from half '{half}': {drawn.Count:N0} addresses, seed {seed}");

        var queries = NoiseModel.Generate(addresses, drawn, count, seed);
        var results = geocoder.GeocodeBatch([.. queries.Select(q => q.Text)], Environment.ProcessorCount);
        var outcomes = GeocodeAccuracy.JudgeAll(queries, [.. results.Select(AddressKey.OfMatch)]);
        GeocodeAccuracy.PrintByKind(queries, NoiseModel.Kinds, [("geocoder", outcomes)]);
        Console.WriteLine();
        foreach (var i in Enumerable.Range(0, queries.Count).Where(i => outcomes[i] != Outcome.Correct).OrderBy(i => outcomes[i]).Take(40))
        {
            Console.WriteLine($"{outcomes[i],-10} {queries[i].Kind,-20} '{queries[i].Text}' -> {results[i].Status} {results[i].Address} " +
                              $"({results[i].Reason}); expected {queries[i].Expected?.ToString() ?? "unmatched"}");
        }
        double Share(Outcome outcome) => 100.0 * outcomes.Count(o => o == outcome) / outcomes.Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"geocoder-noise: queries={queries.Count} half={half} seed={seed} correct_pct={Share(Outcome.Correct):F2} " +
            $"wrong_pct={Share(Outcome.Wrong):F2} missed_pct={Share(Outcome.NotMatched):F2}"));
        return Task.FromResult(0);
    }
}

/// <summary>
/// The noise model of <see cref="GeocoderNoiseBenchmark"/>, seeded and independent of any city: the kinds take turns, each
/// query drawn from a random address (for the street-type kinds: one whose street ends in a type of
/// <see cref="StreetNames.Types"/>; for the short-name kind: a street of at most six letters). Typos are one deletion,
/// insertion, substitution (random letter a–z) or swap of neighbours, never at a word's first letter. The woonplaats is given
/// whenever the street name exists in more than one woonplaats, otherwise half of the time. A query for a number that does
/// not exist is correct when not matched.
/// </summary>
internal static class NoiseModel
{
    public static readonly string[] Kinds =
    [
        "postcode", "full_address", "street", "word_abbreviation", "type_abbreviation", "abbreviation_typo", "typo",
        "short_name_typo", "number_spelling", "nonexistent_number",
    ];

    private const string Vowels = "aeiouy";

    /// <summary>Stable across runs and machines (string.GetHashCode is not): FNV-1a of the folded name.</summary>
    public static bool IsInHalf(string street, string half)
    {
        var hash = 2166136261u;
        foreach (var c in TextFolding.ToLowerWithoutDiacritics(street))
        {
            hash = (hash ^ c) * 16777619u;
        }
        return (hash % 2 == 0) == (half == "dev");
    }

    public static IReadOnlyList<NoisyQuery> Generate(IReadOnlyList<BagAddress> all, IReadOnlyList<BagAddress> drawn, int count, int seed)
    {
        var random = new Random(seed);
        var woonplaatsenByStreet = all.GroupBy(a => a.Straat).ToDictionary(g => g.Key, g => g.Select(a => a.Woonplaats).Distinct().Count());
        var numbersByStreet = all.GroupBy(a => (a.Straat, a.Woonplaats)).ToDictionary(g => g.Key, g => g.Select(a => a.Huisnummer).ToHashSet());
        var typed = drawn.Where(a => TypeOf(a.Straat) is not null).ToList();
        var shortNames = drawn.Where(a => StreetNames.Key(a.Straat).Length is >= 3 and <= 6).ToList();
        var queries = new List<NoisyQuery>(count);
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            var pool = kind switch { "type_abbreviation" or "abbreviation_typo" => typed, "short_name_typo" => shortNames, _ => drawn };
            var a = pool[random.Next(pool.Count)];
            string Place() => woonplaatsenByStreet[a.Straat] > 1 || random.Next(2) == 0 ? " " + a.Woonplaats : "";
            string Street(string street) => $"{street} {NoisyQuerySet.Number(a)}{Place()}";
            queries.Add(kind switch
            {
                "postcode" => new(random.Next(2) == 0
                    ? $"{a.Postcode} {NoisyQuerySet.Number(a)}"
                    : $"{a.Postcode.Value[..4]} {a.Postcode.Value[4..].ToLowerInvariant()} {NoisyQuerySet.Number(a).ToLowerInvariant()}", kind, a),
                "full_address" => new($"{a.Straat} {NoisyQuerySet.Number(a)}, {a.Postcode} {a.Woonplaats}", kind, a),
                "street" => new(Street(random.Next(3) switch { 0 => a.Straat, 1 => a.Straat.ToLowerInvariant(), _ => a.Straat.ToUpperInvariant() }), kind, a),
                "word_abbreviation" => new(Street(NoisyQuerySet.Abbreviate(a.Straat)), kind, a),
                "type_abbreviation" => new(Street(AbbreviateType(a.Straat, random, withTypo: false)), kind, a),
                "abbreviation_typo" => new(Street(AbbreviateType(a.Straat, random, withTypo: true)), kind, a),
                "typo" or "short_name_typo" => new(Street(Typo(a.Straat, 0, a.Straat.Length, random)), kind, a),
                "number_spelling" => new($"{a.Straat} {NoisyQuerySet.SpellNumber(a, random)}{Place()}", kind, a),
                _ => NoisyQuerySet.NonexistentNumber(a, numbersByStreet[(a.Straat, a.Woonplaats)], random),
            });
        }
        return queries;
    }

    /// <summary>The longest street type the name ends with (glued or as its last word), or null.</summary>
    private static string? TypeOf(string street)
    {
        var lower = street.ToLowerInvariant();
        return StreetNames.Types.Where(t => lower.Length > t.Length && lower.EndsWith(t, StringComparison.Ordinal))
            .MaxBy(t => t.Length);
    }

    /// <summary>
    /// The street type replaced by a prefix of two letters or more (<c>str</c>, <c>sing</c>) or a consonant skeleton, whole or cut
    /// short (<c>strt</c>, <c>sngl</c>, <c>kd</c>, <c>dk</c>, <c>grcht</c>, <c>gr</c>); half of them with a full stop, a third of
    /// the glued ones split off as a word. With a typo: half in the name before the type, half in an abbreviation of three
    /// letters or more.
    /// </summary>
    private static string AbbreviateType(string street, Random random, bool withTypo)
    {
        var type = TypeOf(street)!;
        var name = street[..^type.Length];
        var skeleton = type[0] + string.Concat(type[1..].Replace("ij", "").Where(c => !Vowels.Contains(c)));
        var abbreviation = random.Next(3) switch
        {
            0 when type.Length > 2 => type[..random.Next(2, type.Length)],
            1 when skeleton.Length > 2 => skeleton[..random.Next(2, skeleton.Length)],
            _ => skeleton.Length >= 2 ? skeleton : type[..2],
        };
        if (withTypo)
        {
            if (random.Next(2) == 0 && abbreviation.Length >= 3)
            {
                abbreviation = Typo(abbreviation, 0, abbreviation.Length, random);
            }
            else
            {
                name = Typo(name, 0, name.Length, random);
            }
        }
        var glued = name.Length > 0 && char.IsLetter(name[^1]);
        var separator = glued && random.Next(3) == 0 ? " " : "";
        return name + separator + abbreviation + (random.Next(2) == 0 ? "." : "");
    }

    /// <summary>One deletion, insertion, substitution or swap of neighbours in text[start..end], never at a word's first letter.</summary>
    private static string Typo(string text, int start, int end, Random random)
    {
        var positions = Enumerable.Range(start, end - start)
            .Where(i => char.IsLetter(text[i]) && i > 0 && char.IsLetter(text[i - 1])).ToList();
        if (positions.Count == 0)
        {
            return text;
        }
        var at = positions[random.Next(positions.Count)];
        var letter = (char)('a' + random.Next(26));
        return random.Next(4) switch
        {
            0 => text.Remove(at, 1),
            1 => text.Insert(at, letter.ToString()),
            2 => text[..at] + letter + text[(at + 1)..],
            _ when at + 1 < text.Length && char.IsLetter(text[at + 1]) => text[..at] + text[at + 1] + text[at] + text[(at + 2)..],
            _ => text.Remove(at, 1),
        };
    }
}
