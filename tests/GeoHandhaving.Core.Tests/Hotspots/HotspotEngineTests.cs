using GeoHandhaving.Core.Hotspots;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class HotspotEngineTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1));

    /// <summary>Two events per 100 m cell on average over 4 × 4 km, at random hours of one week.</summary>
    private static List<HotspotEvent> Background(Random random) =>
        [.. Enumerable.Range(0, 3200).Select(i => new HotspotEvent(
            i, random.NextDouble() * 4000, random.NextDouble() * 4000,
            Monday.AddMinutes(random.Next(7 * 24 * 60)), "parkeeroverlast", AddressKey: $"adres-{i}"))];

    private static readonly HotspotParameters Parameters = new(Reference: Monday.AddDays(7), SchoolCalendar: null);

    /// <summary>The Gi* setting of the family with the given damping and no recency (all events fall in one week).</summary>
    private static Func<TimeWindow, HotspotSetting> GiStar(RepeatDamping damping) =>
        _ => new HotspotSetting("gi", null, damping, 1, 0, HotspotMethod.GiPatches);

    private static bool HasHotspotAt(HotspotResult result, string window, double x, double y) =>
        result.Windows.Single(w => w.Window == window).Hotspots.Any(h => h.Polygon.Covers(new Point(x, y)));

    [Fact]
    public void One_address_filing_100_times_makes_no_hotspot_once_damped()
    {
        var random = new Random(3);
        var events = Background(random);
        events.AddRange(Enumerable.Range(0, 100).Select(i => new HotspotEvent(
            10_000 + i, 2050, 2050, Monday.AddHours(i), "parkeeroverlast", ReporterKey: "melder-1", AddressKey: "Dorpsstraat 1")));

        var undamped = HotspotEngine.Compute(events, [DefaultTimeWindows.AllHours], Parameters, GiStar(RepeatDamping.None));
        var damped = HotspotEngine.Compute(events, [DefaultTimeWindows.AllHours], Parameters, GiStar(RepeatDamping.SquareRoot));

        Assert.True(HasHotspotAt(undamped, "alle-uren", 2050, 2050)); // the test can fail: undamped, the address is a hotspot
        Assert.False(HasHotspotAt(damped, "alle-uren", 2050, 2050));
    }

    [Fact]
    public void Cluster_at_drop_off_time_is_a_schoolbrengen_hotspot_and_not_a_saturday_one()
    {
        var random = new Random(5);
        var events = Background(random);
        for (var i = 0; i < 60; i++)
        {
            var weekday = Monday.AddDays(i % 5).AddHours(8).AddMinutes(random.Next(40));
            events.Add(new HotspotEvent(20_000 + i, 1000 + random.NextDouble() * 200, 3000 + random.NextDouble() * 200,
                weekday, "parkeeroverlast", AddressKey: $"school-{i}"));
        }
        var result = HotspotEngine.Compute(events, DefaultTimeWindows.All, Parameters, GiStar(RepeatDamping.SquareRoot));

        Assert.True(HasHotspotAt(result, "schoolbrengen", 1100, 3100));
        Assert.False(HasHotspotAt(result, "uur-za-08", 1100, 3100));
        var hotspot = result.Windows.Single(w => w.Window == "schoolbrengen").Hotspots[0];
        Assert.Equal(1, hotspot.Rank);
        Assert.True(hotspot.Observed > hotspot.Expected);
        Assert.Equal(TrendLabel.New, hotspot.Trend); // only in the last of four 28-day periods
    }

    [Fact]
    public void Engine_windows_agree_with_the_window_definition_slot_by_slot()
    {
        var calendar = SchoolCalendar.Load(TestData.SchoolHolidaysPath);
        var isSchoolDay = TimeWindow.IsSchoolDayRule(calendar, SchoolRegio.Noord);
        var start = new DateTime(2026, 10, 12); // a school week, then the noord autumn holiday
        foreach (var window in DefaultTimeWindows.Named)
        {
            var mask = WeekSlots.Mask(window);
            for (var local = start; local < start.AddDays(14); local = local.AddMinutes(15))
            {
                Assert.Equal(window.ContainsWallClock(local, isSchoolDay), mask[WeekSlots.Key(local, isSchoolDay)]);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_study_area_is_the_convex_hull_of_the_events(int seed)
    {
        var random = new Random(seed);
        // A dense blob, a few far points, and a line of points on the hull's edge.
        var events = Background(random).Take(2000)
            .Concat(Enumerable.Range(0, 5).Select(i => new HotspotEvent(10_000 + i, -3000 + random.NextDouble() * 10_000, 6000 + i * 100,
                Monday.AddHours(i), "parkeeroverlast")))
            .Concat(Enumerable.Range(0, 20).Select(i => new HotspotEvent(20_000 + i, i * 200, -500, Monday.AddHours(i), "parkeeroverlast")))
            .ToList();
        var expected = new GeometryFactory().CreateMultiPointFromCoords([.. events.Select(e => new Coordinate(e.X, e.Y))]).ConvexHull().Area;
        var result = HotspotEngine.Compute(events, [DefaultTimeWindows.AllHours], Parameters, _ => HotspotSetting.Count);
        Assert.Equal(expected, result.StudyArea, 6);
    }
}
