namespace GeoHandhaving.Core.Addresses;

/// <summary>
/// Offline BAG geocoding against an <see cref="AddressIndex"/>. A wrong match is worse than none: equally fitting addresses
/// give <see cref="GeocodeStatus.Ambiguous"/>, a house number that does not exist gives <see cref="GeocodeStatus.Unmatched"/>
/// (never the nearest number), and a postcode that disagrees with the street or woonplaats in the same query is reported as
/// ambiguous with both readings as candidates. Thread-safe: the index is immutable.
/// </summary>
public sealed class Geocoder
{
    public const int MaxCandidates = 5;
    public const double MaxReverseRadiusMetres = 5_000;

    // Scores say how much of the query had to be bent to match; a caller can set its own acceptance threshold.
    private const double ScorePostcode = 1.0;
    private const double ScoreStreetWithWoonplaats = 0.95;
    private const double ScoreStreetWithoutWoonplaats = 0.9;
    private const double ScoreAbbreviatedStreet = 0.85;
    private const double ScoreFuzzyStreet = 0.8;
    private const double ScorePostcodeWithUnknownStreet = 0.8;
    private const double PenaltyGuessedPart = 0.05;

    private readonly WoonplaatsSynonyms _woonplaatsen;

    public Geocoder(AddressIndex index, WoonplaatsSynonyms? woonplaatsen = null)
    {
        Index = index;
        _woonplaatsen = (woonplaatsen ?? WoonplaatsSynonyms.Amsterdam).Including(index.Woonplaatsen);
    }

    public AddressIndex Index { get; }

    public GeocodeResult Geocode(string query)
    {
        var parsed = AddressQuery.Parse(query, _woonplaatsen);
        if (parsed.Aanduiding is null)
        {
            return GeocodeResult.Unmatched(parsed.Problem ?? "no house number in the query");
        }
        if (parsed.Postcode is { } postcode)
        {
            return MatchWithPostcode(parsed, postcode, parsed.Aanduiding);
        }
        return parsed.Street.Length == 0
            ? GeocodeResult.Unmatched("no street or postcode in the query")
            : MatchStreet(parsed.Street, parsed.Woonplaats, parsed.Aanduiding);
    }

