using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Voorstel;

internal static class WijkBalansSql
{
    /// <summary>
    /// The proposal's workload: the meldingen since @van (a quarter hour) per buurt, categorie and quarter hour, from the
    /// heatmap's cell table (windows are applied in C# to each quarter, as the hotspots apply them to each melding).
    /// </summary>
    public const string MeldingenVanHetJaar = """
        SELECT c.buurt_code, c.categorie, c.kwartier, sum(c.aantal)::int FROM heatmap_cel_kwartier c
        WHERE c.gemeente_id = @gemeente AND c.buurt_code <> '' AND c.kwartier >= @van
        GROUP BY 1, 2, 3
        """;

    public const string PerWijk = """
        SELECT w.code, w.naam,
            (SELECT count(*) FROM melding m WHERE m.gemeente_id = w.gemeente_id AND m.gemeld_op >= @van AND ST_Covers(w.geometrie, m.locatie)),
            (SELECT count(*) FROM adres a WHERE a.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, a.punt)),
            (SELECT count(*) FROM buurt b WHERE b.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, ST_PointOnSurface(b.geometrie))),
            (SELECT count(*) FROM school s WHERE s.gemeente_id = w.gemeente_id AND ST_Covers(w.geometrie, s.punt)),
            ST_Area(w.geometrie), ST_Perimeter(w.geometrie)
        FROM wijk w WHERE w.gemeente_id = @gemeente AND w.wijkindeling_id = @indeling
        ORDER BY w.code
        """;

    /// <summary>Today's wijk of every buurt: the active wijk that covers a point inside the buurt.</summary>
    public const string HuidigeWijkPerBuurt = $"""
        SELECT b.code, w.code FROM buurt b
        JOIN wijk w ON w.gemeente_id = b.gemeente_id AND ST_Covers(w.geometrie, ST_PointOnSurface(b.geometrie))
        {ActieveWijkindelingSql.Join}
        WHERE b.gemeente_id = @gemeente
        """;
}
