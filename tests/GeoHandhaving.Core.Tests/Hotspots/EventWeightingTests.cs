using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class EventWeightingTests
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    [Theory]
    [InlineData(DecayShape.Exponential, 3, 0.125)]
    [InlineData(DecayShape.Hyperbolic, 3, 0.25)]
    [InlineData(DecayShape.Exponential, 1, 0.5)]
    [InlineData(DecayShape.Hyperbolic, 1, 0.5)]
    public void Both_decays_halve_at_the_half_life_and_hyperbolic_keeps_a_heavier_tail(DecayShape shape, int halfLives, double expected) =>
        Assert.Equal(expected, new RecencyDecay(shape, Month).Weight(halfLives * Month), 9);

    [Fact]
    public void Hundred_reports_from_one_address_count_ten_with_square_root_damping()
    {
        var at = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.FromHours(1));
        var events = Enumerable.Range(0, 100).Select(i => new HotspotEvent(i, 0, 0, at, "parkeeroverlast", AddressKey: "Dorpsstraat 1")).ToList();
        events.Add(new HotspotEvent(100, 0, 0, at, "parkeeroverlast", AddressKey: "Dorpsstraat 2"));

        var weights = EventWeighting.Weights(events, at, recency: null, RepeatDamping.SquareRoot);

        Assert.Equal(10, weights.Take(100).Sum(), 9);
        Assert.Equal(1, weights[100]);
    }
}
