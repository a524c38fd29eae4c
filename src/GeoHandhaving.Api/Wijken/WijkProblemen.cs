using GeoHandhaving.Api.Platform;
using Microsoft.AspNetCore.Http.HttpResults;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// The one mapper from a <see cref="WijkFout"/> to RFC 9457 problem details, for the REST API and OGC API Features alike:
/// status, title and the extensions that point at the field, the other wijk or the location (in the caller's CRS).
/// </summary>
public static class WijkProblemen
{
    public static ProblemHttpResult Problem(this WijkFout fout, Crs crs) => fout switch
    {
        WijkFout.NotFound f => Problems.NotFound(f.Wat, f.Id),
        WijkFout.Archived f => Problems.Conflict(f.Code, "Gearchiveerde wijkindeling", f.Omschrijving),
        WijkFout.NotADraft f => Problems.Conflict(f.Code, "Geen concept", f.Omschrijving),
        WijkFout.DuplicateCode f => Problems.Conflict(f.Code, "Wijkcode bestaat al", f.Omschrijving,
            new Dictionary<string, object?> { ["id"] = f.BestaandId }),
        WijkFout.Overlap f => Problems.Conflict(f.Code, "Overlap met een andere wijk", $"{f.Omschrijving} {WijkFout.ViaConcept}",
            new Dictionary<string, object?>
            {
                ["wijkId"] = f.WijkId, ["wijkCode"] = f.WijkCode, ["overlapM2"] = f.OppervlakteM2, ["overlap"] = crs.FromStorage(f.GebiedRd),
                ["locatie"] = crs.FromStorage(f.GebiedRd.InteriorPoint),
            }),
        WijkFout.Gap f => Problems.Conflict(f.Code, "Gat in de actieve wijkindeling", f.Omschrijving,
            new Dictionary<string, object?>
            {
                ["gatM2"] = f.OppervlakteM2, ["gat"] = crs.FromStorage(f.GebiedRd), ["locatie"] = crs.FromStorage(f.GebiedRd.InteriorPoint),
            }),
        WijkFout.Stale f => Problems.PreconditionFailed(WijkETag.For(f.WijkId, f.Versie, Crs.Crs84)),
        WijkFout.InvalidGeometry f => Problems.Unprocessable(f.Probleem.Type, f.Probleem.Title, f.Probleem.Detail, f.Probleem.Extensions),
        WijkFout.InvalidField f => Problems.InvalidField(f.Veld, f.Uitleg, f.Waarde),
        WijkFout.ImportRefused f => Problems.Unprocessable(f.Code, "Import geweigerd", f.Omschrijving,
            new Dictionary<string, object?> { ["afgewezen"] = f.Rapport.Afgewezen, ["rapport"] = f.Rapport }),
        WijkFout.CoverageFailed f => Problems.Unprocessable(f.Code, "Wijkindeling dekt de gemeente niet", f.Omschrijving,
            new Dictionary<string, object?> { ["dekking"] = DekkingsRapportUitvoer.From(f.Rapport, crs) }),
        _ => throw new ArgumentOutOfRangeException(nameof(fout), fout, "Onbekende wijkfout."),
    };
}
