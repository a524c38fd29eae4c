using GeoHandhaving.Core.Hotspots;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class PredictionEvaluationTests
{
    [Fact]
    public void Hit_rate_pai_and_pei_star_match_a_hand_computed_example()
    {
        // Six 1 m² cells, a third of the area flags two cells: the two best scores (cells 0 and 1) catch 0 + 3 of 10 events;
        // the best two cells for the test period (5 and 1) would have caught 9.
        double[] scores = [5, 4, 3, 2, 1, 0];
        int[] test = [0, 3, 1, 0, 0, 6];
        var score = PredictionEvaluation.Evaluate(scores, test, areaShare: 1.0 / 3, studyArea: 6, cellArea: 1);

        Assert.Equal(2, score.FlaggedCells);
        Assert.Equal(0.3, score.HitRate, 9);
        Assert.Equal(0.9, score.Pai, 9);
        Assert.Equal(3.0 / 9, score.PeiStar, 9);
        Assert.Equal(0.9, score.BestPossibleHitRate, 9);
    }

    [Fact]
    public void Ties_go_to_the_lower_cell_number() =>
        Assert.Equal([2, 0, 1], CellRanking.TopCells([1, 1, 5, 1], 3));

    [Fact]
    public void The_best_cells_are_those_of_a_full_sort_ties_included()
    {
        var random = new Random(5);
        // Few distinct values, so the cut falls inside a run of ties.
        double[] scores = [.. Enumerable.Range(0, 20_000).Select(_ => (double)random.Next(0, 40))];
        int[] sorted = [.. Enumerable.Range(0, scores.Length).OrderByDescending(c => scores[c]).ThenBy(c => c)];
        foreach (var count in new[] { 1, 7, 500, 2_345, 19_999, 20_000, 30_000 })
        {
            Assert.Equal(sorted[..Math.Min(count, sorted.Length)], CellRanking.TopCells(scores, count));
        }
        Assert.Empty(CellRanking.TopCells(scores, 0));
    }
}

public class RatioIntervalTests
{
    [Fact]
    public void The_same_ranking_against_itself_has_no_room_for_chance() =>
        Assert.Equal((1.0, 1.0), PredictionEvaluation.RatioInterval([3, 2, 1, 0], [3, 2, 1, 0], [0, 0, 1, 2, 3, 3], budget: 2));

    [Fact]
    public void The_interval_holds_the_true_ratio_and_narrows_with_more_test_events()
    {
        // Cell 0 holds two thirds of the test events, cell 1 one third: flagging cell 0 catches twice what flagging cell 1 does.
        double[] first = [1, 0], second = [0, 1];
        var (low, high) = PredictionEvaluation.RatioInterval(first, second, [0, 0, 1], budget: 1);
        var many = Enumerable.Repeat(new[] { 0, 0, 1 }, 300).SelectMany(c => c).ToList();
        var (manyLow, manyHigh) = PredictionEvaluation.RatioInterval(first, second, many, budget: 1);

        Assert.InRange(2.0, manyLow, manyHigh);
        Assert.InRange(manyLow, 1.6, 2.0);
        Assert.InRange(manyHigh, 2.0, 2.5);
        Assert.True(high - low > 2 * (manyHigh - manyLow), $"{low}-{high} vs {manyLow}-{manyHigh}");
    }
}

public class HalfKnownCeilingTests
{
    [Fact]
    public void A_new_place_in_the_test_period_lifts_the_ceiling_far_above_the_count()
    {
        // History: cells 0-19 ten events each. Test: half of it in those cells, half in cells 30-35 the history never saw.
        // Budget 20 cells: the count catches the old half only; knowing half of the test period finds the new cells (about
        // 1.6-1.7 times as many hits: the six new cells, and fourteen old ones).
        var count = new double[40];
        for (var c = 0; c < 20; c++)
        {
            count[c] = 10;
        }
        var test = Enumerable.Range(0, 20).SelectMany(c => Enumerable.Repeat(c, 6))
            .Concat(Enumerable.Range(30, 6).SelectMany(c => Enumerable.Repeat(c, 20))).ToList();

        var ratio = HalfKnownCeiling.RatioToCount(test, count, [count], [20]).Single();

        Assert.InRange(ratio, 1.5, 1.8);
    }

    [Fact]
    public void When_the_test_period_repeats_the_history_the_ceiling_stays_near_the_count()
    {
        // The test period is drawn from the history's own distribution: knowing half of it adds only noise.
        var random = new Random(3);
        var count = Enumerable.Range(0, 2_000).Select(c => Math.Floor(1000 * Math.Exp(-c / 50.0))).ToArray();
        var cells = Enumerable.Range(0, count.Length).ToArray();
        var total = count.Sum();
        var test = Enumerable.Range(0, 5_000).Select(_ =>
        {
            var u = random.NextDouble() * total;
            var c = 0;
            while ((u -= count[c]) > 0)
            {
                c++;
            }
            return cells[c];
        }).ToList();

        var ratios = HalfKnownCeiling.RatioToCount(test, count, [count], [20, 100]);

        Assert.All(ratios, r => Assert.InRange(r, 1.0, 1.03));
    }

    [Fact]
    public void The_same_seed_gives_the_same_ceiling() =>
        Assert.Equal(
            HalfKnownCeiling.RatioToCount([1, 1, 2, 3, 3, 3, 4], [0, 1, 2, 3, 4], [[0, 1, 2, 3, 4]], [1, 2], seed: 7),
            HalfKnownCeiling.RatioToCount([1, 1, 2, 3, 3, 3, 4], [0, 1, 2, 3, 4], [[0, 1, 2, 3, 4]], [1, 2], seed: 7));
}
