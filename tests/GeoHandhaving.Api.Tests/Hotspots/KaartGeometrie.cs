using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>
/// Reads a briefing's wijk map back from its SVG as geometry and names every school label that covers a hotspot marker,
/// another label or the map's edge. A label's box is measured the way DejaVu Sans (Chromium's sans-serif here) sets it:
/// 0.6 em per character of a school's name (bold a tenth wider), 0.9 em above the baseline and 0.2 em below; the
/// browser test measures the same with getBBox.
/// </summary>
internal static partial class KaartGeometrie
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public sealed record Label(string School, string Tekst, bool Letter, double Links, double Boven, double Rechts, double Onder);

    public sealed record Marker(string Nummer, double Cx, double Cy, double R);

    public static IEnumerable<XElement> Kaarten(string html) =>
        SvgPatroon().Matches(html).Select(m => XElement.Parse(m.Value));

    public static List<Label> Labels(XElement kaart) =>
    [
        .. kaart.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "school").Select(g =>
        {
            var text = g.Element(Svg + "text")!;
            var (x, y, em) = (Getal(text, "x"), Getal(text, "y"), Getal(text, "font-size"));
            var breedte = text.Value.Length * 0.6 * em * ((string?)text.Attribute("font-weight") == "bold" ? 1.1 : 1);
            var links = (string?)text.Attribute("text-anchor") switch { "end" => x - breedte, "middle" => x - breedte / 2, _ => x };
            var letter = (string?)text.Attribute("class") == "letter";
            return new Label((string)g.Attribute("data-naam")!, text.Value, letter, links, y - 0.9 * em, links + breedte, y + 0.2 * em);
        }),
    ];

    public static List<Marker> Markers(XElement kaart) =>
    [
        .. kaart.Descendants(Svg + "g").Where(g => (string?)g.Attribute("class") == "hotspot").Select(g =>
        {
            var c = g.Element(Svg + "circle")!;
            return new Marker((string)g.Attribute("data-nummer")!, Getal(c, "cx"), Getal(c, "cy"), Getal(c, "r") + Getal(c, "stroke-width") / 2);
        }),
    ];

    /// <summary>What is wrong with the labels of this map, in words; empty when nothing is.</summary>
    public static List<string> Botsingen(XElement kaart)
    {
        var kader = ((string)kaart.Attribute("viewBox")!).Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var labels = Labels(kaart);
        var fouten = new List<string>();
        foreach (var l in labels)
        {
            if (l.Links < 0 || l.Boven < 0 || l.Rechts > kader[2] || l.Onder > kader[3]) fouten.Add($"'{l.Tekst}' runs off the map");
            foreach (var m in Markers(kaart))
            {
                var (dx, dy) = (m.Cx - Math.Clamp(m.Cx, l.Links, l.Rechts), m.Cy - Math.Clamp(m.Cy, l.Boven, l.Onder));
                if (dx * dx + dy * dy < m.R * m.R) fouten.Add($"'{l.Tekst}' covers marker {m.Nummer}");
            }
            foreach (var o in labels.Where(o => o != l && string.CompareOrdinal(o.School, l.School) > 0))
            {
                if (l.Links < o.Rechts && o.Links < l.Rechts && l.Boven < o.Onder && o.Boven < l.Onder) fouten.Add($"'{l.Tekst}' covers '{o.Tekst}'");
            }
        }
        return fouten;
    }

    private static double Getal(XElement e, string attribuut) => double.Parse((string)e.Attribute(attribuut)!, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg class=\"kaart\".*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgPatroon();
}
