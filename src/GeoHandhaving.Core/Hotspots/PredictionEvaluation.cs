namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// How a ranking did at one share of the study area: hit rate n/N, PAI = hit rate / area share, PEI* = n / n* where n* is
/// the most test events any equally many cells could have caught.
/// </summary>
public sealed record AreaShareScore(double AreaShare, int FlaggedCells, int Hits, int TestEvents, int BestPossibleHits)
{
    public double HitRate => TestEvents == 0 ? 0 : (double)Hits / TestEvents;
    public double BestPossibleHitRate => TestEvents == 0 ? 0 : (double)BestPossibleHits / TestEvents;
    public double Pai => HitRate / AreaShare;
    public double PeiStar => BestPossibleHits == 0 ? 0 : (double)Hits / BestPossibleHits;
}

public static class PredictionEvaluation
{
    /// <summary>How many whole cells fit in <paramref name="areaShare"/> of the study area.</summary>
    public static int FlaggedCellCount(double areaShare, double studyArea, double cellArea) =>
        (int)Math.Floor(areaShare * studyArea / cellArea + 1e-9);

    /// <param name="outsideGrid">Test events outside the grid: never caught, but counted.</param>
    public static AreaShareScore Evaluate(double[] scores, int[] testCounts, double areaShare, double studyArea, double cellArea, int outsideGrid = 0)
    {
        var flagged = FlaggedCellCount(areaShare, studyArea, cellArea);
        var hits = CellRanking.TopCells(scores, flagged).Sum(cell => testCounts[cell]);
        var best = testCounts.OrderDescending().Take(flagged).Sum();
        return new AreaShareScore(areaShare, flagged, hits, testCounts.Sum() + outsideGrid, best);
    }

    /// <summary>
    /// How far one test period's ratio of hits (ranking <paramref name="scores"/> ÷ <paramref name="baseline"/>, both flagging
    /// <paramref name="budget"/> cells) could move by chance: the 2.5 and 97.5 percentiles over a Poisson bootstrap of the
    /// test events (each event counted Poisson(1) times; seeded, so repeatable). A ratio whose interval holds 1 does not
    /// tell the two rankings apart on that period.
    /// </summary>
    public static (double Low, double High) RatioInterval(double[] scores, double[] baseline, IReadOnlyList<int> testCells, int budget,
        int replicates = 1_000, int seed = 1)
    {
        var (flagged, flaggedByBaseline) = (new HashSet<int>(CellRanking.TopCells(scores, budget)), new HashSet<int>(CellRanking.TopCells(baseline, budget)));
        var random = new Random(seed);
        var ratios = new double[replicates];
        for (var r = 0; r < replicates; r++)
        {
            long hits = 0, baselineHits = 0;
            foreach (var cell in testCells)
            {
                var times = PoissonOne(random);
                hits += flagged.Contains(cell) ? times : 0;
                baselineHits += flaggedByBaseline.Contains(cell) ? times : 0;
            }
            // Neither catching anything is a tie.
            ratios[r] = baselineHits > 0 ? (double)hits / baselineHits : hits == 0 ? 1 : double.PositiveInfinity;
        }
        Array.Sort(ratios);
        return (ratios[(int)(0.025 * (replicates - 1))], ratios[(int)Math.Ceiling(0.975 * (replicates - 1))]);
    }

    /// <summary>A draw of Poisson(1) (Knuth: count uniforms until their product falls below e⁻¹).</summary>
    private static int PoissonOne(Random random)
    {
        var (limit, product, k) = (Math.Exp(-1), random.NextDouble(), 0);
        while (product > limit)
        {
            product *= random.NextDouble();
            k++;
        }
        return k;
    }
}

/// <summary>
/// How far any forecast could get past a plain count on one test period: a ranking that knows half of the test period's
/// events (each event to the known half by a fair, seeded coin), mixed with a history ranking in the proportion that
/// does best in hindsight, scored on the other half beside the count scored on that same half. A forecast from the past
/// alone knows less than this one, so a goal above its ratio is beyond the data, not beyond the model.
/// </summary>
public static class HalfKnownCeiling
{
    /// <summary>How strongly the history weighs against the known half (history scaled to the known half's total).</summary>
    private static readonly double[] HistoryWeights = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];

    /// <param name="testCells">The cell of every test event.</param>
    /// <param name="count">The count ranking of the history (the baseline).</param>
    /// <param name="histories">The history rankings to mix with the known half (the count among them or not).</param>
    /// <param name="budgets">Flagged cells per area share.</param>
    /// <returns>Per budget: the ceiling's hits on the other halves ÷ the count's, pooled over <paramref name="splits"/> splits (NaN when the count catches none).</returns>
    public static double[] RatioToCount(IReadOnlyList<int> testCells, double[] count, IReadOnlyList<double[]> histories,
        IReadOnlyList<int> budgets, int splits = 20, int seed = 1)
    {
        var widest = budgets.Max();
        var best = new long[budgets.Count];
        var byCount = new long[budgets.Count];
        var countTop = CellRanking.TopCells(count, widest);
        for (var split = 0; split < splits; split++)
        {
            var random = new Random(seed + split);
            var known = new double[count.Length];
            var other = new int[count.Length];
            foreach (var cell in testCells)
            {
                if (random.Next(2) == 0)
                {
                    known[cell]++;
                }
                else
                {
                    other[cell]++;
                }
            }
            var knownTotal = known.Sum();
            var splitBest = new long[budgets.Count];
            foreach (var history in histories)
            {
                var scale = knownTotal / Math.Max(history.Sum(), double.Epsilon);
                foreach (var weight in HistoryWeights)
                {
                    var mix = new double[known.Length];
                    for (var cell = 0; cell < mix.Length; cell++)
                    {
                        mix[cell] = known[cell] + weight * scale * history[cell];
                    }
                    var top = CellRanking.TopCells(mix, widest);
                    for (var b = 0; b < budgets.Count; b++)
                    {
                        splitBest[b] = Math.Max(splitBest[b], Hits(top, budgets[b], other));
                    }
                }
            }
            for (var b = 0; b < budgets.Count; b++)
            {
                best[b] += splitBest[b];
                byCount[b] += Hits(countTop, budgets[b], other);
            }
        }
        return [.. best.Zip(byCount, (m, c) => c == 0 ? double.NaN : (double)m / c)];
    }

    private static long Hits(int[] ranked, int budget, int[] counts)
    {
        long hits = 0;
        for (var i = 0; i < Math.Min(budget, ranked.Length); i++)
        {
            hits += counts[ranked[i]];
        }
        return hits;
    }
}
