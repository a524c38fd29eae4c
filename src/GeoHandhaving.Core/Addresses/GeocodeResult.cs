namespace GeoHandhaving.Core.Addresses;

public enum GeocodeStatus
{
    Matched,
    Ambiguous,
    Unmatched,
}

/// <summary>How a match was found; the wire names the API and CSV export use.</summary>
public static class MatchTypes
{
    public const string PostcodeHuisnummer = "postcode_huisnummer";
    public const string PostcodeHuisnummerStraat = "postcode_huisnummer_straat";
    public const string StraatHuisnummerWoonplaats = "straat_huisnummer_woonplaats";
    public const string StraatHuisnummer = "straat_huisnummer";
    public const string FuzzyStraat = "fuzzy_straat";
    public const string AfgekorteStraat = "afgekorte_straat";
}

/// <summary>
/// The answer to one query. <see cref="Address"/> is set when matched; <see cref="Candidates"/> (at most
/// <see cref="Geocoder.MaxCandidates"/>) when ambiguous; <see cref="Reason"/> says in words why a query is not matched, is
/// ambiguous, or what was overlooked in a match.
/// </summary>
public sealed record GeocodeResult(
    GeocodeStatus Status,
    double Score,
    string? MatchType,
    BagAddress? Address,
    IReadOnlyList<BagAddress> Candidates,
    string? Reason)
{
    public static GeocodeResult Matched(BagAddress address, double score, string matchType, string? reason = null) =>
        new(GeocodeStatus.Matched, Math.Round(score, 2), matchType, address, [], reason);

    public static GeocodeResult Ambiguous(IEnumerable<BagAddress> candidates, string? matchType, string reason) =>
        new(GeocodeStatus.Ambiguous, 0, matchType, null, [.. candidates.Distinct().Take(Geocoder.MaxCandidates)], reason);

    public static GeocodeResult Unmatched(string reason) => new(GeocodeStatus.Unmatched, 0, null, null, [], reason);
}

/// <summary>The nearest address to a point and how far away it is (metres, RD New).</summary>
public sealed record ReverseGeocodeResult(BagAddress Address, double DistanceMetres);
