namespace GeoHandhaving.Api.Wijken;

public sealed record WijkindelingUitvoer(long Id, string Naam, string Status, DateTimeOffset AangemaaktOp, string AangemaaktDoor, DateTimeOffset? GeactiveerdOp)
{
    public static WijkindelingUitvoer From(Wijkindeling w) => new(w.Id, w.Naam, w.Status.ToString(), w.AangemaaktOp, w.AangemaaktDoor, w.GeactiveerdOp);
}
