using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>
/// The street(s) carrying most of a hotspot's meldingen: the streets of the BAG addresses its meldingen (of its
/// categories) lie at, counted over its cells; the first, and a second when it carries at least half as many.
/// </summary>
public sealed class HotspotStraten
{
    private readonly Dictionary<int, List<(string Categorie, string Straat)>> _perCel = [];

    /// <param name="straten">Per event its street (null: not at an address).</param>
    public HotspotStraten(IReadOnlyList<HotspotEvent> events, IReadOnlyList<string?> straten, CellGrid grid)
    {
        for (var i = 0; i < events.Count; i++)
        {
            if (straten[i] is not { } straat) continue;
            var cel = grid.CellOf(events[i].X, events[i].Y);
            if (cel < 0) continue;
            if (!_perCel.TryGetValue(cel, out var lijst)) _perCel[cel] = lijst = [];
            lijst.Add((events[i].Category, straat));
        }
    }

    /// <param name="categorieen">Empty: all categories.</param>
    public string[] Van(IEnumerable<int> cellen, IReadOnlyCollection<string> categorieen)
    {
        var telling = cellen.SelectMany(c => _perCel.GetValueOrDefault(c) ?? [])
            .Where(x => categorieen.Count == 0 || categorieen.Contains(x.Categorie))
            .GroupBy(x => x.Straat).Select(g => (Straat: g.Key, Aantal: g.Count()))
            .OrderByDescending(x => x.Aantal).ThenBy(x => x.Straat, StringComparer.Ordinal).Take(2).ToList();
        return [.. telling.Where(x => 2 * x.Aantal >= telling[0].Aantal).Select(x => x.Straat)];
    }
}
