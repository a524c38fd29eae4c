namespace GeoHandhaving.Core.Sampling;

public static class WeightedDraw
{
    /// <summary>An index drawn with chance proportional to its weight (weights ≥ 0, not all zero).</summary>
    public static int NextWeighted(this Random random, IReadOnlyList<double> weights)
    {
        var target = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}
