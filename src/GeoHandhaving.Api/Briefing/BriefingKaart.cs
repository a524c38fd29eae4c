using System.Globalization;
using System.Net;
using System.Text;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Briefing;

/// <summary>A school on the wijk map (RD New).</summary>
public sealed record KaartSchool(string Naam, Point Punt);

/// <param name="Legenda">The schools lettered on the map (their names did not fit there), for the legend beneath it.</param>
public sealed record WijkKaart(string Svg, IReadOnlyList<SchoolLabel> Legenda);

/// <summary>
/// The map of one wijk as inline SVG, drawn on the server in RD New metres (x east, y north, so the SVG's y is flipped):
/// the wijk outline, the hotspots of each place numbered as in the list, the schools with their names placed clear of the
/// numbers (<see cref="KaartLabels"/>), a scale bar and a north arrow. It prints and works offline; a WMS basemap is
/// drawn beneath only when one is configured.
/// </summary>
public static class BriefingKaart
{
    /// <summary>The map's frame: a tall wijk gets a narrower map rather than smaller text, so that it prints on one page with its list.</summary>
    private const double MaxBreedtePixels = 640, MaxHoogtePixels = 460;
    /// <summary>A hotspot's numbered marker: its radius in pixels and the white rim around it.</summary>
    private const double MarkerPixels = 10, MarkerRandPixels = 1.5;
    /// <summary>How far a school's name keeps from a marker, so that the number stands free.</summary>
    private const double VrijRondMarker = 1;

