using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class GetisOrdTests
{
    private static readonly CellGrid Grid = new(0, 0, 100, 30, 30);

    private static double[] PoissonNoise(int seed, double mean)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, Grid.CellCount).Select(_ => Poisson(random, mean))];
    }

    private static double Poisson(Random random, double mean)
    {
        // Knuth's method: fine for small means.
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var product = random.NextDouble(); product > limit; product *= random.NextDouble())
        {
            k++;
        }
        return k;
    }

    private static HashSet<int> SignificantCells(double[] values)
    {
        var z = GetisOrd.CountZScores(values, Grid, Neighbourhood.Queen.Offsets(Grid.CellSize));
        var q = Statistics.BenjaminiHochberg([.. z.Select(Statistics.UpperTailProbability)]);
        return [.. Enumerable.Range(0, values.Length).Where(c => z[c] > 0 && q[c] <= 0.05)];
    }

    [Fact]
    public void Planted_cluster_is_found_and_nothing_far_from_it()
    {
        var values = PoissonNoise(seed: 1, mean: 2);
        int[] planted = [.. from r in Enumerable.Range(14, 3) from c in Enumerable.Range(9, 3) select r * Grid.Columns + c];
        foreach (var cell in planted)
        {
            values[cell] += 8;
        }
        var significant = SignificantCells(values);

        Assert.Contains(15 * Grid.Columns + 10, significant);
        Assert.All(significant, cell => Assert.InRange(Math.Max(Math.Abs(cell / Grid.Columns - 15), Math.Abs(cell % Grid.Columns - 10)), 0, 2));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Uniform_count_noise_gives_no_hot_cells_after_fdr(int seed) =>
        Assert.Empty(SignificantCells(PoissonNoise(seed, mean: 2)));

    [Fact]
    public void Constant_values_give_zero_z_everywhere() =>
        Assert.All(GetisOrd.ZScores(Enumerable.Repeat(3.0, Grid.CellCount).ToArray(), Grid, Neighbourhood.Queen.Offsets(100)), z => Assert.Equal(0, z));

    [Fact]
    public void Distance_band_of_150_m_on_100_m_cells_is_the_3x3_block_and_250_m_adds_the_ring_without_corners()
    {
        Assert.Equal(9, Neighbourhood.DistanceBand(150).Offsets(100).Length);
        Assert.Equal(21, Neighbourhood.DistanceBand(250).Offsets(100).Length); // 5×5 minus 4 corners at 283 m
    }

    [Theory]
    [InlineData(null)]
    [InlineData(250.0)]
    public void Sums_over_the_neighbourhood_are_those_of_a_walk_over_each_cells_neighbours(double? band)
    {
        var grid = new CellGrid(0, 0, 100, 23, 17);
        var random = new Random(3);
        double[] values = [.. Enumerable.Range(0, grid.CellCount).Select(_ => (double)random.Next(10))];
        var offsets = band is { } metres ? Neighbourhood.DistanceBand(metres).Offsets(100) : Neighbourhood.Queen.Offsets(100);
        var (sums, counts) = (grid.SumOver(values, offsets), grid.CountOver(offsets));
        for (var cell = 0; cell < grid.CellCount; cell++)
        {
            var neighbours = grid.Neighbours(cell, offsets).ToList();
            Assert.Equal(neighbours.Sum(n => values[n]), sums[cell], 9);
            Assert.Equal(neighbours.Count, counts[cell]);
        }
    }
}
