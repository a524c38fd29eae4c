using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GeoHandhaving.Api.Briefing;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>The briefing of the demo gemeente as scripts/run.sh loads it (run computed when the demo was loaded).</summary>
[Collection(ApiCollection.Name)]
public partial class BriefingApiTests : IClassFixture<DemoGemeenteFixture>
{
    private const string Gemeente = DemoGemeenteFixture.Gemeente;
    private static readonly string[] TrendWoorden = ["nieuw", "toenemend", "aanhoudend", "afnemend", "sporadisch"];
    private static readonly double Drempel = new BriefingOptions().MinimumVerwachtPerBlok;
    private readonly ApiFactory _api;

    public BriefingApiTests(ApiFixture fixture, DemoGemeenteFixture demo)
    {
        _api = fixture.Api;
        demo.LoadAsync().GetAwaiter().GetResult();
    }

    private HttpClient Teamleider => _api.ClientAs(Gemeente, Roles.Teamleider);

    private HttpClient Boa(string gebruiker)
    {
        var client = _api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", _api.TokenFor(gebruiker, Gemeente, Roles.Boa));
        return client;
    }

    private static IEnumerable<JsonElement> Plaatsen(JsonElement briefing) =>
        briefing.GetProperty("wijken").EnumerateArray().SelectMany(w => w.GetProperty("plaatsen").EnumerateArray());

    [Fact]
    public async Task Tuesday_early_shift_names_every_place_by_streets_of_the_demo_bag_once_per_wijk_and_above_the_floor()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal("dinsdag 1 december 2026", briefing.GetProperty("datumTekst").GetString());
        var wijken = briefing.GetProperty("wijken").EnumerateArray().ToList();
        Assert.Equal(8, wijken.Count);
        Assert.All(wijken, w => Assert.NotEmpty(w.GetProperty("wijkboas").EnumerateArray()));
        Assert.All(wijken, w => Assert.Equal(8, w.GetProperty("blokken").GetArrayLength()));

        var toetsing = briefing.GetProperty("toetsing").EnumerateArray().ToList();
        Assert.Equal("alle-uren", toetsing[0].GetProperty("venster").GetString());
        Assert.All(toetsing, t => Assert.Matches(@"van de meldingen in 1 % van het gebied en \d+ % in 5 %; (een telling \d+ % en \d+ %|dit is een telling)",
            t.GetProperty("zin").GetString()));
        var run = await Teamleider.GetFromJsonAsync<JsonElement>($"/api/v1/hotspots/runs/{briefing.GetProperty("hotspotRun").GetInt64()}");
        Assert.Equal(run.GetProperty("backtest")[0].GetProperty("zin").GetString(), toetsing[0].GetProperty("zin").GetString());
        var html = await Teamleider.GetStringAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html");
        Assert.Contains("Hoe goed voorspellen deze hotspots?", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(toetsing[0].GetProperty("zin").GetString()!), html);

