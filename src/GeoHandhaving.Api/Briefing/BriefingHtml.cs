using System.Net;
using System.Text;

namespace GeoHandhaving.Api.Briefing;

/// <summary>The briefing as a printable page: one section per wijk, hotspots per hour, melders to call back.</summary>
internal static class BriefingHtml
{
    public static string Render(BriefingUitvoer b)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var html = new StringBuilder();
        html.Append($$"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Briefing {{b.Datum:yyyy-MM-dd}} {{E(b.Dienst)}}</title>
            <style>body{font:14px system-ui,sans-serif;margin:2em}section{page-break-inside:avoid;margin-bottom:1.5em}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:4px;text-align:left;vertical-align:top}
            h2{margin-bottom:.2em}.boa{color:#555}@media print{body{margin:0} }</style></head><body>
            <h1>Briefing {{b.Datum:dddd d MMMM yyyy}} – dienst {{E(b.Dienst)}} ({{E(b.Van)}}–{{E(b.Tot)}})</h1>
            """);
        foreach (var w in b.Wijken)
        {
            html.Append($"<section><h2>{E(w.Wijk)} {E(w.Naam)}</h2><div class=\"boa\">Wijkboa: {E(string.Join(", ", w.Wijkboas))}</div>");
            html.Append("<table><tr><th>Uur</th><th>Hotspots</th></tr>");
            foreach (var blok in w.Blokken.Where(x => x.Hotspots.Count > 0))
            {
                html.Append($"<tr><td>{E(blok.Uur)}</td><td><ol>");
                foreach (var h in blok.Hotspots) html.Append($"<li>{E(h.Reden)} <small>({E(h.Trend)})</small></li>");
                html.Append("</ol></td></tr>");
            }
            html.Append("</table>");
            if (w.Terugbellen.Count > 0)
            {
                html.Append("<h3>Melder terugbellen</h3><ul>");
                foreach (var t in w.Terugbellen) html.Append($"<li>#{t.MeldingId} {E(t.Categorie)} – {E(t.Adres)} ({t.GemeldOp:yyyy-MM-dd}, " +
                    $"{E(t.Status)})</li>");
                html.Append("</ul>");
            }
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }
}
