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
            Hotspot("uur-di-11", 189000, 468000, 0.3, "Sterk genoeg"),
            // 0.3 per hour of drop-off: 0.075 in 07:45–08:00 and 0.225 in 08:00–08:45, below the floor in both.
            Hotspot("schoolbrengen", 190000, 468000, 0.3, "Nergens genoeg"))["WK01"].ToList();
        Assert.Equal(["Sterk genoeg"], plaatsen.Select(p => p.Beste.Plaats));
    }

    [Fact]
    public void A_drop_off_place_that_clears_the_floor_from_08_00_is_listed_from_07_45()
    {
        // 0.6 per hour: 07:45–08:00 expects 0.15 (below 0.25), 08:00–08:45 expects 0.45: in the briefing, and in both hours.
        var plaats = PerWijk(Hotspot("schoolbrengen", 186000, 468000, 0.6, "Schoolweg"))["WK01"].Single();
        Assert.Equal([0, 1], plaats.Blokken.Keys.Order());
        Assert.Equal(0.15, plaats.Blokken[0], 3);
        Assert.Equal(new LocalSpan(Dinsdag0700.AddMinutes(45), Dinsdag0700.AddHours(1)), plaats.ActiefIn(Dinsdag0700, Dinsdag0700.AddHours(1)));
        Assert.Equal(new LocalSpan(Dinsdag0700.AddHours(1), Dinsdag0700.AddMinutes(105)), plaats.ActiefIn(Dinsdag0700.AddHours(1), Dinsdag0700.AddHours(2)));
        Assert.Null(plaats.ActiefIn(Dinsdag0700.AddHours(2), Dinsdag0700.AddHours(3)));
        Assert.Equal("07:45–08:45", DutchDates.Spans(plaats.Tijden));
    }
}
