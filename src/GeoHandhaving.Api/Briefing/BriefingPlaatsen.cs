using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Api.Briefing;

/// <summary>A place of one wijk during a dienst: the hotspots there, merged, with when and how much to expect.</summary>
/// <param name="Blokken">Per hour block of the dienst (index) in which the place is active the meldingen expected there.</param>
/// <param name="Vooral">For a place found over all categories: the categories of the run's own hotspots there (any window),
/// most per hour first, so the briefing can say what the meldingen there are mostly about.</param>
public sealed record Plaats(int Nummer, HotspotView Beste, IReadOnlyList<HotspotView> Hotspots, IReadOnlyList<LocalSpan> Tijden,
    IReadOnlyDictionary<int, double> Blokken, IReadOnlyList<string> Vooral)
{
    public double VerwachtPerUur => Beste.PerUur;
    public double VerwachtInDienst => Blokken.Values.Sum();

    /// <summary>The part of [van, tot) in which the place is active (first to last active moment), or null.</summary>
    public LocalSpan? ActiefIn(DateTime van, DateTime tot)
    {
        var binnen = Tijden.Where(t => t.Overlap(van, tot) > TimeSpan.Zero).ToList();
        return binnen.Count == 0 ? null : new LocalSpan(binnen[0].From > van ? binnen[0].From : van, binnen[^1].To < tot ? binnen[^1].To : tot);
    }
}

/// <summary>
/// The one rule that turns a run's hotspots into the places of a briefing: a hotspot counts when it is significant after
/// the FDR correction, its window is active in the dienst and the meldingen expected in at least one hour block clear the
/// floor; hotspots of one wijk at the same place (same name, or centres close together) are one entry with the union of
/// their time spans, listed in every hour block they are active in (also the quarter 07:45–08:00 of a drop-off that
/// clears the floor from 08:00); entries are ranked by the meldingen expected per hour present.
/// </summary>
public static class BriefingPlaatsen
{
    public static ILookup<string, Plaats> PerWijk(HotspotSnapshot snapshot, DateTime dienstVan, int uren, BriefingOptions options,
        double falseDiscoveryRate)
    {
        var isSchoolDay = TimeWindow.IsSchoolDayRule(snapshot.Kalender, snapshot.Regio);
        var vensters = snapshot.Vensters.ToDictionary(w => w.Name);
        var dienstTot = dienstVan.AddHours(uren);
        var kandidaten = new List<(HotspotView Hotspot, IReadOnlyList<LocalSpan> Tijden, Dictionary<int, double> Blokken)>();
        foreach (var h in snapshot.Hotspots)
        {
            if (h.P > falseDiscoveryRate || h.WijkCodes.Length == 0 || !vensters.TryGetValue(h.Venster, out var venster)) continue;
            var tijden = LocalSpan.OfWindow(venster, dienstVan, dienstTot, isSchoolDay);
            if (tijden.Count == 0) continue;
            var blokken = new Dictionary<int, double>();
            for (var blok = 0; blok < uren; blok++)
            {
                var van = dienstVan.AddHours(blok);
                var actief = tijden.Sum(t => t.Overlap(van, van.AddHours(1)).TotalHours);
                if (actief > 0) blokken[blok] = h.PerUur * actief;
            }
            if (blokken.Values.Any(v => v >= options.MinimumVerwachtPerBlok)) kandidaten.Add((h, tijden, blokken));
        }
        var perCategorie = snapshot.Hotspots.Where(h => h.Categorieen.Length > 0 && h.P <= falseDiscoveryRate && h.WijkCodes.Length > 0)
            .ToLookup(h => h.WijkCodes[0]);
        return kandidaten.GroupBy(k => k.Hotspot.WijkCodes[0])
            .SelectMany(wijk => Samenvoegen(wijk.ToList(), perCategorie[wijk.Key].ToList(), options).Select(p => (Wijk: wijk.Key, Plaats: p)))
            .ToLookup(x => x.Wijk, x => x.Plaats);
    }

    private static IEnumerable<Plaats> Samenvoegen(
        List<(HotspotView Hotspot, IReadOnlyList<LocalSpan> Tijden, Dictionary<int, double> Blokken)> kandidaten,
        List<HotspotView> perCategorie, BriefingOptions options)
    {
        // Best first, so each group's first member names the place.
        kandidaten.Sort((a, b) => b.Hotspot.PerUur.CompareTo(a.Hotspot.PerUur) is var c and not 0 ? c : a.Hotspot.Id.CompareTo(b.Hotspot.Id));
        var groep = Enumerable.Range(0, kandidaten.Count).ToArray();
        int Wortel(int i) => groep[i] == i ? i : groep[i] = Wortel(groep[i]);
        for (var i = 0; i < kandidaten.Count; i++)
        {
            for (var j = i + 1; j < kandidaten.Count; j++)
            {
                if (ZelfdePlaats(kandidaten[i].Hotspot, kandidaten[j].Hotspot, options.ZelfdePlaatsMeter))
                {
                    var (a, b) = (Wortel(i), Wortel(j));
                    if (a != b) groep[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }
        return Enumerable.Range(0, kandidaten.Count).GroupBy(Wortel).OrderBy(g => g.Key).Take(options.MaxPlaatsenPerWijk)
            .Select((g, index) =>
            {
                var leden = g.Select(i => kandidaten[i]).ToList();
                // Members count overlapping meldingen (all categories and one, an hour and a named window): per block the largest.
                var blokken = leden.SelectMany(l => l.Blokken).GroupBy(b => b.Key).ToDictionary(b => b.Key, b => b.Max(x => x.Value));
                var vooral = leden.Any(l => l.Hotspot.Categorieen.Length > 0) ? [] : perCategorie
                    .Where(h => leden.Any(l => ZelfdePlaats(l.Hotspot, h, options.ZelfdePlaatsMeter)))
                    .SelectMany(h => h.Categorieen.Select(categorie => (Categorie: categorie, h.PerUur)))
                    .GroupBy(c => c.Categorie).OrderByDescending(c => c.Max(x => x.PerUur)).ThenBy(c => c.Key)
                    .Select(c => c.Key).Take(2).ToList();
                return new Plaats(index + 1, leden[0].Hotspot, [.. leden.Select(l => l.Hotspot)], LocalSpan.Merge(leden.SelectMany(l => l.Tijden)),
                    blokken, vooral);
            });
    }

    private static bool ZelfdePlaats(HotspotView a, HotspotView b, double meter) =>
        (a.Plaats is not null && a.Plaats == b.Plaats) || a.Centroide.Distance(b.Centroide) <= meter;

    /// <summary>
    /// The categories of a place in words: "parkeeroverlast en verkeersoverlast"; for a place found over all categories
    /// "meldingen, vooral afval en jeugdoverlast" after the run's own hotspots of one category there, else "meldingen".
    /// </summary>
    public static string Wat(Plaats plaats)
    {
        var categorieen = plaats.Hotspots.SelectMany(h => h.Categorieen).Distinct().Order().ToList();
        if (categorieen.Count > 0) return Opsomming(categorieen);
        return plaats.Vooral.Count > 0 ? $"meldingen, vooral {Opsomming(plaats.Vooral)}" : "meldingen";
    }

    private static string Opsomming(IReadOnlyList<string> woorden) =>
        woorden.Count == 1 ? woorden[0] : $"{string.Join(", ", woorden.Take(woorden.Count - 1))} en {woorden[^1]}";

    public static TrendLabel Trend(Plaats plaats) => plaats.Beste.TrendLabel;
}
