using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace GeoHandhaving.Api.Platform;

/// <summary>
/// Turns exceptions into problem details without stack traces: an unreachable database is 503 (retry later),
/// a malformed body is 400, anything else 500 with a trace id to find the log line.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var (status, type, title, detail, field) = Classify(exception);
        if (status >= 500)
        {
            log.LogError(exception, "Request {Method} {Path} failed with {Status}", http.Request.Method, http.Request.Path, status);
        }
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            http.Response.Headers.RetryAfter = "5";
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = status, Type = Problems.TypeUri(type), Title = title, Detail = detail,
                Extensions = field is null ? new Dictionary<string, object?>() : new Dictionary<string, object?> { ["field"] = field },
            },
        });
    }

    private static (int, string, string, string, string? Field) Classify(Exception exception) => exception switch
    {
        BadHttpRequestException { InnerException: System.Text.Json.JsonException json } => Malformed(json),
        BadHttpRequestException bad => (bad.StatusCode, "bad-request", "Ongeldig verzoek", bad.Message, null),
        System.Text.Json.JsonException json => Malformed(json),
        _ when IsUnconstructableGeometry(exception) => (400, "invalid-geometry", "Ongeldige geometrie", exception.Message, "geometry"),
        _ when IsDatabaseUnavailable(exception) => (503, "database-unavailable", "Database tijdelijk niet bereikbaar",
            "De database is niet bereikbaar; probeer het over enkele seconden opnieuw.", null),
        OperationCanceledException => (499, "cancelled", "Verzoek afgebroken", "De client heeft het verzoek afgebroken.", null),
        _ => (500, "internal", "Interne fout", "Er ging iets mis aan onze kant; de fout is gelogd.", null),
    };

    /// <summary>The JSON reader's message names the path, line and position; the path is the field.</summary>
    private static (int, string, string, string, string?) Malformed(System.Text.Json.JsonException json) =>
        (400, "malformed-json", "Ongeldige JSON", json.Message, json.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null);

    /// <summary>
    /// NetTopologySuite refuses, while the body is read, coordinates it cannot build a geometry from (an unclosed ring,
    /// an unknown type): that is the client's input, not our fault.
    /// </summary>
    private static bool IsUnconstructableGeometry(Exception exception) =>
        exception is ArgumentException or NotSupportedException or InvalidOperationException or FormatException
        && new System.Diagnostics.StackTrace(exception).GetFrames().Any(f =>
            f.GetMethod()?.DeclaringType?.Assembly.GetName().Name?.StartsWith("NetTopologySuite", StringComparison.Ordinal) == true);

    internal static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException or TimeoutException
                || e is NpgsqlException { IsTransient: true }
                || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
            {
                return true;
            }
        }
        return false;
    }
}
