using GeoHandhaving.Api.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Wijken;

/// <summary>The CRS of the wijken requests and responses (REST and OGC).</summary>
internal static class WijkenCrs
{
    /// <summary>The CRS of the response (query parameter <c>crs</c>); sets Content-Crs. Null when unsupported.</summary>
    internal static OutputCrs? ResponseCrs(string? crs, HttpContext http)
    {
        var output = OutputCrs.Parse(crs);
        if (output is not null)
        {
            http.Response.Headers["Content-Crs"] = output.ContentCrsHeader;
        }
        return output;
    }

    /// <summary>The CRS of a request body: the Content-Crs header (OGC API Features Part 4), else the <c>crs</c> parameter.</summary>
    internal static OutputCrs? RequestCrs(string? crs, HttpContext http) =>
        http.Request.Headers["Content-Crs"].FirstOrDefault() is { Length: > 0 } header ? OutputCrs.Parse(header.Trim('<', '>', ' ')) : OutputCrs.Parse(crs);

    internal static ProblemHttpResult UnsupportedCrs(string? crs) =>
        Problems.InvalidField("crs", $"Ondersteund: {string.Join(", ", OutputCrs.Supported)}.", crs);
}