    /// <summary>Geocodes each query; results in query order. Parallel when <paramref name="maxDegreeOfParallelism"/> &gt; 1.</summary>
    public GeocodeResult[] GeocodeBatch(IReadOnlyList<string> queries, int maxDegreeOfParallelism = 1)
    {
        var results = new GeocodeResult[queries.Count];
        if (maxDegreeOfParallelism <= 1)
        {
            for (var i = 0; i < queries.Count; i++)
            {
                results[i] = Geocode(queries[i]);
            }
        }
        else
        {
            Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
                i => results[i] = Geocode(queries[i]));
        }
        return results;
    }

    /// <summary>The nearest address to an RD New point within <paramref name="radiusMetres"/> (at most 5 km), or null.</summary>
    public ReverseGeocodeResult? Reverse(double xRd, double yRd, double radiusMetres)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(radiusMetres);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radiusMetres, MaxReverseRadiusMetres);
        return Index.Nearest(xRd, yRd, radiusMetres) is var (address, distance) ? new ReverseGeocodeResult(address, distance) : null;
    }

    private GeocodeResult MatchWithPostcode(AddressQuery query, Postcode postcode, HuisnummerAanduiding aanduiding)
    {
        var atPostcode = Index.AtPostcode(postcode, aanduiding.Huisnummer);
        var byPostcode = atPostcode.IsEmpty
            ? Selection.None(() => Index.ContainsPostcode(postcode)
                ? $"postcode {postcode} has no huisnummer {aanduiding.Huisnummer}"
                : $"postcode {postcode} does not exist")
            : Select(atPostcode, aanduiding, () => $"at postcode {postcode}");
        var hasStreet = query.Street.Length > 0;
        if (byPostcode.Addresses.Count > 0 && byPostcode.Addresses.All(a => Agrees(query, a)))
        {
            return ToResult(byPostcode, hasStreet ? MatchTypes.PostcodeHuisnummerStraat : MatchTypes.PostcodeHuisnummer, ScorePostcode);
        }

        // Postcode and the rest of the query do not tell the same story: never silently pick one of them.
        var byStreet = hasStreet ? MatchStreet(query.Street, query.Woonplaats, aanduiding) : null;
        var streetAddresses = byStreet is null ? [] : byStreet.Address is { } a ? [a] : byStreet.Candidates;
        if (byPostcode.Addresses.Count == 0)
        {
            return streetAddresses.Count == 0
                ? GeocodeResult.Unmatched(byPostcode.Problem!() + (byStreet?.Reason is { } why ? "; " + why : ""))
                : GeocodeResult.Ambiguous(streetAddresses, MatchTypes.PostcodeHuisnummerStraat,
                    $"{byPostcode.Problem!()}, but the street gives {streetAddresses[0]}: check the postcode");
        }
        var postcodeAddress = byPostcode.Addresses[0];
        if (byStreet is null)
        {
            return GeocodeResult.Ambiguous(byPostcode.Addresses, MatchTypes.PostcodeHuisnummer,
                $"postcode {postcode} is in {postcodeAddress.Woonplaats}, the query says {query.Woonplaats}");
        }
        if (streetAddresses.Count == 0 && !IsKnownStreet(query.Street) && byPostcode.Addresses.Count == 1)
        {
            return GeocodeResult.Matched(postcodeAddress, ScorePostcodeWithUnknownStreet - byPostcode.Penalty, MatchTypes.PostcodeHuisnummer,
                $"street '{query.Street}' is not a known street; matched on postcode and house number");
        }
        return GeocodeResult.Ambiguous(byPostcode.Addresses.Concat(streetAddresses), MatchTypes.PostcodeHuisnummerStraat,
            $"postcode {postcode} gives {postcodeAddress}, but '{query.Street}' {(query.Woonplaats is null ? "" : $"in {query.Woonplaats} ")}does not: " +
                $"postcode and street disagree");
    }

    /// <summary>Whether the street (exact, one typo or abbreviated) and the woonplaats of the query fit the address.</summary>
    private bool Agrees(AddressQuery query, BagAddress address)
    {
        if (query.Woonplaats is not null && query.Woonplaats != address.Woonplaats)
        {
            return false;
        }
        if (query.Street.Length == 0 || StreetNames.Key(query.Street) == StreetNames.Key(address.Straat))
        {
            return true;
        }
        var (clean, withTypo) = SimilarStreets(query.Street);
        return clean.Concat(withTypo).Any(s => s.Name == address.Straat && s.Woonplaats == address.Woonplaats);
    }

    private bool IsKnownStreet(string street)
    {
        if (Index.StreetsWithKey(StreetNames.Key(street)).Count > 0)
        {
            return true;
        }
        var (clean, withTypo) = SimilarStreets(street);
        return clean.Count + withTypo.Count > 0;
    }

    /// <summary>
    /// Streets the name may mean though not spelled as in the BAG: <c>Clean</c> abbreviates a street's words or its street type
    /// (<c>1e Const. Huygensstr</c>, <c>Nassausngl</c>), <c>WithTypo</c> is one typo away, with or without an abbreviated street type.
    /// </summary>
    private (List<IndexedStreet> Clean, List<IndexedStreet> WithTypo) SimilarStreets(string street)
    {
        var key = StreetNames.Key(street);
        var keyAsTyped = StreetNames.KeyAsTyped(street);
        var clean = Index.StreetsAbbreviatedAs(StreetNames.Words(street)).ToList();
        var withTypo = Index.StreetsOneEditFrom(key).Concat(keyAsTyped == key ? [] : Index.StreetsOneEditFrom(keyAsTyped)).ToList();
        Index.StreetsWithAbbreviatedType(keyAsTyped, clean, withTypo);
        return (clean, withTypo);
    }

    private GeocodeResult MatchStreet(string street, string? woonplaats, HuisnummerAanduiding aanduiding)
    {
        var key = StreetNames.Key(street);
        var exact = Index.StreetsWithKey(key);
        if (exact.Count > 0)
        {
            return woonplaats is null
                ? MatchOnStreets(exact, null, aanduiding, MatchTypes.StraatHuisnummer, ScoreStreetWithoutWoonplaats)
                : MatchOnStreets(exact, woonplaats, aanduiding, MatchTypes.StraatHuisnummerWoonplaats, ScoreStreetWithWoonplaats);
        }

        // Not spelled as in the BAG: abbreviated, or one typo. Only streets that have the number are candidates, and two
        // different streets that both fit make the answer ambiguous: a wrong match is worse than none.
        // A street reached without a typo beats one reached with a typo, as the exact spelling beats both.
        var (clean, withTypo) = SimilarStreets(street);
        var fits = (IEnumerable<IndexedStreet> streets) =>
            streets.Where(s => (woonplaats is null || s.Woonplaats == woonplaats) && !Index.OnStreet(s, aanduiding.Huisnummer).IsEmpty).Any();
        var similar = (fits(clean) ? clean : clean.Concat(withTypo)).Where(s => woonplaats is null || s.Woonplaats == woonplaats).Distinct().ToList();
        if (similar.Count == 0)
        {
            return GeocodeResult.Unmatched(clean.Count + withTypo.Count == 0
                ? $"street '{street}' not found"
                : $"street '{street}' not found in {woonplaats}");
        }
        var withNumber = similar.Where(s => !Index.OnStreet(s, aanduiding.Huisnummer).IsEmpty).ToList();
        if (withNumber.Count == 0)
        {
            return GeocodeResult.Unmatched(
                $"street '{street}' not found; similar {string.Join(", ", similar.Select(s => s.Name).Distinct().Take(MaxCandidates))} " +
                $"has no huisnummer {aanduiding.Huisnummer}");
        }
        var distinctNames = withNumber.Select(s => s.Key).Distinct().Count();
        if (distinctNames > 1)
        {
            var candidates = withNumber.SelectMany(s => Select(Index.OnStreet(s, aanduiding.Huisnummer), aanduiding, () => "").Addresses);
            return GeocodeResult.Ambiguous(candidates, MatchTypes.FuzzyStraat,
                $"'{street}' is close to several streets: {string.Join(", ", withNumber.Select(s => s.Name).Distinct())}");
        }
        var isFuzzy = !clean.Contains(withNumber[0]);
        var score = (isFuzzy ? ScoreFuzzyStreet : ScoreAbbreviatedStreet) - (woonplaats is null ? PenaltyGuessedPart : 0);
        return MatchOnStreets(withNumber, woonplaats, aanduiding, isFuzzy ? MatchTypes.FuzzyStraat : MatchTypes.AfgekorteStraat, score);
    }

    private GeocodeResult MatchOnStreets(IReadOnlyList<IndexedStreet> streets, string? woonplaats, HuisnummerAanduiding aanduiding,
        string matchType, double score)
    {
        var inWoonplaats = woonplaats is null ? streets : streets.Where(s => s.Woonplaats == woonplaats).ToList();
        if (inWoonplaats.Count == 0)
        {
            return GeocodeResult.Unmatched(
                $"{streets[0].Name} is not in {woonplaats} (only in {string.Join(", ", streets.Select(s => s.Woonplaats).Distinct())})");
        }
        var sameNumber = inWoonplaats.Count == 1
            ? Index.OnStreet(inWoonplaats[0], aanduiding.Huisnummer)
            : inWoonplaats.SelectMany(s => Index.OnStreet(s, aanduiding.Huisnummer).ToArray()).ToArray();
        var woonplaatsen = inWoonplaats.Count == 1 ? [inWoonplaats[0].Woonplaats] : inWoonplaats.Select(s => s.Woonplaats).Distinct().ToList();
        var selection = Select(sameNumber, aanduiding, () => $"on {inWoonplaats[0].Name} in {string.Join(" or ", woonplaatsen)}");
        if (woonplaatsen.Count > 1 && selection.Addresses.Count > 0)
        {
            return GeocodeResult.Ambiguous(selection.Addresses, matchType,
                $"{inWoonplaats[0].Name} exists in {string.Join(" and ", woonplaatsen)}: give the woonplaats or the postcode");
        }
        return ToResult(selection, matchType, score);
    }

    private static GeocodeResult ToResult(Selection selection, string matchType, double score) => selection.Addresses.Count switch
    {
        0 => GeocodeResult.Unmatched(selection.Problem!()),
        1 => GeocodeResult.Matched(selection.Addresses[0], score - selection.Penalty, matchType),
        _ => GeocodeResult.Ambiguous(selection.Addresses, matchType, selection.Problem!()),
    };

    /// <summary>
    /// Picks from the addresses with one house number the one(s) the huisletter/toevoeging of the query denote. Without
    /// huisletter/toevoeging in the query: the single address without them, else all (ambiguous). Reasons are built only when
    /// needed: string formatting would otherwise dominate the cost of a match.
    /// </summary>
    private static Selection Select(ReadOnlySpan<BagAddress> sameNumber, HuisnummerAanduiding aanduiding, Func<string> where)
    {
        if (sameNumber.IsEmpty)
        {
            return Selection.None(() => $"huisnummer {aanduiding.Huisnummer} does not exist {where()}");
        }
        var group = sameNumber.ToArray();
        string Existing() =>
            $"huisnummer {aanduiding.Huisnummer} has {group.Length} addresses: {string.Join(", ", group.Take(8).Select(a => a.Aanduiding))}";
        string Variants() => $"{where()} {Existing()}";
        if (!aanduiding.HasSuffix)
        {
            if (group.Length == 1)
            {
                return new Selection(group, IsPlain(group[0]) ? 0 : PenaltyGuessedPart, null);
            }
            var plain = Array.FindAll(group, IsPlain);
            return plain.Length == 1
                ? new Selection(plain, 0, null)
                : new Selection(group, 0, () => $"{Variants()}: give the huisletter or toevoeging");
        }
        var penalty = 0.0;
        foreach (var (huisletter, toevoeging) in aanduiding.Interpretations())
        {
            var fitting = Array.FindAll(group, a => SameText(a.Huisletter, huisletter) && SameText(a.Toevoeging, toevoeging));
            if (fitting.Length > 0)
            {
                return new Selection(fitting, penalty, Variants);
            }
            penalty = PenaltyGuessedPart;
        }
        // 12A asked, only 12A-1 and 12A-2 exist: the letter fits, the toevoeging is missing.
        if (aanduiding is { Huisletter: { } letter, Toevoeging: null })
        {
            var withLetter = Array.FindAll(group, a => SameText(a.Huisletter, letter));
            if (withLetter.Length > 0)
            {
                return new Selection(withLetter, PenaltyGuessedPart, () => $"{Variants()}: give the toevoeging");
            }
        }
        return Selection.None(() => $"{aanduiding} does not exist {where()} ({Existing()})");
    }

    private static bool IsPlain(BagAddress address) => address.Huisletter is null && address.Toevoeging is null;

    private static bool SameText(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private readonly record struct Selection(IReadOnlyList<BagAddress> Addresses, double Penalty, Func<string>? Problem)
    {
        public static Selection None(Func<string> problem) => new([], 0, problem);
    }
}
