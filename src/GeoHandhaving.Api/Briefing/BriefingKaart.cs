using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Briefing;

/// <summary>A school on the wijk map (RD New).</summary>
public sealed record KaartSchool(string Naam, Point Punt);

/// <summary>
/// The map of one wijk as inline SVG, drawn on the server in RD New metres (x east, y north, so the SVG's y is flipped):
/// the wijk outline, the hotspots of each place numbered as in the list, the schools, a scale bar and a north arrow. It
/// prints and works offline; a WMS basemap is drawn beneath only when one is configured.
/// </summary>
public static class BriefingKaart
{
    private const double BreedtePixels = 640;

    public static string Render(string wijkCode, Geometry wijk, IReadOnlyList<Plaats> plaatsen, IReadOnlyList<KaartSchool> scholen, string basemapWmsUrl)
    {
        var env = new Envelope(wijk.EnvelopeInternal);
        // The schools near the wijk (up to 300 m outside it) are on the map too, not cut off at its edge.
        foreach (var school in scholen) env.ExpandToInclude(school.Punt.Coordinate);
        env.ExpandBy(Math.Max(env.Width, env.Height) * 0.04 + 50);
        var (minX, maxY, w, h) = (env.MinX, env.MaxY, env.Width, env.Height);
        var hoogtePixels = Math.Round(BreedtePixels * h / w);
        var eenheid = w / BreedtePixels; // metres per pixel: marker and text sizes in pixels stay the same on every wijk
        string X(double x) => F(x - minX);
        string Y(double y) => F(maxY - y);
        string Pad(Geometry g)
        {
            var pad = new StringBuilder();
            foreach (var polygon in Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN).OfType<Polygon>())
            {
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    pad.Append('M');
                    pad.AppendJoin(' ', ring.Coordinates.Take(ring.NumPoints - 1).Select(c => $"{X(c.X)} {Y(c.Y)}"));
                    pad.Append('Z');
                }
            }
            return pad.ToString();
        }

        var svg = new StringBuilder();
        svg.Append($"""<svg class="kaart" data-wijk="{E(wijkCode)}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {F(w)} {F(h)}" """)
            .Append($"""width="{F(BreedtePixels)}" height="{F(hoogtePixels)}" role="img" aria-label="Kaart van wijk {E(wijkCode)}">""");
        if (basemapWmsUrl.Length > 0)
        {
            var url = $"{basemapWmsUrl}{(basemapWmsUrl.Contains('?') ? "&" : "?")}CRS=EPSG:28992" +
                $"&BBOX={F(env.MinX)},{F(env.MinY)},{F(env.MaxX)},{F(env.MaxY)}&WIDTH={F(BreedtePixels * 2)}&HEIGHT={F(hoogtePixels * 2)}";
            svg.Append($"""<image class="basemap" href="{E(url)}" x="0" y="0" width="{F(w)}" height="{F(h)}" preserveAspectRatio="none" opacity="0.6"/>""");
        }
        svg.Append($"""<path class="wijk" d="{Pad(wijk)}" fill="#f4f1e8" fill-opacity="{(basemapWmsUrl.Length > 0 ? "0.3" : "1")}" """)
            .Append($"""stroke="#333" stroke-width="{F(2 * eenheid)}" fill-rule="evenodd"/>""");
        // Each place's best hotspot: its merged neighbours (other windows, all categories) mostly cover the same cells.
        foreach (var plaats in plaatsen)
        {
            svg.Append($"""<path class="hotspot-vlak" d="{Pad(plaats.Beste.Geometrie)}" fill="#d7301f" fill-opacity="0.3" """)
                .Append($"""stroke="#d7301f" stroke-width="{F(eenheid)}" fill-rule="evenodd"/>""");
        }
        foreach (var school in scholen)
        {
            var s = 5 * eenheid;
            var (x, y) = (school.Punt.X - minX, maxY - school.Punt.Y);
            svg.Append($"""<g class="school"><rect x="{F(x - s)}" y="{F(y - s)}" width="{F(2 * s)}" height="{F(2 * s)}" fill="#2166ac"/>""");
            // A name that would run off the right edge goes left of its school (at most about 0.6 em per character).
            var links = x + 1.6 * s + school.Naam.Length * 6 * eenheid > w;
            svg.Append($"""<text x="{F(links ? x - 1.6 * s : x + 1.6 * s)}" y="{F(y + s)}" font-size="{F(10 * eenheid)}" """)
                .Append($"""text-anchor="{(links ? "end" : "start")}" fill="#2166ac">{E(school.Naam)}</text></g>""");
        }
        foreach (var plaats in plaatsen.Reverse())
        {
            var c = plaats.Beste.Centroide;
            svg.Append($"""<g class="hotspot" data-nummer="{plaats.Nummer}"><circle cx="{X(c.X)}" cy="{Y(c.Y)}" r="{F(10 * eenheid)}" """)
                .Append($"""fill="#d7301f" stroke="#fff" stroke-width="{F(1.5 * eenheid)}"/>""");
            svg.Append($"""<text x="{X(c.X)}" y="{F(maxY - c.Y + 4.5 * eenheid)}" font-size="{F(13 * eenheid)}" font-weight="bold" """)
                .Append($"""text-anchor="middle" fill="#fff">{plaats.Nummer}</text></g>""");
        }
        Schaalbalk(svg, w, h, eenheid);
        svg.Append($"""<g class="noordpijl"><text x="{F(w - 20 * eenheid)}" y="{F(24 * eenheid)}" font-size="{F(16 * eenheid)}" """)
            .Append("""font-weight="bold" text-anchor="middle">N</text>""");
        svg.Append($"""<path d="M{F(w - 20 * eenheid)} {F(28 * eenheid)} l{F(-6 * eenheid)} {F(14 * eenheid)} h{F(12 * eenheid)} Z" fill="#333"/></g>""");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ m) of about a fifth of the map width, bottom left.</summary>
    private static void Schaalbalk(StringBuilder svg, double w, double h, double eenheid)
    {
        var doel = w / 5;
        var macht = Math.Pow(10, Math.Floor(Math.Log10(doel)));
        var lengte = new[] { 5, 2, 1 }.Select(f => f * macht).First(l => l <= doel);
        var (x, y) = (12 * eenheid, h - 14 * eenheid);
        var tekst = lengte >= 1000 ? $"{F(lengte / 1000)} km" : $"{F(lengte)} m";
        svg.Append($"""<g class="schaalbalk" data-meter="{F(lengte)}">""")
            .Append($"""<rect x="{F(x)}" y="{F(y)}" width="{F(lengte)}" height="{F(4 * eenheid)}" fill="#333"/>""");
        svg.Append($"""<text x="{F(x)}" y="{F(y - 4 * eenheid)}" font-size="{F(11 * eenheid)}">{tekst}</text></g>""");
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
