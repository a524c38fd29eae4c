namespace GeoHandhaving.Core.Hotspots;

/// <summary>A predicted hotspot: a dissolved patch of top-ranked cells (metric CRS), ranked by its summed score.</summary>
public sealed record PredictedHotspot(int Rank, NetTopologySuite.Geometries.Geometry Polygon, int CellCount, double Score);

public static class HotspotPrediction
{
    /// <summary>
    /// The best-scoring cells whose total area stays within <paramref name="areaShare"/> of <paramref name="studyArea"/>
    /// (cells without any score are never flagged), dissolved into patches and ranked.
    /// </summary>
    public static IReadOnlyList<PredictedHotspot> Predict(double[] scores, CellGrid grid, double areaShare, double studyArea)
    {
        var budget = PredictionEvaluation.FlaggedCellCount(areaShare, studyArea, grid.CellArea);
        var flagged = CellRiskModel.TopCells(scores, budget).Where(cell => scores[cell] > 0).ToList();
        return
        [
            .. CellUnion.Patches(flagged, grid)
                .Select(patch => (Patch: patch, Score: patch.Sum(cell => scores[cell])))
                .OrderByDescending(p => p.Score)
                .Select((p, index) => new PredictedHotspot(index + 1, CellUnion.Dissolve(p.Patch, grid), p.Patch.Length, p.Score)),
        ];
    }
}
