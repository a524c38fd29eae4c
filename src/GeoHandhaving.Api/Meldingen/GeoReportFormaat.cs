using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml.Linq;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>One GeoReport v2 error: the HTTP code and a description that starts with the field it is about.</summary>
public sealed record GeoReportFout(int Code, string Description, string? Field);

/// <summary>
/// GeoReport v2's two formats, chosen by the extension of the route (<c>.json</c>, <c>.xml</c>): XML is the standard's
/// default and every route offers both. XML elements carry the same names as the JSON members (the records'
/// <see cref="JsonPropertyNameAttribute"/>), so the two formats cannot drift apart.
/// </summary>
public static class GeoReportFormaat
{
    public const string Json = "json";
    public const string Xml = "xml";
    /// <summary>Route constraint for the format extension (<see cref="FormaatConstraint"/>).</summary>
    public const string Constraint = "georeport";
    public const string XmlMediaType = "text/xml";

    public static ContentHttpResult AlsXml(XElement root, int status = StatusCodes.Status200OK) =>
        TypedResults.Content($"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n{root}", $"{XmlMediaType}; charset=utf-8", Encoding.UTF8, status);

    /// <summary>A list as GeoReport XML: <c>&lt;lijst&gt;&lt;item&gt;…&lt;/item&gt;&lt;/lijst&gt;</c>, members in declaration order.</summary>
    public static XElement Lijst<T>(string lijst, string item, IEnumerable<T> items) =>
        new(lijst, items.Select(i => new XElement(item, typeof(T).GetProperties().Select(p => new XElement(Naam(p), Tekst(p.GetValue(i)))))));

    /// <summary>The error in GeoReport's format (JSON: an array of {code, description}; XML: &lt;errors&gt;), in the route's format.</summary>
    public static ContentHttpResult Fout(string format, int code, string? field, string reden)
    {
        var fout = new GeoReportFout(code, field is null ? reden : $"{field}: {reden}", field);
        return format == Xml ? AlsXml(Lijst("errors", "error", [fout]), code)
            : TypedResults.Content(JsonSerializer.Serialize(new[] { fout }, JsonSerializerOptions.Web), "application/json; charset=utf-8", Encoding.UTF8, code);
    }

    /// <summary>Matches the format extension json or xml; another one is no GeoReport route (404).</summary>
    public sealed class FormaatConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            values.TryGetValue(routeKey, out var value) && value is Json or Xml;
    }

    private static string Naam(PropertyInfo p) =>
        p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name);

    private static string Tekst(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateTimeOffset t => t.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
