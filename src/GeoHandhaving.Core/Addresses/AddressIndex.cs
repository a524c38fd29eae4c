namespace GeoHandhaving.Core.Addresses;

/// <summary>A street (openbare ruimte) in one woonplaats, with its matching key and words (<see cref="StreetNames"/>).</summary>
public sealed record IndexedStreet(int Id, string Name, string Woonplaats, string Key, string[] Words);

/// <summary>
/// The in-memory BAG address index: postcode + number, street + number, street keys with typo and abbreviation lookup, and a
/// spatial grid for reverse geocoding. Immutable once built, so concurrent reads need no locks and a new index can replace the
/// old one with a single reference swap after an import.
/// </summary>
public sealed class AddressIndex
{
    private const double CellSizeMetres = 100;
    private const long NumberSlots = HuisnummerAanduiding.MaxHuisnummer + 1;

    // Three orderings of the same address objects, each grouped by a long key into contiguous ranges:
    // no per-group arrays, so 525 000 addresses cost little more than the records themselves.
    private readonly BagAddress[] _byPostcode;
    private readonly Dictionary<long, Range> _postcodeNumberRanges;
    private readonly HashSet<int> _postcodes;
    private readonly BagAddress[] _byStreet;
    private readonly Dictionary<long, Range> _streetNumberRanges;
    private readonly BagAddress[] _byCell;
    private readonly Dictionary<long, Range> _cellRanges;

    private readonly IndexedStreet[] _streets;
    private readonly Dictionary<string, IndexedStreet[]> _streetsByKey;
    private readonly Dictionary<string, List<string>> _keysByOneDeletion;
    private readonly Dictionary<string, IndexedStreet[]> _streetsByLastWord;
    private readonly Dictionary<string, (IndexedStreet Street, string Type)[]> _streetsByStem;
    private readonly Dictionary<string, List<string>> _stemsByOneDeletion;

