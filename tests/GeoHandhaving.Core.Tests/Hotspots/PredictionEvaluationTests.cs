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
