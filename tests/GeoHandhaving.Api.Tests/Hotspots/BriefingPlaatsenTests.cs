using GeoHandhaving.Api.Briefing;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>The rule that turns a run's hotspots into a wijk's places, on hand-made hotspots (no database).</summary>
public class BriefingPlaatsenTests
{
    private static readonly DateTime Dinsdag0700 = new(2026, 12, 1, 7, 0, 0);
    private static long _id;

    private static HotspotView Hotspot(string venster, double x, double y, double perUur, string plaats, double p = 0.001, string[]? categorieen = null)
    {
        var centrum = RdNew.RdFactory.CreatePoint(new Coordinate(x, y));
        return new HotspotView(++_id, venster, categorieen ?? [], centrum.Buffer(50), centrum, 10, 2, 4, p, 8, 1, "persistent",
            ["WK01"], [], perUur, [plaats], "Buurt", plaats, []);
    }

    private static ILookup<string, Plaats> PerWijk(params HotspotView[] hotspots)
    {
        var snapshot = new HotspotSnapshot(1, hotspots, hotspots.ToLookup(h => h.Venster), DefaultTimeWindows.All, new SchoolCalendar([]), SchoolRegio.Noord,
            []);
        return BriefingPlaatsen.PerWijk(snapshot, Dinsdag0700, 8, new BriefingOptions(), falseDiscoveryRate: 0.05);
    }

    [Fact]
    public void Hotspots_of_one_place_in_adjacent_windows_are_one_entry_with_their_time_spans()
    {
        var plaatsen = PerWijk(
            Hotspot("schoolbrengen", 186000, 468000, 0.8, "Schoolweg", categorieen: ["parkeeroverlast", "verkeersoverlast"]),
            Hotspot("uur-di-08", 186040, 468030, 0.6, "Schoolweg / Molenlaan"),
            Hotspot("uur-di-09", 186000, 468010, 0.5, "Schoolweg"),
            Hotspot("schoolhalen", 186000, 468000, 0.7, "Schoolweg", categorieen: ["parkeeroverlast", "verkeersoverlast"]),
            Hotspot("uur-di-12", 187000, 469000, 0.9, "Marktplein"))["WK01"].ToList();

        Assert.Equal(2, plaatsen.Count);
        Assert.Equal("Marktplein", plaatsen[0].Beste.Plaats);
        var school = plaatsen[1];
        Assert.Equal(2, school.Nummer);
        Assert.Equal(4, school.Hotspots.Count);
        Assert.Equal("Schoolweg", school.Beste.Plaats);
        Assert.Equal("07:45–10:00 en 14:15–15:00", DutchDates.Spans(school.Tijden));
        Assert.Equal("parkeeroverlast en verkeersoverlast", BriefingPlaatsen.Wat(school));
        // Per block the largest member: 08:00–09:00 holds 0.8 × 0.75 h of drop-off and 0.6 of uur-di-08.
        Assert.Equal(0.6, school.Blokken[1], 3);
    }

    [Fact]
    public void A_hotspot_below_the_floor_or_not_significant_after_fdr_is_left_out()
    {
        var plaatsen = PerWijk(
            Hotspot("uur-di-08", 186000, 468000, 0.2, "Zwakke straat"),
            Hotspot("uur-di-10", 187000, 468000, 3, "Niet significant", p: 0.2),
            Hotspot("uur-wo-08", 188000, 468000, 3, "Andere dag"),
            Hotspot("uur-di-11", 189000, 468000, 0.3, "Sterk genoeg"))["WK01"].ToList();
        Assert.Equal(["Sterk genoeg"], plaatsen.Select(p => p.Beste.Plaats));
    }

    [Fact]
    public void A_drop_off_place_appears_only_in_the_blocks_where_its_expectation_clears_the_floor()
    {
        // 0.6 per hour: 07:45–08:00 expects 0.15 (below 0.25), 08:00–08:45 expects 0.45.
        var plaats = PerWijk(Hotspot("schoolbrengen", 186000, 468000, 0.6, "Schoolweg"))["WK01"].Single();
        Assert.Equal([1], plaats.Blokken.Keys);
        Assert.Equal("07:45–08:45", DutchDates.Spans(plaats.Tijden));
    }
}
