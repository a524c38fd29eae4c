namespace GeoHandhaving.Core.Districting;

/// <summary>The phases of a proposal, in the order they run.</summary>
public enum DistrictingPhase { Adjacency, RegionGrowing, Recombination, Annealing, Summarising }

/// <summary>
/// Where a running proposal is: step <see cref="Step"/> of <see cref="Steps"/> within <see cref="Phase"/> of start
/// <see cref="Start"/> (1-based) of at most <see cref="Starts"/>.
/// </summary>
public sealed record DistrictingProgress(DistrictingPhase Phase, long Step, long Steps, int Start, int Starts)
{
    /// <summary>
    /// The whole run done, 0..1, counting every start as needed (a start within the tolerance ends the run early). Each
    /// phase owns a fixed share of a start, roughly its share of the run time on the Amsterdam buurten with the default
    /// budgets: an estimate for a progress bar, not a promise.
    /// </summary>
    public double Fraction => Phase switch
    {
        DistrictingPhase.Adjacency => 0.05 * PhaseFraction,
        DistrictingPhase.Summarising => 0.95 + 0.05 * PhaseFraction,
        _ => 0.05 + 0.90 * (Start - 1 + StartFraction) / Math.Max(Starts, 1),
    };

    private double PhaseFraction => Steps <= 0 ? 1 : Math.Clamp((double)Step / Steps, 0, 1);

    private double StartFraction
    {
        get
        {
            var (start, share) = Phase switch
            {
                DistrictingPhase.RegionGrowing => (0.0, 0.05),
                DistrictingPhase.Recombination => (0.05, 0.50),
                _ => (0.55, 0.45),
            };
            return start + share * PhaseFraction;
        }
    }

    public override string ToString() => $"start {Start}/{Starts}: {Phase} {Step}/{Steps} ({Fraction:P0})";
}

/// <summary>
/// Reports on the calling thread, in order, before the call returns; <see cref="Progress{T}"/> instead posts each report
/// to the thread pool (no synchronization context in a job or console), where reports can overtake each other.
/// </summary>
public sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