    private AddressIndex(BagAddress[] addresses)
    {
        var streetIds = new Dictionary<(string Name, string Woonplaats), int>();
        var streets = new List<IndexedStreet>();
        var streetOfAddress = new int[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            var address = addresses[i];
            if (!streetIds.TryGetValue((address.Straat, address.Woonplaats), out var id))
            {
                id = streets.Count;
                streetIds.Add((address.Straat, address.Woonplaats), id);
                var words = StreetNames.Words(address.Straat);
                streets.Add(new IndexedStreet(id, address.Straat, address.Woonplaats, string.Concat(words), words));
            }
            streetOfAddress[i] = id;
        }
        _streets = [.. streets];
        _streetsByKey = _streets.GroupBy(s => s.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        _keysByOneDeletion = BuildDeletionIndex(_streetsByKey.Keys);
        _streetsByLastWord = _streets.Where(s => s.Words.Length > 0)
            .GroupBy(s => s.Words[^1], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
        // Stems of the key and of the key as written (WG-plein: "wegplein" and "wgplein"), so "WG-pln" finds it either way.
        _streetsByStem = _streets
            .SelectMany(s => new[] { s.Key, StreetNames.KeyAsTyped(s.Name) }.Distinct()
                .SelectMany(key => StreetNames.TypesOf(key).Select(type => (Stem: key[..^type.Length], Street: s, Type: type))))
            .GroupBy(st => st.Stem, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(st => (st.Street, st.Type)).Distinct().ToArray(), StringComparer.Ordinal);
        _stemsByOneDeletion = BuildDeletionIndex(_streetsByStem.Keys);
        Woonplaatsen = [.. _streets.Select(s => s.Woonplaats).Distinct().Order(StringComparer.Ordinal)];

        (_byPostcode, _postcodeNumberRanges) = Group(addresses, (a, _) => PostcodeNumberKey(a.Postcode, a.Huisnummer));
        _postcodes = [.. addresses.Select(a => a.Postcode.Code)];
        (_byStreet, _streetNumberRanges) = Group(addresses, (a, i) => StreetNumberKey(streetOfAddress[i], a.Huisnummer));
        (_byCell, _cellRanges) = Group(addresses, (a, _) => CellKey(Cell(a.XRd), Cell(a.YRd)));
    }

    public int Count => _byPostcode.Length;

    public IReadOnlyList<string> Woonplaatsen { get; }

    public IReadOnlyList<IndexedStreet> Streets => _streets;

    public static AddressIndex Build(IEnumerable<BagAddress> addresses) => new([.. addresses]);

    public bool ContainsPostcode(Postcode postcode) => _postcodes.Contains(postcode.Code);

    /// <summary>All addresses with this postcode and number (every huisletter and toevoeging).</summary>
    public ReadOnlySpan<BagAddress> AtPostcode(Postcode postcode, int huisnummer) =>
        Slice(_byPostcode, _postcodeNumberRanges, PostcodeNumberKey(postcode, huisnummer));

    /// <summary>All addresses with this number on this street (every huisletter and toevoeging).</summary>
    public ReadOnlySpan<BagAddress> OnStreet(IndexedStreet street, int huisnummer) =>
        Slice(_byStreet, _streetNumberRanges, StreetNumberKey(street.Id, huisnummer));

    /// <summary>Streets whose key is exactly <paramref name="key"/> (one per woonplaats, or several spellings of one name).</summary>
    public IReadOnlyList<IndexedStreet> StreetsWithKey(string key) => _streetsByKey.GetValueOrDefault(key) ?? [];

    /// <summary>Streets whose key is one edit (insert, delete, substitute, swap two neighbours) away from <paramref name="key"/>.</summary>
    public IEnumerable<IndexedStreet> StreetsOneEditFrom(string key) => KeysOneEditFrom(_keysByOneDeletion, key).SelectMany(k => _streetsByKey[k]);

    /// <summary>The keys of a deletion index exactly one edit from <paramref name="key"/>.</summary>
    private static IEnumerable<string> KeysOneEditFrom(Dictionary<string, List<string>> deletionIndex, string key)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in OneDeletionVariants(key).Prepend(key))
        {
            if (!deletionIndex.TryGetValue(variant, out var keys))
            {
                continue;
            }
            foreach (var candidate in keys)
            {
                if (candidate != key && seen.Add(candidate) && EditDistance.IsAtMostOne(key, candidate))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>Streets <paramref name="words"/> abbreviate: <c>eerste const huygensstraat</c> → Eerste Constantijn Huygensstraat.</summary>
    public IEnumerable<IndexedStreet> StreetsAbbreviatedAs(string[] words) =>
        words.Length > 0 && _streetsByLastWord.TryGetValue(words[^1], out var sameLastWord)
            ? sameLastWord.Where(s => IsAbbreviationOf(words, s.Words))
            : [];

    /// <summary>
    /// Streets whose name the key gives with its street type abbreviated by the general rule (<see cref="StreetNames.Abbreviates"/>):
    /// <c>vondelstrt</c>, <c>nassausngl</c>, <c>zeedk</c>. <paramref name="clean"/> gets the streets the key gives without a typo; <paramref name="withTypo"/>
    /// those it gives with one typo, in the abbreviation (<c>nassausgnl</c>) or in a name of three letters or more before it (<c>vondlstr</c>).
    /// </summary>
    public void StreetsWithAbbreviatedType(string key, List<IndexedStreet> clean, List<IndexedStreet> withTypo)
    {
        for (var tailLength = 2; tailLength <= StreetNames.LongestType + 1 && tailLength < key.Length; tailLength++)
        {
            var stem = key[..^tailLength];
            var tail = key.AsSpan(key.Length - tailLength);
            foreach (var (street, type) in _streetsByStem.GetValueOrDefault(stem) ?? [])
            {
                if (StreetNames.Abbreviates(tail, type))
                {
                    clean.Add(street);
                }
                else if (StreetNames.AbbreviatesWithTypo(tail, type))
                {
                    withTypo.Add(street);
                }
            }
            if (stem.Length < 3)
            {
                continue;
            }
            foreach (var similarStem in KeysOneEditFrom(_stemsByOneDeletion, stem))
            {
                foreach (var (street, type) in _streetsByStem[similarStem])
                {
                    if (StreetNames.Abbreviates(tail, type))
                    {
                        withTypo.Add(street);
                    }
                }
            }
        }
    }

    /// <summary>Same number of words, each query word starts the street's word, and the street type (last word) is equal.</summary>
    private static bool IsAbbreviationOf(string[] queryWords, string[] streetWords) =>
        queryWords.Length > 0 && queryWords.Length == streetWords.Length && queryWords[^1] == streetWords[^1]
        && streetWords.Zip(queryWords).All(pair => pair.First.StartsWith(pair.Second, StringComparison.Ordinal));

    /// <summary>The address nearest to (x, y) in RD New within <paramref name="radiusMetres"/>, or null.</summary>
    public (BagAddress Address, double DistanceMetres)? Nearest(double xRd, double yRd, double radiusMetres)
    {
        var (centreX, centreY) = (Cell(xRd), Cell(yRd));
        BagAddress? best = null;
        var bestSquared = radiusMetres * radiusMetres;
        var maxRing = (int)Math.Ceiling(radiusMetres / CellSizeMetres) + 1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every point in ring r lies at least (r - 1) cells from the query point: stop once that is beyond the best found.
            var ringDistance = Math.Max(0, ring - 1) * CellSizeMetres;
            if (ringDistance * ringDistance > bestSquared)
            {
                break;
            }
            for (var dx = -ring; dx <= ring; dx++)
            {
                var onVerticalEdge = dx == -ring || dx == ring;
                for (var dy = -ring; dy <= ring; dy += onVerticalEdge ? 1 : 2 * ring)
                {
                    foreach (var address in Slice(_byCell, _cellRanges, CellKey(centreX + dx, centreY + dy)))
                    {
                        var squared = (address.XRd - xRd) * (address.XRd - xRd) + (address.YRd - yRd) * (address.YRd - yRd);
                        if (squared <= bestSquared && (best is null || squared < bestSquared))
                        {
                            best = address;
                            bestSquared = squared;
                        }
                    }
                }
            }
        }
        return best is null ? null : (best, Math.Sqrt(bestSquared));
    }

    private static long PostcodeNumberKey(Postcode postcode, int huisnummer) => postcode.Code * NumberSlots + huisnummer;

    private static long StreetNumberKey(int streetId, int huisnummer) => streetId * NumberSlots + huisnummer;

    private static int Cell(double metres) => (int)Math.Floor(metres / CellSizeMetres);

    private static long CellKey(int cellX, int cellY) => ((long)cellX << 32) | (uint)cellY;

    private static ReadOnlySpan<BagAddress> Slice(BagAddress[] ordered, Dictionary<long, Range> ranges, long key) =>
        ranges.TryGetValue(key, out var range) ? ordered.AsSpan(range) : [];

    private static (BagAddress[] Ordered, Dictionary<long, Range> Ranges) Group(BagAddress[] addresses, Func<BagAddress, int, long> keyOf)
    {
        var keys = new long[addresses.Length];
        for (var i = 0; i < addresses.Length; i++)
        {
            keys[i] = keyOf(addresses[i], i);
        }
        var ordered = (BagAddress[])addresses.Clone();
        Array.Sort(keys, ordered);
        var ranges = new Dictionary<long, Range>();
        for (var start = 0; start < keys.Length;)
        {
            var end = start + 1;
            while (end < keys.Length && keys[end] == keys[start])
            {
                end++;
            }
            ranges.Add(keys[start], start..end);
            // Array.Sort is not stable: order each group so candidates and reasons always list 1, 1A, 1A-2, 1-H alike.
            Array.Sort(ordered, start, end - start, AddressOrder);
            start = end;
        }
        return (ordered, ranges);
    }

    private static readonly Comparer<BagAddress> AddressOrder = Comparer<BagAddress>.Create((a, b) =>
    {
        var byNumber = a.Huisnummer.CompareTo(b.Huisnummer);
        var byLetter = byNumber != 0 ? byNumber : StringComparer.OrdinalIgnoreCase.Compare(a.Huisletter, b.Huisletter);
        return byLetter != 0 ? byLetter : StringComparer.OrdinalIgnoreCase.Compare(a.Toevoeging, b.Toevoeging);
    });

    private static Dictionary<string, List<string>> BuildDeletionIndex(IEnumerable<string> keys)
    {
        var index = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            foreach (var variant in OneDeletionVariants(key).Prepend(key).Distinct())
            {
                if (!index.TryGetValue(variant, out var list))
                {
                    index.Add(variant, list = []);
                }
                list.Add(key);
            }
        }
        return index;
    }

    // Symmetric deletion (SymSpell): two strings within one edit share a one-deletion variant, so a few dictionary probes
    // replace comparing the query with every street.
    private static IEnumerable<string> OneDeletionVariants(string key)
    {
        for (var i = 0; i < key.Length; i++)
        {
            yield return string.Concat(key.AsSpan(0, i), key.AsSpan(i + 1));
        }
    }
}
