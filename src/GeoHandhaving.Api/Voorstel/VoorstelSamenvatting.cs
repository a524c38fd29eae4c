using GeoHandhaving.Core.Districting;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>The balance of a completed proposal, with today's wijkindeling for comparison when there is one.</summary>
/// <param name="Reden">Why the balance tolerance was missed (null when met): too heavy buurten, locked buurten, or the search.</param>
public sealed record VoorstelSamenvatting(
    int AantalWijken, double MaxAfwijking, double GemiddeldePolsbyPopper, double MinPolsbyPopper, bool BinnenTolerantie,
    double Tolerantie, string? Reden, IReadOnlyList<string> TeZwareBuurten, IReadOnlyList<string> OverbelasteVastgezetteWijken,
    double? HuidigeMaxAfwijking, double? HuidigeGemiddeldePolsbyPopper, int Starts, double DuurSeconden)
{
    public static VoorstelSamenvatting From(DistrictingResult result) => new(
        result.Stats.WijkCount, Math.Round(result.Stats.MaxRelativeDeviation, 4), Math.Round(result.Stats.MeanPolsbyPopper, 3),
        Math.Round(result.Stats.MinPolsbyPopper, 3), result.Balance.WithinTolerance, result.Balance.Tolerance, result.Balance.Reason,
        result.Balance.OversizedBuurten, result.Balance.OverloadedLockedWijken,
        result.Current is { } current ? Math.Round(current.Stats.MaxRelativeDeviation, 4) : null,
        result.Current is { } today ? Math.Round(today.Stats.MeanPolsbyPopper, 3) : null,
        result.Starts, Math.Round(result.Runtime.TotalSeconds, 1));
}
