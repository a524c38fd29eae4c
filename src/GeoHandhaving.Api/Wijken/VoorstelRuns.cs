using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.Districting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Wijken;

public enum VoorstelRunStatus { Wachtrij, Bezig, Voltooid, Mislukt }

/// <summary>
/// One asked-for wijkindeling proposal: the request, where the Hangfire job is (phase, step, share done) and how it
/// ended. In the database, so every API instance can answer the status, whichever instance runs the job.
/// </summary>
public class VoorstelRun : ITenantOwned
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public VoorstelRunStatus Status { get; set; }
    /// <summary>The <see cref="VoorstelVerzoek"/> as JSON: the job reads it, so its arguments stay two ids.</summary>
    public required string Verzoek { get; set; }
    public required string AangevraagdDoor { get; set; }
    public DateTimeOffset AangevraagdOp { get; set; }
    public string? JobId { get; set; }
    public DateTimeOffset? GestartOp { get; set; }
    public DateTimeOffset? BijgewerktOp { get; set; }
    public DateTimeOffset? VoltooidOp { get; set; }
    /// <summary>The <see cref="DistrictingPhase"/> running, with its step of steps and the start of starts.</summary>
    public string? Fase { get; set; }
    public long Stap { get; set; }
    public long Stappen { get; set; }
    public int Start { get; set; }
    public int Starts { get; set; }
    /// <summary>0..1 of the whole run (an estimate, see <see cref="DistrictingProgress.Fraction"/>).</summary>
    public double Voortgang { get; set; }
    public long? WijkindelingId { get; set; }
    /// <summary>The <see cref="VoorstelSamenvatting"/> as JSON once completed.</summary>
    public string? Samenvatting { get; set; }
    public string? Fout { get; set; }
}

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

/// <summary>GET /api/v1/wijkindelingen/voorstel/{id}: where a proposal is.</summary>
/// <param name="Status">wachtrij, bezig, voltooid or mislukt.</param>
/// <param name="Percentage">Share of the whole run done, 0–100 (an estimate).</param>
/// <param name="Probleem">Why it failed, as RFC 9457 problem details (only when mislukt).</param>
public sealed record VoorstelStatus(
    long Id, string Status, string? Fase, long Stap, long Stappen, int Start, int Starts, double Percentage,
    DateTimeOffset AangevraagdOp, DateTimeOffset? GestartOp, DateTimeOffset? BijgewerktOp, DateTimeOffset? VoltooidOp,
    long? WijkindelingId, VoorstelSamenvatting? Samenvatting, ProblemDetails? Probleem)
{
    public static VoorstelStatus From(VoorstelRun run) => new(
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

/// <summary>The stored proposal runs of a gemeente: queued by the API, advanced and closed by <see cref="WijkindelingVoorstelJob"/>.</summary>
public sealed class VoorstelRuns(GeoHandhavingDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<VoorstelRun> QueueAsync(Actor actor, VoorstelVerzoek verzoek, CancellationToken ct)
    {
        var run = new VoorstelRun
        {
            GemeenteId = actor.GemeenteId, Status = VoorstelRunStatus.Wachtrij, Verzoek = JsonSerializer.Serialize(verzoek, Json),
            AangevraagdDoor = actor.Naam, AangevraagdOp = clock.GetUtcNow(),
        };
        db.VoorstelRuns.Add(run);
        await db.SaveChangesAsync(ct);
        return run;
    }

    public Task SetJobAsync(string gemeenteId, long id, string jobId, CancellationToken ct) =>
        Where(gemeenteId, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.JobId, jobId), ct);

    public Task<VoorstelRun?> FindAsync(string gemeenteId, long id, CancellationToken ct) =>
        db.VoorstelRuns.AsNoTracking().FirstOrDefaultAsync(r => r.GemeenteId == gemeenteId && r.Id == id, ct);

    public Task StartAsync(string gemeenteId, long id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return Where(gemeenteId, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, VoorstelRunStatus.Bezig)
            .SetProperty(r => r.GestartOp, now).SetProperty(r => r.BijgewerktOp, now).SetProperty(r => r.Fout, (string?)null), ct);
    }

    public Task ReportAsync(string gemeenteId, long id, DistrictingProgress progress, CancellationToken ct) =>
        Where(gemeenteId, id).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Fase, progress.Phase.ToString()).SetProperty(r => r.Stap, progress.Step)
            .SetProperty(r => r.Stappen, progress.Steps).SetProperty(r => r.Start, progress.Start)
            .SetProperty(r => r.Starts, progress.Starts).SetProperty(r => r.Voortgang, progress.Fraction)
            .SetProperty(r => r.BijgewerktOp, clock.GetUtcNow()), ct);

    public Task CompleteAsync(string gemeenteId, long id, long wijkindelingId, VoorstelSamenvatting samenvatting, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var json = JsonSerializer.Serialize(samenvatting, Json);
        return Where(gemeenteId, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, VoorstelRunStatus.Voltooid)
            .SetProperty(r => r.WijkindelingId, wijkindelingId).SetProperty(r => r.Samenvatting, json).SetProperty(r => r.Voortgang, 1)
            .SetProperty(r => r.VoltooidOp, now).SetProperty(r => r.BijgewerktOp, now), ct);
    }

    public Task FailAsync(string gemeenteId, long id, string reason)
    {
        var now = clock.GetUtcNow();
        // Not the job's token: a cancelled or failing job must still leave its reason behind.
        return Where(gemeenteId, id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, VoorstelRunStatus.Mislukt)
            .SetProperty(r => r.Fout, reason).SetProperty(r => r.VoltooidOp, now).SetProperty(r => r.BijgewerktOp, now), CancellationToken.None);
    }

    private IQueryable<VoorstelRun> Where(string gemeenteId, long id) => db.VoorstelRuns.Where(r => r.GemeenteId == gemeenteId && r.Id == id);
}
