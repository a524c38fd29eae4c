using GeoHandhaving.Api.Ogc;
using GeoHandhaving.Api.Platform;

namespace GeoHandhaving.Api.Wijken;

/// <summary>A wijkindeling; <c>ogcCollectie</c> is where QGIS opens (and edits) it: the active one and every draft have one.</summary>
public sealed record WijkindelingUitvoer(long Id, string Naam, string Status, DateTimeOffset AangemaaktOp, string AangemaaktDoor,
    DateTimeOffset? GeactiveerdOp, string? OgcCollectie)
{
    public static WijkindelingUitvoer From(Wijkindeling w, HttpRequest request) => new(w.Id, w.Naam, w.Status.ToString(), w.AangemaaktOp,
        w.AangemaaktDoor, w.GeactiveerdOp, OgcApi.CollectionId(w) is { } collectie ? request.Absolute($"/ogc/collections/{collectie}") : null);
}
