namespace GeoHandhaving.Api.Platform;

/// <summary>The one paging type: offset + limit with a hard maximum, validated at the edge.</summary>
public readonly record struct Paging(int Offset, int Limit)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 10_000;

    /// <summary>Null with a problem when the values are out of range.</summary>
    public static (Paging? Paging, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? Problem) From(int? offset, int? limit)
    {
        if (offset is < 0)
        {
            return (null, Problems.InvalidField("offset", "offset moet 0 of groter zijn.", offset));
        }
        if (limit is < 1 or > MaxLimit)
        {
            return (null, Problems.InvalidField("limit", $"limit moet tussen 1 en {MaxLimit} liggen.", limit));
        }
        return (new Paging(offset ?? 0, limit ?? DefaultLimit), null);
    }
}