        var straten = _api.WithDb(db => db.Adressen.Where(a => a.GemeenteId == Gemeente).Select(a => a.Straat).Distinct().ToHashSet());
        var plaatsen = Plaatsen(briefing).ToList();
        Assert.True(plaatsen.Count >= 8, $"{plaatsen.Count} plaatsen");
        foreach (var p in plaatsen)
        {
            var eigen = p.GetProperty("straten").EnumerateArray().Select(s => s.GetString()!).ToList();
            Assert.NotEmpty(eigen);
            Assert.All(eigen, s => Assert.Contains(s, straten));
            Assert.StartsWith(string.Join(" / ", eigen), p.GetProperty("plaats").GetString());
            Assert.False(string.IsNullOrEmpty(p.GetProperty("buurt").GetString()));
            Assert.Contains(p.GetProperty("trendTekst").GetString(), TrendWoorden);
            Assert.Contains(p.GetProperty("trend").GetString(), (string[])["new", "intensifying", "persistent", "diminishing", "sporadic"]);
        }
        // What the meldingen are about: a place found over all categories names the categories of its own hotspots there.
        var wat = plaatsen.Select(p => p.GetProperty("wat").GetString()!).ToList();
        Assert.DoesNotContain("meldingen", wat);
        // Each category once, also where a window's category group repeats one ("jeugdoverlast" and "jeugdoverlast+geluidsoverlast").
        Assert.All(wat, w =>
        {
            var woorden = Regex.Split(w.Replace("meldingen, vooral ", ""), ", | en ");
            Assert.True(woorden.Length == woorden.Distinct().Count(), w);
        });
        foreach (var w in wijken)
        {
            var namen = w.GetProperty("plaatsen").EnumerateArray().Select(p => p.GetProperty("plaats").GetString()).ToList();
            Assert.Equal(namen.Count, namen.Distinct().Count());
            var perUur = w.GetProperty("plaatsen").EnumerateArray().Select(p => p.GetProperty("verwachtPerUur").GetDouble()).ToList();
            Assert.Equal(perUur.OrderDescending(), perUur);
            var blokPlaatsen = w.GetProperty("blokken").EnumerateArray().SelectMany(b => b.GetProperty("plaatsen").EnumerateArray()).ToList();
            // Every place clears the floor in some hour (and is listed in every hour it is active).
            Assert.All(blokPlaatsen.GroupBy(bp => bp.GetProperty("nummer").GetInt32()),
                g => Assert.Contains(g, bp => bp.GetProperty("verwacht").GetDouble() >= Drempel - 0.005));
            // Every place is visited in some hour, and every hour lists only places of the wijk's list.
            Assert.Equal(namen.Count, blokPlaatsen.Select(bp => bp.GetProperty("nummer").GetInt32()).Distinct().Count());
        }
    }

    [Fact]
    public async Task Tuesday_0815_gives_the_school_places_with_their_drop_off_time_span()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        var school = Plaatsen(briefing).Where(p => p.GetProperty("vensters").EnumerateArray().Any(v => v.GetString() == "schoolbrengen")).ToList();
        Assert.True(school.Count >= 5, $"{school.Count} schoolplaatsen");
        Assert.All(school, p => Assert.Contains(p.GetProperty("tijdvakken").EnumerateArray(), t =>
            string.CompareOrdinal(t.GetProperty("van").GetString(), "07:45") <= 0 && string.CompareOrdinal(t.GetProperty("tot").GetString(), "08:45") >= 0));
        Assert.All(school, p => Assert.NotEmpty(p.GetProperty("scholen").EnumerateArray()));
        var achtUur = briefing.GetProperty("wijken").EnumerateArray().SelectMany(w => w.GetProperty("blokken").EnumerateArray()
            .Where(b => b.GetProperty("uur").GetString() == "08:00–09:00")
            .SelectMany(b => b.GetProperty("plaatsen").EnumerateArray().Select(bp => (Wijk: w, Nummer: bp.GetProperty("nummer").GetInt32())))).ToList();
        Assert.Contains(achtUur, x => x.Wijk.GetProperty("plaatsen").EnumerateArray().Single(p => p.GetProperty("nummer").GetInt32() == x.Nummer)
            .GetProperty("vensters").EnumerateArray().Any(v => v.GetString() == "schoolbrengen"));

        var actief = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?at=2026-12-01T08:15&limit=50");
        Assert.Contains(actief.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("venster")
            .GetString() == "schoolbrengen");
    }

    [Fact]
    public async Task The_hour_by_hour_order_covers_every_quarter_in_which_a_listed_place_is_active()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        static IEnumerable<string> Kwartieren(JsonElement tijdvak)
        {
            var (van, tot) = (TimeOnly.Parse(tijdvak.GetProperty("van").GetString()!), TimeOnly.Parse(tijdvak.GetProperty("tot").GetString()!));
            for (var t = van; t < tot; t = t.AddMinutes(15)) yield return $"{t:HH:mm}";
        }
        foreach (var wijk in briefing.GetProperty("wijken").EnumerateArray())
        {
            foreach (var plaats in wijk.GetProperty("plaatsen").EnumerateArray())
            {
                var nummer = plaats.GetProperty("nummer").GetInt32();
                var actief = plaats.GetProperty("tijdvakken").EnumerateArray().SelectMany(Kwartieren).ToList();
                var inBlokken = wijk.GetProperty("blokken").EnumerateArray().SelectMany(b => b.GetProperty("plaatsen").EnumerateArray())
                    .Where(bp => bp.GetProperty("nummer").GetInt32() == nummer).SelectMany(bp => Kwartieren(bp.GetProperty("tijdvak"))).ToList();
                Assert.Equal(actief, inBlokken);
            }
        }
        // Drop-off starts at 07:45: the printed order has a row for that quarter, before the hour from 08:00.
        var html = await Teamleider.GetStringAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&wijk=WK999900&format=html");
        var tabel = Regex.Match(html, "<table class=\"blokken\">.*?</table>", RegexOptions.Singleline).Value;
        var rijen = Regex.Matches(tabel, "<tr><td>(.*?)</td><td>(.*?)</td></tr>")
            .Select(m => (Tijd: m.Groups[1].Value, Plekken: Regex.Replace(m.Groups[2].Value, "<[^>]+>", ""))).ToList();
        Assert.Equal(("07:45–08:00", "1 2"), rijen[0]);
        Assert.Equal("08:00–09:00", rijen[1].Tijd);
        Assert.Contains(rijen, r => r.Plekken.Contains("(vanaf 14:15)"));
    }

    [Fact]
    public async Task On_every_wijk_map_school_names_cover_no_numbered_marker_no_other_name_and_stay_on_the_map()
    {
        var html = await Teamleider.GetStringAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html");
        var kaarten = KaartGeometrie.Kaarten(html).ToList();
        Assert.Equal(8, kaarten.Count);
        foreach (var kaart in kaarten)
        {
            Assert.Empty(KaartGeometrie.Botsingen(kaart).Select(f => $"{kaart.Attribute("data-wijk")!.Value}: {f}"));
            // A school lettered on the map is named in the legend beneath it.
            var legenda = Regex.Match(html[html.IndexOf(kaart.Attribute("data-wijk")!.Value, StringComparison.Ordinal)..],
                "<figcaption class=\"legenda\">(.*?)</figcaption>").Groups[1].Value;
            foreach (var letter in KaartGeometrie.Labels(kaart).Where(l => l.Letter))
            {
                Assert.Contains($"<span class=\"schoolletter\">{letter.Tekst}</span> {WebUtility.HtmlEncode(letter.School)}", legenda);
            }
        }
        // Most schools keep their name on the map; a letter is the exception.
        var labels = kaarten.SelectMany(KaartGeometrie.Labels).ToList();
        Assert.True(labels.Count(l => !l.Letter) >= 3 * labels.Count(l => l.Letter), string.Join(", ", labels.Where(l => l.Letter).Select(l => l.School)));
    }

    [Fact]
    public async Task Saturday_23_00_still_gives_the_nightlife_places()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-05&dienst=nacht");
        Assert.Equal("zaterdag 5 december 2026", briefing.GetProperty("datumTekst").GetString());
        var uitgaan = Plaatsen(briefing).Where(p => p.GetProperty("vensters").EnumerateArray().Any(v => v.GetString() == "uitgaansnacht")).ToList();
        Assert.NotEmpty(uitgaan);
        Assert.All(uitgaan, p => Assert.StartsWith("23:00–", p.GetProperty("tijden").GetString()));
        var eersteUur = briefing.GetProperty("wijken").EnumerateArray()
            .SelectMany(w => w.GetProperty("blokken")[0].GetProperty("plaatsen").EnumerateArray()).ToList();
        Assert.NotEmpty(eersteUur);

        var actief = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/hotspots/active?at=2026-12-05T23:00&limit=50");
        Assert.Contains(actief.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("venster")
            .GetString() == "uitgaansnacht");
    }

    [Fact]
    public async Task Callbacks_are_open_meldingen_of_the_last_fourteen_days_whose_melder_left_contact_oldest_first()
    {
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&terugbeltest=1");
        var dienstStart = new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);
        MeldingStatus[] open = [MeldingStatus.Toegewezen, MeldingStatus.InBehandeling, MeldingStatus.Heropend];
        var metTerugbellen = 0;
        var afgekapt = 0;
        var getoond = new HashSet<long>();
        foreach (var wijk in briefing.GetProperty("wijken").EnumerateArray())
        {
            var code = wijk.GetProperty("wijk").GetString();
            var vanaf = dienstStart.AddDays(-14);
            var expected = _api.WithDb(db => db.Meldingen
                .Where(m => m.GemeenteId == Gemeente && m.WijkCode == code && open.Contains(m.Status) && m.GemeldOp >= vanaf && m.GemeldOp < dienstStart
                    && db.MelderContacten.Any(c => c.GemeenteId == m.GemeenteId && c.MeldingId == m.Id && c.Versleuteld != null)
                    && !db.MeldingGebeurtenissen.Any(g => g.GemeenteId == m.GemeenteId && g.MeldingId == m.Id
                        && (g.Terugbeluitkomst == "bereikt" || g.Terugbeluitkomst == "nummer_onjuist")))
                .OrderBy(m => m.GemeldOp).ThenBy(m => m.Id).Select(m => m.Id).ToList());
            var terugbellen = wijk.GetProperty("terugbellen").EnumerateArray().ToList();
            Assert.Equal(expected.Take(15), terugbellen.Select(t => t.GetProperty("meldingId").GetInt64()).ToList());
            // The list is capped; the wijk says how many there are in all, so a cut-off list does not pass for the whole.
            Assert.Equal(expected.Count, wijk.GetProperty("terugbellenTotaal").GetInt32());
            if (expected.Count > 15) afgekapt++;
            Assert.All(terugbellen, t => Assert.InRange(t.GetProperty("dagenOud").GetInt32(), 0, 14));
            Assert.All(terugbellen, t => Assert.Matches(@"[A-Z][a-z].* \d+", t.GetProperty("adres").GetString()!));
            if (terugbellen.Count > 0) metTerugbellen++;
            getoond.UnionWith(terugbellen.Select(t => t.GetProperty("meldingId").GetInt64()));
        }
        Assert.Equal(8, metTerugbellen);
        Assert.True(afgekapt > 0, "the demo has a wijk with more call-backs than the list holds");
        var html = await Teamleider.GetStringAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html&terugbeltest=1");
        Assert.Equal(afgekapt, Regex.Count(html, @"Melders terugbellen in [^<(]+ \(de oudste 15 van \d+\)</th>"));
        // Each call-back shown (its incident address) is in the audit of personal data.
        var geaudit = _api.WithDb(db => db.ContactInzages.Where(i => i.GemeenteId == Gemeente && i.Handeling == ContactInzage.InzienMelding
            && i.Doel == "briefing: terugbellen").Select(i => i.MeldingId).Distinct().ToList());
        Assert.Subset(geaudit.ToHashSet(), getoond);
    }

    [Fact]
    public async Task Two_teamleiders_reading_the_same_briefing_within_its_cache_time_are_each_audited_for_its_callbacks()
    {
        const string url = "/api/v1/briefing?datum=2026-12-01&dienst=vroeg&wijk=WK999905&audittest=1";
        string[] lezers = ["tl.een", "tl.twee"];
        foreach (var lezer in lezers)
        {
            var client = _api.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", _api.TokenFor(lezer, Gemeente, Roles.Teamleider));
            var briefing = await client.GetFromJsonAsync<JsonElement>(url);
            var terugbellen = briefing.GetProperty("wijken")[0].GetProperty("terugbellen").EnumerateArray()
                .Select(t => t.GetProperty("meldingId").GetInt64()).ToList();
            Assert.NotEmpty(terugbellen);
            var geaudit = _api.WithDb(db => db.ContactInzages.Where(i => i.GemeenteId == Gemeente && i.Door == lezer
                && i.Handeling == ContactInzage.InzienMelding && i.Doel == "briefing: terugbellen").Select(i => i.MeldingId).ToList());
            Assert.Equal(terugbellen.Order(), geaudit.Order());
        }
    }

    [Fact]
    public async Task A_reached_melder_leaves_the_callback_list_an_unreached_one_stays_with_the_attempt_counted()
    {
        var teamleider = Teamleider;
        var voor = await teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=laat&boa=BOA08");
        var lijst = voor.GetProperty("wijken")[0].GetProperty("terugbellen").EnumerateArray().Select(t => t.GetProperty("meldingId").GetInt64()).ToList();
        Assert.True(lijst.Count >= 2);
        var (bereikt, nietBereikt) = (lijst[0], lijst[1]);

        var boa = Boa("boa08");
        var antwoord = await boa.PostAsJsonAsync($"/api/v1/meldingen/{bereikt}/terugbelpoging", new { uitkomst = "bereikt", toelichting = "melder gesproken" });
        Assert.Equal(HttpStatusCode.Created, antwoord.StatusCode);
        Assert.Equal(HttpStatusCode.Created,
            (await boa.PostAsJsonAsync($"/api/v1/meldingen/{nietBereikt}/terugbelpoging", new { uitkomst = "niet_bereikt" })).StatusCode);
        var historie = await boa.GetFromJsonAsync<JsonElement>($"/api/v1/meldingen/{bereikt}/historie");
        Assert.Contains(historie.EnumerateArray(), g => g.GetProperty("terugbeluitkomst").GetString() == "bereikt"
            && g.GetProperty("terugbeluitkomstTekst").GetString() == "bereikt" && g.GetProperty("door").GetString() == "boa08");

        var na = await teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=laat&boa=BOA08&na=1");
        var terugbellen = na.GetProperty("wijken")[0].GetProperty("terugbellen").EnumerateArray().ToList();
        Assert.DoesNotContain(terugbellen, t => t.GetProperty("meldingId").GetInt64() == bereikt);
        var blijft = terugbellen.Single(t => t.GetProperty("meldingId").GetInt64() == nietBereikt);
        Assert.Equal(1, blijft.GetProperty("pogingen").GetInt32());
        Assert.Equal("niet_bereikt", blijft.GetProperty("laatstePoging").GetString());
        Assert.Equal("niet bereikt", blijft.GetProperty("laatstePogingTekst").GetString());
    }

    [Fact]
    public async Task A_call_back_attempt_is_refused_for_an_unknown_outcome_and_outside_the_boas_own_wijken()
    {
        var id = _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == Gemeente && m.WijkCode == "WK999905"
            && db.MelderContacten.Any(c => c.GemeenteId == m.GemeenteId && c.MeldingId == m.Id && c.Versleuteld != null)).Select(m => m.Id).First());
        var fout = await Boa("boa07").PostAsJsonAsync($"/api/v1/meldingen/{id}/terugbelpoging", new { uitkomst = "gebeld" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Equal("uitkomst", (await fout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        // boa01 owns Centrum only: the melding of Zuiderpark does not exist for him.
        Assert.Equal(HttpStatusCode.NotFound, (await Boa("boa01")
            .PostAsJsonAsync($"/api/v1/meldingen/{id}/terugbelpoging", new { uitkomst = "bereikt" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(Gemeente, Roles.Intake)
            .PostAsJsonAsync($"/api/v1/meldingen/{id}/terugbelpoging", new { uitkomst = "bereikt" })).StatusCode);
    }

    [Fact]
    public async Task A_boa_gets_his_own_wijken_by_default_and_may_not_read_another_boas_briefing()
    {
        var eigen = await Boa("boa01").GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal("BOA01", eigen.GetProperty("boa").GetString());
        Assert.Equal(["WK999900"], eigen.GetProperty("wijken").EnumerateArray().Select(w => w.GetProperty("wijk").GetString()).ToList());
        // Mehmet Yilmaz (BOA04) is wijkboa of two wijken; another boa's token gets only its own, for the same address.
        var andere = await Boa("boa04").GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal(["WK999902", "WK999906"], andere.GetProperty("wijken").EnumerateArray().Select(w => w.GetProperty("wijk").GetString()).ToList());

        var verboden = await Boa("boa01").GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&boa=BOA04");
        Assert.Equal(HttpStatusCode.Forbidden, verboden.StatusCode);
        var onbekend = await Boa("nobody").GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal(HttpStatusCode.Forbidden, onbekend.StatusCode);

        var perBoa = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&boa=boa04");
        Assert.Equal("BOA04", perBoa.GetProperty("boa").GetString());
        Assert.Equal(2, perBoa.GetProperty("wijken").GetArrayLength());
        var fout = await Teamleider.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&boa=BOA99");
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Contains("BOA01", (await fout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Since_the_previous_dienst_counts_meldingen_per_categorie_and_bron_and_names_the_open_ones_by_street()
    {
        // The demo's meldingen end on Saturday 28 November at 11:14: the laat dienst of that day looks back on the vroeg one.
        var briefing = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-11-28&dienst=laat");
        var vanaf = new DateTimeOffset(2026, 11, 28, 6, 0, 0, TimeSpan.Zero);
        var tot = vanaf.AddHours(8);
        var totaal = 0;
        foreach (var wijk in briefing.GetProperty("wijken").EnumerateArray())
        {
            var code = wijk.GetProperty("wijk").GetString();
            var sinds = wijk.GetProperty("sindsVorigeDienst");
            Assert.Equal("07:00", sinds.GetProperty("vanaf").GetString());
            var verwacht = _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == Gemeente && m.WijkCode == code && m.GemeldOp >= vanaf && m.GemeldOp < tot)
                .GroupBy(m => new { m.Categorie, m.Bron }).Select(g => new { g.Key.Categorie, g.Key.Bron, Aantal = g.Count() }).ToList());
            var tellingen = sinds.GetProperty("perCategorieEnBron").EnumerateArray()
                .Select(t => new
                {
                    Categorie = t.GetProperty("categorie").GetString()!, Bron = t.GetProperty("bron")
                    .GetString()!, Aantal = t.GetProperty("aantal").GetInt32()
                }).ToList();
            Assert.Equal(verwacht.OrderBy(x => x.Categorie).ThenBy(x => x.Bron), tellingen.OrderBy(x => x.Categorie).ThenBy(x => x.Bron));
            Assert.Equal(verwacht.Sum(x => x.Aantal), sinds.GetProperty("meldingen").GetInt32());
            Assert.Equal(verwacht.Where(x => x.Bron == "dagrapportage").Sum(x => x.Aantal), sinds.GetProperty("dagrapportages").GetInt32());
            Assert.All(sinds.GetProperty("open").EnumerateArray(), o => Assert.DoesNotContain(o.GetProperty("straat").GetString()!, "adres onbekend"));
            MeldingStatus[] open = [MeldingStatus.Toegewezen, MeldingStatus.InBehandeling, MeldingStatus.Heropend];
            var nogOpen = _api.WithDb(db => db.Meldingen.Count(m => m.GemeenteId == Gemeente && m.WijkCode == code && m.GemeldOp >= vanaf && m.GemeldOp < tot
                && open.Contains(m.Status)));
            Assert.Equal(nogOpen, sinds.GetProperty("openTotaal").GetInt32());
            Assert.Equal(Math.Min(nogOpen, 25), sinds.GetProperty("open").GetArrayLength());
            totaal += verwacht.Sum(x => x.Aantal);
        }
        Assert.True(totaal >= 5, $"{totaal} meldingen");
    }

    [Fact]
    public async Task Html_briefing_is_dutch_only_with_an_svg_map_per_wijk()
    {
        var response = await Teamleider.GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg&format=html");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Briefing dinsdag 1 december 2026 – vroege dienst (<span class=\"tijd\">07:00–15:00</span>)</h1>", html);
        Assert.Equal(8, Regex.Count(html, "<svg class=\"kaart\""));
        Assert.DoesNotContain("basemap", html);
        var tekst = Regex.Replace(Regex.Replace(html, "<style>.*?</style>|<svg.*?</svg>", "", RegexOptions.Singleline), "<[^>]+>", " ");
        foreach (var engels in EngelseWoorden().Matches(tekst).Select(m => m.Value)) Assert.Fail($"English in the briefing: '{engels}'");
        Assert.DoesNotContain("WK999900 op", tekst);
        Assert.DoesNotContain("dienst vroeg", tekst);
        Assert.Contains("Sinds de vorige dienst (nachtdienst, vanaf 23:00)", tekst);
    }

    [Fact]
    public async Task The_printed_briefing_says_in_words_where_the_meldingen_since_the_previous_dienst_came_from()
    {
        var html = WebUtility.HtmlDecode(await Teamleider.GetStringAsync("/api/v1/briefing?datum=2026-11-28&dienst=laat&wijk=WK999900&format=html"));
        Assert.Contains("<h3>Sinds de vorige dienst (vroege dienst, vanaf 07:00)</h3>", html);
        Assert.Matches(@"<p>\d+ meldingen: \d+× geluidsoverlast via het KCC", html);
        Assert.DoesNotContain("(KCC)", html);
        Assert.Matches(@"Nog open: [a-z]+ \([A-Z][a-z]+", html);
    }

    [GeneratedRegex(@"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|May|June|July|August|October|December"
        + "|new|sporadic|intensifying|persistent|diminishing|hotspots? in wijk|Assigned|InBehandeling|Toegewezen)\\b")]
    private static partial Regex EngelseWoorden();

    [Theory]
    [InlineData("/api/v1/briefing?dienst=vroeg", "datum")]
    [InlineData("/api/v1/briefing?datum=01-12-2026&dienst=vroeg", "datum")]
    [InlineData("/api/v1/briefing?datum=2026-12-01&dienst=middag", "dienst")]
    public async Task Bad_briefing_parameters_are_400_naming_the_field(string url, string field)
    {
        var response = await Teamleider.GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Planner_may_not_read_the_briefing()
    {
        var response = await _api.ClientAs(Gemeente, Roles.Planner).GetAsync("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_briefing_beyond_the_school_calendar_says_so_and_one_within_it_does_not()
    {
        var binnen = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2026-12-01&dienst=vroeg");
        Assert.Empty(binnen.GetProperty("waarschuwingen").EnumerateArray());
        var buiten = await Teamleider.GetFromJsonAsync<JsonElement>("/api/v1/briefing?datum=2027-12-07&dienst=vroeg");
        var waarschuwing = Assert.Single(buiten.GetProperty("waarschuwingen").EnumerateArray()).GetString()!;
        Assert.Contains("tot en met zondag 29 augustus 2027", waarschuwing);
        Assert.Contains("dinsdag 7 december 2027 zijn de schooldagen onbekend", waarschuwing);
        var html = await Teamleider.GetStringAsync("/api/v1/briefing?datum=2027-12-07&dienst=vroeg&format=html");
        Assert.Contains("class=\"waarschuwing\">De schoolvakanties van regio noord", html);
    }

    [Fact]
    public async Task The_school_regio_is_set_by_an_admin_and_read_by_the_planner()
    {
        var gemeente = await _api.NewGemeenteAsync();
        var admin = _api.ClientAs(gemeente, Roles.Admin);
        Assert.Equal("noord", (await admin.GetFromJsonAsync<JsonElement>("/api/v1/schoolregio")).GetProperty("regio").GetString());
        var gezet = await admin.PutAsJsonAsync("/api/v1/schoolregio", new { regio = "zuid" });
        Assert.Equal(HttpStatusCode.OK, gezet.StatusCode);
        var body = await _api.ClientAs(gemeente, Roles.Planner).GetFromJsonAsync<JsonElement>("/api/v1/schoolregio");
        Assert.Equal(("zuid", "2027-08-15"), (body.GetProperty("regio").GetString(), body.GetProperty("bekendTot").GetString()));
        Assert.Equal("zuid", _api.WithDb(db => db.Gemeenten.Single(g => g.Id == gemeente).SchoolRegio));

        var fout = await admin.PutAsJsonAsync("/api/v1/schoolregio", new { regio = "oost" });
        Assert.Equal(HttpStatusCode.BadRequest, fout.StatusCode);
        Assert.Equal("regio", (await fout.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await _api.ClientAs(gemeente, Roles.Planner)
            .PutAsJsonAsync("/api/v1/schoolregio", new { regio = "midden" })).StatusCode);
    }

    [Fact]
    public async Task Health_warns_without_failing_when_the_school_calendar_ends_within_four_weeks()
    {
        Assert.Empty((await _api.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("waarschuwingen").EnumerateArray());
        await using var laat = _api.Variant(b => b.ConfigureTestServices(s =>
            s.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2027, 8, 10, 12, 0, 0, TimeSpan.Zero)))));
        var response = await laat.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        Assert.Contains(body.GetProperty("waarschuwingen")
            .EnumerateArray(), w => w.GetString()!.Contains("regio noord") && w.GetString()!.Contains("onbekend"));
    }
}
