using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Districting;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>The stored proposal runs of a gemeente: queued by the API, advanced and closed by <see cref="WijkindelingVoorstelJob"/>.</summary>
public sealed class VoorstelRuns(GeoHandhavingDbContext db, TimeProvider clock)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<VoorstelRun> QueueAsync(Actor actor, VoorstelInvoer verzoek, CancellationToken ct)
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
