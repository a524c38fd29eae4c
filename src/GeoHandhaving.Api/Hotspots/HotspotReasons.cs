using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Api.Hotspots;

/// <summary>The reason of a hotspot in words, for the briefing: what, near which school, during which window.</summary>
public static class HotspotReasons
{
    private static readonly Dictionary<string, string> Vensters = new()
    {
        ["schoolbrengen"] = "tijdens het brengen",
        ["schoolhalen"] = "tijdens het halen",
        ["uitgaansnacht"] = "in de uitgaansnacht",
    };

    private static readonly string[] DagCodes = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    public static string Beschrijf(HotspotView h)
    {
        var wat = h.Categorieen.Length > 0 ? string.Join(" en ", h.Categorieen) : "meldingen";
        if (h.Plaats is not null) return $"{wat} bij {h.Plaats} {Wanneer(h.Venster)}";
        // A school is named only where it explains the hotspot: school windows and parking.
        var schoolRelevant = h.Venster.StartsWith("school", StringComparison.Ordinal) || h.Categorieen.Contains("parkeeroverlast");
        var waar = schoolRelevant && h.Scholen.Length > 0 ? $" rond {h.Scholen[0]}" : h.WijkCodes.Length > 0 ? $" in wijk {h.WijkCodes[0]}" : "";
        return $"{wat}{waar} {Wanneer(h.Venster)}".Trim();
    }

    /// <summary>"tijdens het brengen", or "op dinsdag 08:00–09:00" for an hour-of-week window such as uur-di-08.</summary>
    public static string Wanneer(string venster)
    {
        if (Vensters.TryGetValue(venster, out var tekst)) return tekst;
        var parts = venster.Split('-');
        if (parts is ["uur", var dag, var uur] && Array.IndexOf(DagCodes, dag) is var i and >= 0 && int.TryParse(uur, out var u))
        {
            return $"op {DutchDates.Weekday((DayOfWeek)((i + 1) % 7))} {u:00}:00–{(u + 1) % 24:00}:00";
        }
        return $"in venster {venster}";
    }
}
