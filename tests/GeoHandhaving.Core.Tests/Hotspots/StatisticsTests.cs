using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class StatisticsTests
{
    [Fact]
    public void Benjamini_Hochberg_matches_the_hand_computed_q_values()
    {
        // Sorted p·m/rank = .008 .032 .104 .082 .0672 .08 .0846 .205, then the running minimum from the largest rank down:
        double[] p = [0.001, 0.008, 0.039, 0.041, 0.042, 0.06, 0.074, 0.205];
        double[] expected = [0.008, 0.032, 0.0672, 0.0672, 0.0672, 0.08, 0.0846, 0.205];
        var q = Statistics.BenjaminiHochberg(p);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal(expected[i], q[i], 4);
        }
        Assert.Equal(2, q.Count(v => v <= 0.05));
    }

    [Fact]
    public void Benjamini_Hochberg_keeps_the_input_order()
    {
        var q = Statistics.BenjaminiHochberg([0.04, 0.01, 0.03, 0.005]);
        Assert.Equal([0.04, 0.02, 0.04, 0.02], q.Select(v => Math.Round(v, 6)));
    }

    [Fact]
    public void Benjamini_Hochberg_below_a_level_gives_the_same_q_values_at_or_below_it_and_1_above()
    {
        var random = new Random(13);
        // Many ties and a long tail, as the cells of a grid give.
        double[] p = [.. Enumerable.Range(0, 5000).Select(_ => random.NextDouble() < 0.3 ? 0.5 : Math.Pow(random.NextDouble(), 4))];
        var full = Statistics.BenjaminiHochberg(p);
        var below = Statistics.BenjaminiHochberg(p, 0.05);
        Assert.Contains(full, q => q <= 0.05);
        Assert.Contains(full, q => q > 0.05 && q < 1);
        for (var i = 0; i < p.Length; i++)
        {
            Assert.Equal(full[i] <= 0.05 ? full[i] : 1.0, below[i]);
        }
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(1.959964, 0.025)]
    [InlineData(-1.959964, 0.975)]
    [InlineData(3.090232, 0.001)]
    public void Upper_tail_probability_matches_the_normal_table(double z, double p) =>
        Assert.Equal(p, Statistics.UpperTailProbability(z), 6);
}
