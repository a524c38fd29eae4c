namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// The one SQL fragment for "the wijken of the active wijkindeling", shared by briefing, hotspots, heatmap, ownership
/// and balance: after <c>wijk w</c>, joins its wijkindeling as <c>wi</c> when that is the active one.
/// </summary>
internal static class ActieveWijkindelingSql
{
    public const string Join = "JOIN wijkindeling wi ON wi.gemeente_id = w.gemeente_id AND wi.id = w.wijkindeling_id AND wi.status = 'Actief'";
}
