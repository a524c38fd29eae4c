using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class TrendClassifierTests
{
    private static readonly PeriodActivity Quiet = new(1, 2);

    private static PeriodActivity Hot(double observed) => new(observed, 2);

    public static TheoryData<PeriodActivity[], TrendLabel> Cases => new()
    {
        { [Quiet, Quiet, Quiet, Hot(20)], TrendLabel.New },
        { [Quiet, Quiet, Hot(10), Hot(20)], TrendLabel.Intensifying },
        { [Hot(20), Hot(20), Hot(20), Hot(21)], TrendLabel.Persistent },
        { [Quiet, Quiet, Hot(20), Hot(10)], TrendLabel.Diminishing },
        { [Quiet, Quiet, Hot(20), Quiet], TrendLabel.Diminishing },
        { [Hot(20), Quiet, Quiet, Hot(20)], TrendLabel.Sporadic },
        { [Quiet, Quiet, Quiet, Quiet], TrendLabel.Sporadic },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Trend_label_follows_the_documented_rules(PeriodActivity[] periods, TrendLabel expected) =>
        Assert.Equal(expected, TrendClassifier.Classify(periods));

    [Fact]
    public void A_period_is_hot_only_with_three_events_and_a_significant_excess()
    {
        Assert.False(new PeriodActivity(2, 0.01).IsHot);
        Assert.False(new PeriodActivity(12, 8).IsHot);  // z = 1.41
        Assert.True(new PeriodActivity(14, 8).IsHot);   // z = 2.12
    }
}
