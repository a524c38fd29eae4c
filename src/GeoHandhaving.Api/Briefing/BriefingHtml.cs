using System.Globalization;
using System.Net;
using System.Text;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Api.Briefing;

/// <summary>
/// The briefing as one printable document per dienst, in Dutch: a page per wijk with its map, the places to visit
/// (numbered as on the map) and their hours, the hour-by-hour order, what came in since the previous dienst and the
/// melders to call back.
/// </summary>
internal static class BriefingHtml
{
    public static string Render(BriefingUitvoer b, IReadOnlyDictionary<string, string> kaarten)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string Getal(double v) => v.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');
        var html = new StringBuilder();
        var voorBoa = b.Boa is null ? "" : $" – boa {E(b.Boa)}";
        html.Append($$"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Briefing {{E(b.DatumTekst)}}, dienst {{E(b.Dienst)}}</title>
            <style>body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}section.wijk{break-before:page;margin-bottom:1.5em}
            section.wijk:first-of-type{break-before:auto}table{border-collapse:collapse;width:100%;margin:.4em 0}
            td,th{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top}th{background:#f2f2f2}
            h1{font-size:20px;margin:0 0 .3em}h2{font-size:17px;margin:.2em 0}h3{font-size:14px;margin:.8em 0 .2em}
            .boa,.leeg,.toelichting{color:#555}
            .nr{display:inline-block;min-width:1.4em;border-radius:50%;background:#d7301f;color:#fff;text-align:center;font-weight:bold}
            .waarschuwing{border:2px solid #b35806;padding:.4em;margin:.5em 0}
            svg.kaart{display:block;max-width:100%;height:auto;border:1px solid #999;margin:.4em 0}
            @page{size:A4;margin:12mm}@media print{body{margin:0} }</style></head><body>
            <h1>Briefing {{E(b.DatumTekst)}} – dienst {{E(b.Dienst)}} ({{E(b.Van)}}–{{E(b.Tot)}}){{voorBoa}}</h1>
            """);
        foreach (var w in b.Waarschuwingen) html.Append($"<p class=\"waarschuwing\">{E(w)}</p>");
        if (b.HotspotRun is null) html.Append("<p class=\"waarschuwing\">Er zijn nog geen hotspots berekend.</p>");
        if (b.Toetsing.Count > 0)
        {
            // How well these hotspots foretold the past weeks: the run's own backtest, per window group.
            html.Append("<h3>Hoe goed voorspellen deze hotspots?</h3><ul class=\"toetsing\">");
            foreach (var t in b.Toetsing)
            {
                html.Append($"<li><strong>{E(t.Venster == DefaultTimeWindows.AllHours.Name ? "alle uren" : t.Venster)}</strong>: {E(t.Zin)}</li>");
            }
            html.Append("</ul>");
        }
        foreach (var w in b.Wijken)
        {
            html.Append($"<section class=\"wijk\" data-wijk=\"{E(w.Wijk)}\"><h2>{E(w.Naam)} <small>({E(w.Wijk)})</small></h2>");
            html.Append($"<div class=\"boa\">Wijkboa: {E(w.Wijkboas.Length > 0 ? string.Join(", ", w.Wijkboas) : "geen")}</div>");
            html.Append(kaarten[w.Wijk]);
            html.Append("<h3>Plekken om te bezoeken</h3>");
            if (w.Plaatsen.Count == 0)
            {
                html.Append("<p class=\"leeg\">Geen plekken boven de drempel in deze dienst.</p>");
            }
            else
            {
                html.Append("<table class=\"plaatsen\"><tr><th>Nr.</th><th>Plek</th><th>Wanneer</th><th>Wat</th><th>Verwacht per uur</th><th>Trend</th></tr>");
                foreach (var p in w.Plaatsen)
                {
                    html.Append($"<tr data-nummer=\"{p.Nummer}\"><td><span class=\"nr\">{p.Nummer}</span></td><td>{E(p.Plaats)}</td><td>{E(p.Tijden)}</td>");
                    html.Append($"<td>{E(p.Wat)}</td><td>{Getal(p.VerwachtPerUur)}</td><td>{E(p.TrendTekst)}</td></tr>");
                }
                html.Append("</table><h3>Per uur</h3><table class=\"blokken\"><tr><th>Uur</th><th>Plekken (beste eerst)</th></tr>");
                foreach (var blok in w.Blokken.Where(x => x.Plaatsen.Count > 0))
                {
                    var nummers = string.Join(" ", blok.Plaatsen.Select(p => $"<span class=\"nr\">{p.Nummer}</span>"));
                    html.Append($"<tr><td>{E(blok.Uur)}</td><td>{nummers}</td></tr>");
                }
                html.Append("</table>");
            }

            var s = w.SindsVorigeDienst;
            html.Append($"<h3>Sinds de vorige dienst (vanaf {E(s.Vanaf)})</h3>");
            if (s.Meldingen == 0)
            {
                html.Append("<p class=\"leeg\">Geen nieuwe meldingen of dagrapportages.</p>");
            }
            else
            {
                html.Append($"<p>{s.Meldingen} meldingen, waarvan {s.Dagrapportages} uit dagrapportages: ");
                html.Append(E(string.Join("; ", s.PerCategorieEnBron.Select(t => $"{t.Aantal}× {t.Categorie} ({t.Bron})"))));
                html.Append("</p>");
                if (s.Open.Count > 0)
                {
                    var hoeveel = s.OpenTotaal > s.Open.Count ? $" (de oudste {s.Open.Count} van {s.OpenTotaal})" : "";
                    html.Append($"<p>Nog open{hoeveel}: ")
                        .Append(E(string.Join("; ", s.Open.Select(o => $"{o.Categorie} in de {o.Straat}")))).Append("</p>");
                }
            }

            html.Append("<h3>Melders terugbellen</h3>");
            if (w.Terugbellen.Count == 0)
            {
                html.Append("<p class=\"leeg\">Niemand om terug te bellen.</p>");
            }
            else
            {
                if (w.TerugbellenTotaal > w.Terugbellen.Count)
                {
                    html.Append($"<p class=\"meer\">De oudste {w.Terugbellen.Count} van {w.TerugbellenTotaal} melders om terug te bellen.</p>");
                }
                html.Append("<table class=\"terugbellen\"><tr><th>Melding</th><th>Wat</th><th>Adres</th><th>Gemeld</th><th>Dagen</th><th>Eerder " +
                    "gebeld</th></tr>");
                foreach (var t in w.Terugbellen)
                {
                    var gemeld = AmsterdamTime.ToLocal(t.GemeldOp);
                    var eerder = t.Pogingen == 0 ? "nee" : $"{t.Pogingen}×, laatst {t.LaatstePogingTekst}";
                    html.Append($"<tr><td>{t.MeldingId}</td><td>{E(t.Categorie)} ({E(t.Status)})</td><td>{E(t.Adres)}</td>");
                    html.Append($"<td>{E(DutchDates.Weekday(gemeld.DayOfWeek))} {gemeld.Day} {E(DutchDates.Month(gemeld.Month))} " +
                        $"{gemeld:HH:mm}</td><td>{t.DagenOud}</td><td>{E(eerder)}</td></tr>");
                }
                html.Append("</table>");
            }
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }
}
