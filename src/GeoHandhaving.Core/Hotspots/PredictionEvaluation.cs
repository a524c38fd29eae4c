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
}