    public static WijkKaart Render(string wijkCode, string wijkNaam, Geometry wijk, IReadOnlyList<Plaats> plaatsen, IReadOnlyList<KaartSchool> scholen,
        string basemapWmsUrl)
    {
        var env = new Envelope(wijk.EnvelopeInternal);
        // The schools near the wijk (up to 300 m outside it) are on the map too, not cut off at its edge.
        foreach (var school in scholen) env.ExpandToInclude(school.Punt.Coordinate);
        env.ExpandBy(Math.Max(env.Width, env.Height) * 0.04 + 50);
        var (minX, maxY, w, h) = (env.MinX, env.MaxY, env.Width, env.Height);
        // Metres per pixel: marker and text sizes in pixels stay the same on every wijk.
        var eenheid = Math.Max(w / MaxBreedtePixels, h / MaxHoogtePixels);
        var (breedtePixels, hoogtePixels) = (Math.Round(w / eenheid), Math.Round(h / eenheid));
        string X(double x) => F(x - minX);
        string Y(double y) => F(maxY - y);
        (double X, double Y) Pixels(Coordinate c) => ((c.X - minX) / eenheid, (maxY - c.Y) / eenheid);
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
            .Append($"""width="{F(breedtePixels)}" height="{F(hoogtePixels)}" role="img" aria-label="Kaart van {E(wijkNaam)}">""");
        if (basemapWmsUrl.Length > 0)
        {
            var url = $"{basemapWmsUrl}{(basemapWmsUrl.Contains('?') ? "&" : "?")}CRS=EPSG:28992" +
                $"&BBOX={F(env.MinX)},{F(env.MinY)},{F(env.MaxX)},{F(env.MaxY)}&WIDTH={F(breedtePixels * 2)}&HEIGHT={F(hoogtePixels * 2)}";
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

        var schaalbalk = Schaalbalk(w, h, eenheid);
        var noordpijl = Noordpijl(w, eenheid);
        var obstakels = plaatsen.Select(p => Pixels(p.Beste.Centroide.Coordinate))
            .Select(c => KaartObstakel.Cirkel(c.X, c.Y, MarkerPixels + MarkerRandPixels / 2 + VrijRondMarker))
            .Append(KaartObstakel.Vlak(schaalbalk.Vak)).Append(KaartObstakel.Vlak(noordpijl.Vak)).ToList();
        var labels = KaartLabels.Plaats(scholen, [.. scholen.Select(s => Pixels(s.Punt.Coordinate))], obstakels, w / eenheid, h / eenheid);
        foreach (var label in labels)
        {
            var (x, y) = Pixels(label.School.Punt.Coordinate);
            var s = KaartLabels.SchoolHalf;
            string P(double pixels) => F(pixels * eenheid);
            svg.Append($"""<g class="school" data-naam="{E(label.School.Naam)}">""");
            if (label.Wijzer is var (x1, y1, x2, y2))
            {
                svg.Append($"""<line class="wijzer" x1="{P(x1)}" y1="{P(y1)}" x2="{P(x2)}" y2="{P(y2)}" stroke="#2166ac" stroke-width="{P(1)}"/>""");
            }
            svg.Append($"""<rect x="{P(x - s)}" y="{P(y - s)}" width="{P(2 * s)}" height="{P(2 * s)}" fill="#2166ac"/>""");
            svg.Append($"""<text class="{(label.Letter is null ? "naam" : "letter")}" x="{P(label.X)}" y="{P(label.Basislijn)}" """)
                .Append($"""font-size="{P(label.FontPixels)}"{(label.Vet ? " font-weight=\"bold\"" : "")} fill="#2166ac">{E(label.Tekst)}</text></g>""");
        }
        foreach (var plaats in plaatsen.Reverse())
        {
            var c = plaats.Beste.Centroide;
            svg.Append($"""<g class="hotspot" data-nummer="{plaats.Nummer}"><circle cx="{X(c.X)}" cy="{Y(c.Y)}" r="{F(MarkerPixels * eenheid)}" """)
                .Append($"""fill="#d7301f" stroke="#fff" stroke-width="{F(MarkerRandPixels * eenheid)}"/>""");
            svg.Append($"""<text x="{X(c.X)}" y="{F(maxY - c.Y + 4.5 * eenheid)}" font-size="{F(13 * eenheid)}" font-weight="bold" """)
                .Append($"""text-anchor="middle" fill="#fff">{plaats.Nummer}</text></g>""");
        }
        svg.Append(schaalbalk.Svg).Append(noordpijl.Svg);
        return new WijkKaart(svg.Append("</svg>").ToString(), [.. labels.Where(l => l.Letter is not null)]);
    }

    /// <summary>A bar of a round length (1, 2 or 5 × 10ⁿ m) of about a fifth of the map width, bottom left; its box in pixels.</summary>
    private static (string Svg, Box Vak) Schaalbalk(double w, double h, double eenheid)
    {
        var doel = w / 5;
        var macht = Math.Pow(10, Math.Floor(Math.Log10(doel)));
        var lengte = new[] { 5, 2, 1 }.Select(f => f * macht).First(l => l <= doel);
        var (x, y) = (12, h / eenheid - 14);
        var tekst = lengte >= 1000 ? $"{F(lengte / 1000)} km" : $"{F(lengte)} m";
        var svg = $"""<g class="schaalbalk" data-meter="{F(lengte)}"><rect x="{F(x * eenheid)}" y="{F(y * eenheid)}" width="{F(lengte)}" """ +
            $"""height="{F(4 * eenheid)}" fill="#333"/>""" +
            $"""<text x="{F(x * eenheid)}" y="{F((y - 4) * eenheid)}" font-size="{F(11 * eenheid)}">{tekst}</text></g>""";
        return (svg, new Box(x, y - 4 - KaartLabels.Boven * 11, x + Math.Max(lengte / eenheid, KaartLabels.Breedte(tekst, 11, vet: false)), y + 4));
    }

    /// <summary>An N above an arrow, top right; its box in pixels.</summary>
    private static (string Svg, Box Vak) Noordpijl(double w, double eenheid)
    {
        var x = w / eenheid - 20;
        var svg = $"""<g class="noordpijl"><text x="{F(x * eenheid)}" y="{F(24 * eenheid)}" font-size="{F(16 * eenheid)}" """ +
            """font-weight="bold" text-anchor="middle">N</text>""" +
            $"""<path d="M{F(x * eenheid)} {F(28 * eenheid)} l{F(-6 * eenheid)} {F(14 * eenheid)} h{F(12 * eenheid)} Z" fill="#333"/></g>""";
        return (svg, new Box(x - 10, 24 - KaartLabels.Boven * 16, x + 10, 42));
    }

    private static string F(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
