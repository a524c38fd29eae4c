using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>GET /api/v1/wijkindelingen/voorstel/{id}: where a proposal is.</summary>
/// <param name="Status">wachtrij, bezig, voltooid or mislukt.</param>
/// <param name="Percentage">Share of the whole run done, 0–100 (an estimate).</param>
/// <param name="Probleem">Why it failed, as RFC 9457 problem details (only when mislukt).</param>
public sealed record VoorstelUitvoer(
    long Id, string Status, string? Fase, long Stap, long Stappen, int Start, int Starts, double Percentage,
    DateTimeOffset AangevraagdOp, DateTimeOffset? GestartOp, DateTimeOffset? BijgewerktOp, DateTimeOffset? VoltooidOp,
    long? WijkindelingId, VoorstelSamenvatting? Samenvatting, ProblemDetails? Probleem)
{
    public static VoorstelUitvoer From(VoorstelRun run) => new(
        run.Id, run.Status.ToString().ToLowerInvariant(), run.Fase, run.Stap, run.Stappen, run.Start, run.Starts,
        Math.Round(100 * run.Voortgang, 1), run.AangevraagdOp, run.GestartOp, run.BijgewerktOp, run.VoltooidOp, run.WijkindelingId,
        run.Samenvatting is null ? null : JsonSerializer.Deserialize<VoorstelSamenvatting>(run.Samenvatting, VoorstelRuns.Json),
        run.Status == VoorstelRunStatus.Mislukt
            ? new ProblemDetails
            {
                Type = Platform.Problems.TypeUri("proposal-failed"), Title = "Voorstel mislukt", Status = StatusCodes.Status422UnprocessableEntity,
                Detail = run.Fout, Instance = $"/api/v1/wijkindelingen/voorstel/{run.Id}",
            }
            : null);
}
