using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Api.Briefing;

/// <summary>
/// The briefing as one printable document per dienst, in Dutch: a page per wijk with its map, the places to visit
/// (numbered as on the map) and their hours, the hour-by-hour order, what came in since the previous dienst and the
/// melders to call back. In print each wijk starts a page that names the date and the dienst (a teamleider hands it to
/// the wijk's boa), and the map stays on one page with its list.
/// </summary>
internal static partial class BriefingHtml
{
    /// <summary>Where a melding came from, as a boa says it; an unknown bron is shown as it is stored.</summary>
    private static readonly Dictionary<string, string> BronTekst = new(StringComparer.OrdinalIgnoreCase)
    {
        ["KCC"] = "via het KCC", ["app"] = "via de app", ["dagrapportage"] = "uit een dagrapportage", ["boa"] = "door een boa",
        ["api"] = "via een koppeling", ["open311"] = "via het KCC-systeem",
    };

    private const string Stijl = """
        body{font:13px system-ui,sans-serif;margin:1.5em;color:#222}section.wijk{margin-bottom:1.5em}
        table{border-collapse:collapse;width:100%;margin:.4em 0}
        td,th{border:1px solid #ccc;padding:3px 5px;text-align:left;vertical-align:top}th{background:#f2f2f2}
        h1{font-size:20px;margin:0 0 .3em}h2{font-size:17px;margin:.2em 0}h3{font-size:14px;margin:.8em 0 .2em}
        h2 small{font-weight:normal;color:#555}.boa,.leeg,.printkop,.legenda{color:#555}.printkop{display:none;font-size:11px}
        .nr{display:inline-block;min-width:1.4em;border-radius:50%;background:#d7301f;color:#fff;text-align:center;font-weight:bold}
        .schoolteken{display:inline-block;width:.7em;height:.7em;background:#2166ac}.schoolletter{color:#2166ac;font-weight:bold}
        .waarschuwing{border:2px solid #b35806;padding:.4em;margin:.5em 0}
        figure.wijkkaart{margin:.4em 0}figcaption.legenda{font-size:12px;margin-top:.2em}
        svg.kaart{display:block;max-width:100%;height:auto;border:1px solid #999}
        td.getal{text-align:right}table.blokken td:first-child{width:7em}
        table.terugbellen thead tr:first-child th{background:none;border:none;padding:.8em 0 .2em;font-size:14px}.tijd,td.gemeld{white-space:nowrap}
        @page{size:A4;margin:12mm}
        @media print{
          body{margin:0;font-size:11px}.printkop{display:block}section.wijk:first-of-type .printkop{display:none}
          section.wijk{break-before:page}section.wijk:first-of-type{break-before:auto}
          .kaart-en-plekken,.per-uur,.sinds{break-inside:avoid}h2,h3{break-after:avoid}tr{break-inside:avoid}
          *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        }
        """;

