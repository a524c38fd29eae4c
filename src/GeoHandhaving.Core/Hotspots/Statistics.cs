namespace GeoHandhaving.Core.Hotspots;

/// <summary>Normal-distribution tail probabilities and Benjamini–Hochberg false-discovery-rate control.</summary>
public static class Statistics
{
    /// <summary>P(Z ≥ z) for a standard normal Z (one-sided upper tail: we look for hot, not cold, spots).</summary>
    public static double UpperTailProbability(double z) => 0.5 * Erfc(z / Math.Sqrt(2));

    /// <summary>Complementary error function (Numerical Recipes' Chebyshev fit, relative error &lt; 1.2e-7).</summary>
    private static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>
    /// Benjamini–Hochberg adjusted p-values (q-values): q(i) = min over j ≥ i of p(j)·m/j in ascending order, capped at 1.
    /// A test is a discovery at FDR level α when its q-value is ≤ α. With <paramref name="level"/> below 1 only the
    /// q-values at or below it are computed (exactly) and the others are reported as 1: a q-value is at least its p-value,
    /// so only the few cells with p ≤ level need sorting, and a term of a p-value above the level cannot bring a q-value
    /// down to it.
    /// </summary>
    public static double[] BenjaminiHochberg(double[] pValues, double level = 1)
    {
        var m = pValues.Length;
        var adjusted = new double[m];
        Array.Fill(adjusted, 1.0);
        var candidates = new List<int>();
        for (var i = 0; i < m; i++)
        {
            if (pValues[i] <= level)
            {
                candidates.Add(i);
            }
        }
        var order = candidates.ToArray();
        var sorted = order.Select(i => pValues[i]).ToArray();
        Array.Sort(sorted, order);
        var running = 1.0;
        for (var rank = order.Length; rank >= 1; rank--)
        {
            running = Math.Min(running, sorted[rank - 1] * m / rank);
            adjusted[order[rank - 1]] = running <= level ? running : 1.0;
        }
        return adjusted;
    }
}
