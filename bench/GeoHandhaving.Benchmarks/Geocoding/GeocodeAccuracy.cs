using GeoHandhaving.Core.Addresses;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>The BAG's own key of an address; results from the database, the API and the index are compared by it.</summary>
public readonly record struct AddressKey(string Postcode, int Huisnummer, string Huisletter, string Toevoeging)
{
    public static AddressKey Of(BagAddress address) =>
        new(address.Postcode.Value, address.Huisnummer, address.Huisletter ?? "", address.Toevoeging ?? "");

    /// <summary>The key of the matched address; null when the geocoder did not match (unmatched or ambiguous).</summary>
    public static AddressKey? OfMatch(GeocodeResult result) =>
        result.Status == GeocodeStatus.Matched ? Of(result.Address!) : null;
}

public enum Outcome
{
    Correct,
    Wrong,
    NotMatched,
}

/// <summary>Judges geocoder answers against the noisy query set, per query kind and in total.</summary>
public static class GeocodeAccuracy
{
    /// <summary>A query for a number that does not exist is correct when not matched; any other match must be the expected address.</summary>
    public static Outcome Judge(BagAddress? expected, AddressKey? matched) => (expected, matched) switch
    {
        (null, null) => Outcome.Correct,
        (null, _) => Outcome.Wrong,
        (_, null) => Outcome.NotMatched,
        _ => matched == AddressKey.Of(expected) ? Outcome.Correct : Outcome.Wrong,
    };

    public static Outcome[] JudgeAll(IReadOnlyList<NoisyQuery> queries, IReadOnlyList<AddressKey?> matched) =>
        [.. queries.Select((query, i) => Judge(query.Expected, matched[i]))];

    /// <summary>"correct / wrong / unmatched" in percent of the outcomes.</summary>
    public static string Shares(IReadOnlyCollection<Outcome> outcomes)
    {
        double Share(Outcome outcome) => 100.0 * outcomes.Count(o => o == outcome) / outcomes.Count;
        return $"{Share(Outcome.Correct),6:F2}% {Share(Outcome.Wrong),5:F2}% {Share(Outcome.NotMatched),5:F2}%";
    }

    /// <summary>One row per query kind and one for all, one column group (correct / wrong / unmatched) per method.</summary>
    public static void PrintByKind(IReadOnlyList<NoisyQuery> queries, IEnumerable<string> kinds, IReadOnlyList<(string Method, Outcome[] Outcomes)> methods)
    {
        Console.WriteLine($"{"kind",-22} {"n",6} " + string.Join(" | ", methods.Select(m => $"{m.Method + " ok/wrong/unm",-22}")));
        foreach (var kind in kinds.Append("ALL"))
        {
            var indexes = Enumerable.Range(0, queries.Count).Where(i => kind == "ALL" || queries[i].Kind == kind).ToList();
            var columns = methods.Select(m => Shares([.. indexes.Where(i => i < m.Outcomes.Length).Select(i => m.Outcomes[i])]));
            Console.WriteLine($"{kind,-22} {indexes.Count,6} " + string.Join(" | ", columns.Select(c => $"{c,-22}")));
        }
    }
}