    public static string Render(BriefingUitvoer b, IReadOnlyDictionary<string, WijkKaart> kaarten)
    {
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        static string Getal(double v) => v.ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',');
        static string Nr(int nummer) => $"<span class=\"nr\">{nummer}</span>";
        var dienst = Dienst.Alle.Single(d => d.Code == b.Dienst);
        var kop = $"{b.DatumTekst} – {dienst.Naam} ({b.Van}–{b.Tot}){(b.Boa is null ? "" : $" – boa {b.Boa}")}";
        var html = new StringBuilder();
        html.Append($"""
            <!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Briefing {E(b.DatumTekst)}, {E(dienst.Naam)}</title>
            <style>{Stijl}</style></head><body>
            <h1>Briefing {Tijden(E(kop))}</h1>
            """);
        foreach (var w in b.Waarschuwingen) html.Append($"<p class=\"waarschuwing\">{E(w)}</p>");
        if (b.HotspotRun is null) html.Append("<p class=\"waarschuwing\">Er zijn nog geen hotspots berekend.</p>");
        if (b.Toetsing.Count > 0)
        {
            // How well these hotspots foretold the past weeks: the run's own backtest, per window group.
            html.Append("<h3>Hoe goed voorspellen deze hotspots?</h3><ul class=\"toetsing\">");
            foreach (var t in b.Toetsing)
            {
                var venster = t.Venster == DefaultTimeWindows.AllHours.Name ? "alle uren" : t.Venster;
                html.Append($"<li><strong>{E(char.ToUpperInvariant(venster[0]) + venster[1..])}</strong>: {E(t.Zin)}</li>");
            }
            html.Append("</ul>");
        }
        foreach (var w in b.Wijken)
        {
            var kaart = kaarten[w.Wijk];
            html.Append($"<section class=\"wijk\" data-wijk=\"{E(w.Wijk)}\"><div class=\"kaart-en-plekken\">");
            html.Append($"<div class=\"printkop\">Briefing {Tijden(E(kop))}</div><h2>{E(w.Naam)} <small>wijk {E(w.Wijk)}</small></h2>");
            html.Append($"<div class=\"boa\">{(w.Wijkboas.Length > 1 ? "Wijkboa's" : "Wijkboa")}: ")
                .Append($"{E(w.Wijkboas.Length > 0 ? string.Join(", ", w.Wijkboas) : "geen")}</div>");
            html.Append("<figure class=\"wijkkaart\">").Append(kaart.Svg).Append("<figcaption class=\"legenda\">");
            html.Append($"{Nr(1)} plek om te bezoeken, genummerd als in de lijst; <span class=\"schoolteken\"></span> school");
            if (kaart.Legenda.Count > 0)
            {
                html.Append(". Scholen met een letter: ")
                    .AppendJoin("; ", kaart.Legenda.Select(l => $"<span class=\"schoolletter\">{E(l.Letter)}</span> {E(l.School.Naam)}"));
            }
            html.Append("</figcaption></figure><h3>Plekken om te bezoeken</h3>");
            if (w.Plaatsen.Count == 0)
            {
                html.Append("<p class=\"leeg\">In deze dienst worden hier nergens genoeg meldingen verwacht om langs te gaan.</p></div>");
            }
            else
            {
                html.Append("<table class=\"plaatsen\"><thead><tr><th>Nr.</th><th>Plek</th><th>Wanneer</th><th>Wat</th>")
                    .Append("<th>Verwachte meldingen per uur</th><th>Trend</th></tr></thead><tbody>");
                foreach (var p in w.Plaatsen)
                {
                    html.Append($"<tr data-nummer=\"{p.Nummer}\"><td>{Nr(p.Nummer)}</td><td>{E(p.Plaats)}</td><td>{Tijden(E(p.Tijden))}</td>");
                    html.Append($"<td>{E(p.Wat)}</td><td class=\"getal\">{Getal(p.VerwachtPerUur)}</td><td>{E(p.TrendTekst)}</td></tr>");
                }
                html.Append("</tbody></table></div>");
                // Every stretch in which a listed place is active has its row: an hour, or the part of it the places are active in.
                html.Append("<div class=\"per-uur\"><h3>Per uur</h3><table class=\"blokken\"><thead><tr><th>Tijd</th>")
                    .Append("<th>Plekken (meeste verwachte meldingen eerst)</th></tr></thead><tbody>");
                foreach (var blok in w.Blokken.Where(x => x.Tijdvak is not null))
                {
                    var nummers = string.Join(" ", blok.Plaatsen.Select(p => Nr(p.Nummer) + Deel(p.Tijdvak, blok.Tijdvak!)));
                    html.Append($"<tr><td>{E(blok.Tijdvak!.Van)}–{E(blok.Tijdvak.Tot)}</td><td>{nummers}</td></tr>");
                }
                html.Append("</tbody></table></div>");
            }

            var s = w.SindsVorigeDienst;
            html.Append($"<div class=\"sinds\"><h3>Sinds de vorige dienst ({E(dienst.Vorige.Naam)}, vanaf {E(s.Vanaf)})</h3>");
            if (s.Meldingen == 0)
            {
                html.Append("<p class=\"leeg\">Geen nieuwe meldingen of dagrapportages.</p>");
            }
            else
            {
                html.Append($"<p>{s.Meldingen} {(s.Meldingen == 1 ? "melding" : "meldingen")}")
                    .Append(s.Dagrapportages > 0 ? $", waarvan {s.Dagrapportages} uit dagrapportages: " : ": ");
                html.Append(E(string.Join("; ", s.PerCategorieEnBron.Select(t =>
                    $"{t.Aantal}× {t.Categorie} {BronTekst.GetValueOrDefault(t.Bron, t.Bron)}"))));
                html.Append("</p>");
                if (s.Open.Count > 0)
                {
                    var hoeveel = s.OpenTotaal > s.Open.Count ? $" (de oudste {s.Open.Count} van {s.OpenTotaal})" : "";
                    html.Append($"<p>Nog open{hoeveel}: ").Append(E(string.Join("; ", s.Open.Select(o => $"{o.Categorie} ({o.Straat})")))).Append("</p>");
                }
            }
            html.Append("</div>");
            if (w.Terugbellen.Count == 0)
            {
                html.Append("<h3>Melders terugbellen</h3><p class=\"leeg\">Niemand om terug te bellen.</p>");
            }
            else
            {
                // The heading is the table's first header row, so that a list running onto the next page names its wijk there too;
                // a capped list says how many there are in all.
                var hoeveel = w.TerugbellenTotaal > w.Terugbellen.Count ? $" (de oudste {w.Terugbellen.Count} van {w.TerugbellenTotaal})" : "";
                html.Append($"<table class=\"terugbellen\"><thead><tr><th colspan=\"6\">Melders terugbellen in {E(w.Naam)}{hoeveel}</th></tr>")
                    .Append("<tr><th>Meldingnr.</th><th>Wat</th><th>Adres</th><th>Gemeld op</th>")
                    .Append("<th>Dagen geleden</th><th>Eerder gebeld</th></tr></thead><tbody>");
                foreach (var t in w.Terugbellen)
                {
                    var gemeld = AmsterdamTime.ToLocal(t.GemeldOp);
                    var eerder = t.Pogingen == 0 ? "nee" : $"{t.Pogingen}×, laatst {t.LaatstePogingTekst}";
                    html.Append($"<tr><td>{t.MeldingId}</td><td>{E(t.Categorie)} ({E(t.Status)})</td><td>{E(t.Adres)}</td>");
                    html.Append($"<td class=\"gemeld\">{E(DutchDates.Weekday(gemeld.DayOfWeek))} {gemeld.Day} {E(DutchDates.Month(gemeld.Month))} " +
                        $"{gemeld:HH:mm}</td><td class=\"getal\">{t.DagenOud}</td><td>{E(eerder)}</td></tr>");
                }
                html.Append("</tbody></table>");
            }
            html.Append("</section>");
        }
        return html.Append("</body></html>").ToString();
    }

    /// <summary>Each time span on one line in print: "07:45–09:00 en 14:15–15:00" never breaks after a dash.</summary>
    private static string Tijden(string tijden) => TijdvakPatroon().Replace(tijden, "<span class=\"tijd\">$0</span>");

    [GeneratedRegex(@"\d\d:\d\d–\d\d:\d\d")]
    private static partial Regex TijdvakPatroon();

    /// <summary>A place active in only part of its row: " (vanaf 14:15)", " (tot 08:45)" or " (08:15–08:45)".</summary>
    private static string Deel(BriefingTijdvak plaats, BriefingTijdvak rij) => (plaats.Van == rij.Van, plaats.Tot == rij.Tot) switch
    {
        (true, true) => "",
        (false, true) => $" (vanaf {plaats.Van})",
        (true, false) => $" (tot {plaats.Tot})",
        _ => $" ({plaats.Van}–{plaats.Tot})",
    };
}
