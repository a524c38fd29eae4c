using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Wijken;

namespace GeoHandhaving.Api.Heatmap;

/// <summary>
/// The PostGIS SQL of the heatmap, in one named place. Tiles are EPSG:3857; storage is RD New, so the tile envelope is
/// transformed to 28992 once per query and the GiST indexes filter on it.
/// </summary>
internal static class HeatmapSql
{
    public const string DataVersie = "SELECT coalesce((SELECT versie FROM heatmap_data_versie WHERE gemeente_id = @gemeente), 0)";

    private const string Tegel = """
        tegel AS (SELECT ST_TileEnvelope(@z, @x, @y) AS web, ST_Transform(ST_TileEnvelope(@z, @x, @y), 28992) AS rd)
        """;

    /// <summary>
    /// Cells of @cel metres with at least @minimum meldingen within <paramref name="gebied"/> (an RD geometry expression),
    /// summed from the cell table: its rows are cells of @bron metres (25 on the quarter-hour level, 100 or 200 on the week
    /// level) that nest in @cel (@factor = @cel / @bron). Every cell touching the area is counted whole (the rows read run one
    /// cell beyond it on each side, aligned to @cel), so a cell has the same count in every tile, and the floor applies to
    /// the sum at @cel, as it did to the raw count of meldingen.
    /// </summary>
    private static string Cellen(HeatmapNiveau niveau, string gebied, string conditions) => $"""
        grens AS (
            SELECT (floor(ST_XMin(g) / @cel) - 1) * @factor AS imin, (floor(ST_XMax(g) / @cel) + 2) * @factor - 1 AS imax,
                   (floor(ST_YMin(g) / @cel) - 1) * @factor AS jmin, (floor(ST_YMax(g) / @cel) + 2) * @factor - 1 AS jmax
            FROM (SELECT {gebied} AS g) gebied
        ), cellen AS (
            SELECT floor(c.i / @factor) AS i, floor(c.j / @factor) AS j, sum(c.aantal) AS aantal
            FROM {(niveau == HeatmapNiveau.Week ? "heatmap_cel_week" : "heatmap_cel_kwartier")} c
            WHERE c.gemeente_id = @gemeente AND {niveau switch
    {
        HeatmapNiveau.Week => "c.cel = @bron AND " + InGrens,
        HeatmapNiveau.KwartierPerTijd => InGrens,
        _ => InGrensPerIndex,
    }}{conditions}
            GROUP BY 1, 2
            HAVING sum(c.aantal) >= @minimum
        ), cel AS (
            SELECT ST_MakeEnvelope(i * @cel, j * @cel, (i + 1) * @cel, (j + 1) * @cel, 28992) AS vlak, i, j, aantal,
                   round((aantal / (@cel * @cel / 10000.0))::numeric, 3)::float8 AS per_hectare
            FROM cellen
        )
        """;

    /// <summary>The rows of the cells around the area as ranges: the week level's key (cel, uur, weekdag, j, i) reads them so.</summary>
    private const string InGrens = """
        c.i BETWEEN (SELECT imin FROM grens) AND (SELECT imax FROM grens)
          AND c.j BETWEEN (SELECT jmin FROM grens) AND (SELECT jmax FROM grens)
        """;

    /// <summary>The quarter-hour level is ordered by time; its GiST index on point(i, j) finds the cells of a small area.</summary>
    private const string InGrensPerIndex = """
        point(c.i, c.j) <@ (SELECT box(point(imin, jmin), point(imax, jmax)) FROM grens)
        """;

    /// <summary>The GeoJSON aggregates: cells (i, j, count, per hectare) within the RD box @minx..@maxy.</summary>
    public static string HeatmapCellen(HeatmapNiveau niveau, string conditions) => $"""
        WITH {Cellen(niveau, "ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 28992)", conditions)}
        SELECT i, j, aantal, per_hectare FROM cel
        WHERE vlak && ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 28992)
        ORDER BY j, i
        """;

