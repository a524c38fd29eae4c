using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The one paging type: offset + limit with a hard maximum, validated at the edge. Out of range is refused with problem
/// details (<see cref="From"/>); only OGC API Features clamps a limit above the maximum, as its standard demands
/// (<see cref="Clamped"/>).
/// </summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    /// <summary>Null with a problem when the values are out of range.</summary>
    public static (Paging? Paging, ProblemHttpResult? Problem) From(int? offset, int? limit, int defaultLimit = DefaultLimit, int maxLimit = MaxLimit)
    {
        if (offset is < 0)
        {
            return (null, Problems.InvalidField("offset", "offset moet 0 of groter zijn.", offset));
        }
        if (limit is < 1 || limit > maxLimit)
        {
            return (null, Problems.InvalidField("limit", $"limit moet tussen 1 en {maxLimit} liggen.", limit));
        }
        return (new Paging(offset ?? 0, limit ?? defaultLimit), null);
    }

    /// <summary>
    /// OGC API Features Part 1 (/req/core/query-param-limit-response): a limit above the maximum is not an error, the
    /// server serves the maximum. A limit below 1 or a negative offset is still refused.
    /// </summary>
    public static (Paging? Paging, ProblemHttpResult? Problem) Clamped(int? offset, int? limit) =>
        From(offset, limit is > MaxLimit ? MaxLimit : limit);
}
