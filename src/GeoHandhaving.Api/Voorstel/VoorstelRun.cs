using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.Districting;

namespace GeoHandhaving.Api.Voorstel;

public enum VoorstelRunStatus { Wachtrij, Bezig, Voltooid, Mislukt }

/// <summary>
/// One asked-for wijkindeling proposal: the request, where the Hangfire job is (phase, step, share done) and how it
/// ended. In the database, so every API instance can answer the status, whichever instance runs the job.
/// </summary>
public class VoorstelRun
{
    public required string GemeenteId { get; set; }
    public long Id { get; set; }
    public VoorstelRunStatus Status { get; set; }
    /// <summary>The <see cref="VoorstelInvoer"/> as JSON: the job reads it, so its arguments stay two ids.</summary>
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
