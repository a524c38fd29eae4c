using Microsoft.AspNetCore.WebUtilities;

namespace GeoHandhaving.Api.Platform;

public static class RequestBodies
{
    /// <summary>
    /// The request body as text, buffered first (to a temp file above 1 MB) because the CSV and NDJSON readers
    /// read synchronously and Kestrel forbids synchronous reads of the live request stream.
    /// </summary>
    public static async Task<StreamReader> BufferedTextAsync(this HttpRequest request, CancellationToken ct)
    {
        request.EnableBuffering(bufferThreshold: 1024 * 1024);
        await request.Body.DrainAsync(ct);
        request.Body.Position = 0;
        return new StreamReader(request.Body);
    }
}
