using GeoHandhaving.Core.TimeWindows;

namespace GeoHandhaving.Core.Tests.TimeWindows;

public class AmsterdamTimeTests
{
    [Theory]
    [InlineData(2026, 1, 15, 10, 0, "2026-01-15T09:00:00Z")]
    [InlineData(2026, 7, 15, 10, 0, "2026-07-15T08:00:00Z")]
    // Last Sunday of March: 02:30 does not exist, it lands an hour on (03:30 summer time).
    [InlineData(2026, 3, 29, 2, 30, "2026-03-29T01:30:00Z")]
    // Last Sunday of October: 02:30 happens twice; the winter-time one is taken.
    [InlineData(2026, 10, 25, 2, 30, "2026-10-25T01:30:00Z")]
    public void Wall_clock_time_becomes_one_instant_across_both_dst_changes(int y, int mo, int d, int h, int mi, string utc)
    {
        var instant = AmsterdamTime.ToInstant(new DateTime(y, mo, d, h, mi, 0));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Fact]
    public void An_instant_reads_as_the_amsterdam_wall_clock_and_back()
    {
        var instant = new DateTimeOffset(2026, 12, 1, 7, 15, 0, TimeSpan.Zero);
        var local = AmsterdamTime.ToLocal(instant);
        Assert.Equal(new DateTime(2026, 12, 1, 8, 15, 0), local.DateTime);
        Assert.Equal(instant, AmsterdamTime.ToInstant(local.DateTime));
    }
}
