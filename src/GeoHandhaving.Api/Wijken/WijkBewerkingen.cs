using GeoHandhaving.Api.Platform;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// The write paths of a wijk for the REST API and OGC API Features alike: create in the active (or named) wijkindeling,
/// change (merge-patch semantics), delete and restore, through <see cref="WijkenStore"/>. Each answers the stored wijk
/// or a <see cref="WijkFout"/>; the caller maps the latter with <see cref="WijkProblemen"/>.
/// </summary>
public sealed class WijkBewerkingen(WijkenStore store)
{
    public async Task<WijkWriteResult> MaakAsync(Actor actor, WijkFeatureInvoer invoer, Crs crs, long? wijkindeling, string reden,
        CancellationToken ct)
    {
        if (invoer.Text("code") is not { Length: > 0 } code) return new WijkFout.InvalidField("code", "De wijkcode ontbreekt.");
        var indeling = wijkindeling is null
            ? await store.ActieveOfNieuweWijkindelingAsync(actor, ct)
            : await store.WijkindelingAsync(actor.GemeenteId, wijkindeling, ct);
        if (indeling is null) return new WijkFout.NotFound("Wijkindeling", wijkindeling!);
        return await store.CreateAsync(actor, indeling.Id, code, invoer.Text("naam") ?? code, invoer.Geometry, crs, reden, ct);
    }

    public Task<WijkWriteResult> WijzigAsync(Actor actor, long id, WijkFeatureInvoer invoer, Crs crs, string reden, string? ifMatch,
        CancellationToken ct) =>
        store.UpdateAsync(actor, id, new WijkWijzigingInvoer(invoer.Text("naam"), invoer.Geometry, crs, reden, ifMatch), ct);

    public Task<WijkWriteResult> VerwijderAsync(Actor actor, long id, string reden, string? ifMatch, CancellationToken ct) =>
        store.DeleteAsync(actor, id, reden, ifMatch, ct);

    public Task<WijkWriteResult> HerstelAsync(Actor actor, long id, int versie, string? reden, string? ifMatch, CancellationToken ct) =>
        store.RestoreAsync(actor, id, versie, reden, ifMatch, ct);
}