    public static string Tile(TileLayer layer, string conditions, HeatmapNiveau niveau = HeatmapNiveau.Kwartier) => layer.Id switch
    {
        "heatmap" => $"""
            WITH {Tegel}, {Cellen(niveau, "(SELECT rd FROM tegel)", conditions)}, laag AS (
                SELECT ST_AsMVTGeom(ST_Transform(cel.vlak, 3857), tegel.web, 4096, 64, true) AS geom, aantal AS count, per_hectare AS weight
                FROM cel, tegel WHERE cel.vlak && tegel.rd
            )
            SELECT ST_AsMVT(laag, 'heatmap', 4096, 'geom') FROM laag WHERE geom IS NOT NULL
            """,
        "hotspots" => $"""
            WITH {Tegel}, run AS (
                SELECT id FROM hotspot_run WHERE gemeente_id = @gemeente AND status = 'Voltooid'
                ORDER BY voltooid_op DESC NULLS LAST, id DESC LIMIT 1
            ), laag AS (
                SELECT ST_AsMVTGeom(ST_Transform(h.geometrie, 3857), tegel.web, 4096, 64, true) AS geom, h.id, h.rang, h.score,
                       h.trend, {TrendSql.Tekst("h.trend")} AS trend_tekst, h.venster, array_to_string(h.categorieen, ',') AS categorieen,
                       array_to_string(h.wijk_codes, ',') AS wijken, array_to_string(h.scholen, ',') AS scholen,
                       h.plaats, round(h.per_uur::numeric, 2)::float8 AS per_uur,
                       (SELECT string_agg(w.naam, ', ' ORDER BY w.naam) FROM wijk w {ActieveWijkindelingSql.Join}
                        WHERE w.gemeente_id = h.gemeente_id AND w.code = ANY (h.wijk_codes)) AS wijk_namen
                FROM hotspot h JOIN run ON run.id = h.run_id, tegel
                WHERE h.gemeente_id = @gemeente AND h.geometrie && tegel.rd{conditions}
            )
            SELECT ST_AsMVT(laag, 'hotspots', 4096, 'geom') FROM laag WHERE geom IS NOT NULL
            """,
        "wijken" => $"""
            WITH {Tegel}, laag AS (
                SELECT ST_AsMVTGeom(ST_Transform(w.geometrie, 3857), tegel.web, 4096, 64, true) AS geom, w.code, w.naam
                FROM wijk w {ActieveWijkindelingSql.Join}, tegel
                WHERE w.gemeente_id = @gemeente AND w.geometrie && tegel.rd
            )
            SELECT ST_AsMVT(laag, 'wijken', 4096, 'geom') FROM laag WHERE geom IS NOT NULL
            """,
        "meldingen" => $"""
            WITH {Tegel}, laag AS (
                SELECT ST_AsMVTGeom(ST_Transform(m.locatie, 3857), tegel.web, 4096, 64, true) AS geom, m.id, m.categorie, m.status,
                       to_char({AmsterdamTimeSql.Local("m.gemeld_op")}, 'YYYY-MM-DD"T"HH24:MI') AS gemeld_op
                FROM melding m, tegel
                WHERE m.gemeente_id = @gemeente AND m.locatie && tegel.rd{conditions}
            )
            SELECT ST_AsMVT(laag, 'meldingen', 4096, 'geom') FROM laag WHERE geom IS NOT NULL
            """,
        _ => throw new ArgumentOutOfRangeException(nameof(layer), layer.Id, "no SQL for this layer"),
    };

    /// <summary>The lon/lat box of the gemeente's meldingen and active wijken (null when it has neither).</summary>
    public const string DataExtent = $"""
        WITH alles AS (
            SELECT locatie AS g FROM melding WHERE gemeente_id = @gemeente AND locatie IS NOT NULL
            UNION ALL
            SELECT w.geometrie FROM wijk w
            {ActieveWijkindelingSql.Join}
            WHERE w.gemeente_id = @gemeente
        ), box AS (
            SELECT ST_Transform(ST_SetSRID(ST_Extent(g)::geometry, 28992), 4326) AS b FROM alles
        )
        SELECT ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) FROM box WHERE b IS NOT NULL
        """;
}
