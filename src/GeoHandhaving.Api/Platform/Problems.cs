using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// The one way this API builds RFC 9457 problem details: a stable type URI per kind of problem, a title, the
/// detail in words, and extensions that point at the field, row or coordinate so the caller can act on it.
/// </summary>
public static class Problems
{
    private const string TypeBase = "https://geohandhaving.nl/problems/";

    /// <summary>The type URI of a kind of problem (<c>invalid-field</c>, <c>not-found</c> ...): the only place the base is written.</summary>
    public static string TypeUri(string type) => TypeBase + type;

    public static ProblemHttpResult Create(int status, string type, string title, string detail,
        IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: TypeUri(type), extensions: extensions);

    /// <summary>400: a request field is missing or malformed.</summary>
    public static ProblemHttpResult InvalidField(string field, string detail, object? value = null) =>
        Create(StatusCodes.Status400BadRequest, "invalid-field", $"Ongeldig veld '{field}'", detail,
            new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    /// <summary>422: well-formed but not acceptable (invalid geometry, point outside the Netherlands, ...).</summary>
    public static ProblemHttpResult Unprocessable(string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status422UnprocessableEntity, type, title, detail, extensions);

    public static ProblemHttpResult NotFound(string what, object id) =>
        Create(StatusCodes.Status404NotFound, "not-found", $"{what} niet gevonden", $"{what} '{id}' bestaat niet (in uw gemeente).",
            new Dictionary<string, object?> { ["id"] = id });

    public static ProblemHttpResult Conflict(string type, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Create(StatusCodes.Status409Conflict, type, title, detail, extensions);

    public static ProblemHttpResult PreconditionFailed(string currentEtag) =>
        Create(StatusCodes.Status412PreconditionFailed, "stale-etag", "Verouderde versie",
            "If-Match komt niet overeen met de huidige versie; haal het object opnieuw op en pas uw wijziging daarop toe.",
            new Dictionary<string, object?> { ["currentEtag"] = currentEtag });
}
