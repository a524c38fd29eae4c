using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeatmapCellen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "heatmap_cel_kwartier",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    kwartier = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    i = table.Column<int>(type: "integer", nullable: false),
                    j = table.Column<int>(type: "integer", nullable: false),
                    categorie = table.Column<string>(type: "text", nullable: false),
                    buurt_code = table.Column<string>(type: "text", nullable: false),
                    aantal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heatmap_cel_kwartier", x => new { x.gemeente_id, x.kwartier, x.i, x.j, x.categorie, x.buurt_code });
                });

            migrationBuilder.CreateTable(
                name: "heatmap_cel_week",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    cel = table.Column<short>(type: "smallint", nullable: false),
                    uur = table.Column<short>(type: "smallint", nullable: false),
                    weekdag = table.Column<short>(type: "smallint", nullable: false),
                    j = table.Column<int>(type: "integer", nullable: false),
                    i = table.Column<int>(type: "integer", nullable: false),
                    categorie = table.Column<string>(type: "text", nullable: false),
                    aantal = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_heatmap_cel_week", x => new { x.gemeente_id, x.cel, x.uur, x.weekdag, x.j, x.i, x.categorie });
                });

            // Kept in the transaction of every statement that writes meldingen (EF, SQL, COPY: intake, import, status,
            // category and location changes, reassignment, retention, erasure, demo), by statement-level triggers with
            // transition tables: one set-based delta per statement, so a bulk import costs one grouped upsert, not one per row.
            migrationBuilder.Sql("""
                CREATE INDEX ix_heatmap_cel_kwartier_punt ON heatmap_cel_kwartier USING gist (point(i, j));

                CREATE TYPE heatmap_telling AS (gemeente_id text, kwartier timestamptz, i int, j int, categorie text, buurt_code text, aantal int);

                -- The key of a melding in heatmap_cel_kwartier: its 25 m cell, UTC quarter, categorie and buurt.
                CREATE FUNCTION heatmap_telling(m melding, aantal int) RETURNS heatmap_telling LANGUAGE sql IMMUTABLE AS $$
                    SELECT ROW(m.gemeente_id, date_bin('15 minutes', m.gemeld_op, timestamptz '2000-01-01 00:00:00+00'),
                        floor(ST_X(m.locatie) / 25)::int, floor(ST_Y(m.locatie) / 25)::int, m.categorie, coalesce(m.buurt_code, ''),
                        aantal)::heatmap_telling
                $$;

                -- Adds signed counts to both levels; rows that reach 0 are removed (a cell holds at least one melding).
                CREATE FUNCTION heatmap_cellen_tellen(telling heatmap_telling[]) RETURNS void LANGUAGE plpgsql AS $$
                DECLARE
                    leeg tid[];
                BEGIN
                    -- Sorted by key, so two transactions that touch the same cells lock them in the same order.
                    WITH bij AS (
                        INSERT INTO heatmap_cel_kwartier AS c (gemeente_id, kwartier, i, j, categorie, buurt_code, aantal)
                        SELECT gemeente_id, kwartier, i, j, categorie, buurt_code, sum(aantal) FROM unnest(telling)
                        GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(aantal) <> 0 ORDER BY 1, 2, 3, 4, 5, 6
                        ON CONFLICT (gemeente_id, kwartier, i, j, categorie, buurt_code) DO UPDATE SET aantal = c.aantal + excluded.aantal
                        RETURNING c.ctid, c.aantal
                    )
                    SELECT array_agg(ctid) INTO leeg FROM bij WHERE aantal <= 0;
                    DELETE FROM heatmap_cel_kwartier WHERE ctid = ANY(leeg);

                    WITH lokaal AS (
                        SELECT gemeente_id, i, j, categorie, aantal,
                               extract(isodow FROM kwartier AT TIME ZONE 'Europe/Amsterdam')::smallint AS weekdag,
                               extract(hour FROM kwartier AT TIME ZONE 'Europe/Amsterdam')::smallint AS uur
                        FROM unnest(telling)
                    ), bij AS (
                        INSERT INTO heatmap_cel_week AS c (gemeente_id, cel, uur, weekdag, j, i, categorie, aantal)
                        SELECT gemeente_id, cel, coalesce(uur, -1), coalesce(weekdag, 0), floor(j / (cel / 25.0))::int,
                               floor(i / (cel / 25.0))::int, categorie, sum(aantal)
                        FROM lokaal CROSS JOIN (VALUES (100::smallint), (200::smallint)) AS niveau(cel)
                        GROUP BY gemeente_id, cel, categorie, floor(j / (cel / 25.0))::int, floor(i / (cel / 25.0))::int,
                                 GROUPING SETS ((), (weekdag), (weekdag, uur))
                        HAVING sum(aantal) <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
                        ON CONFLICT (gemeente_id, cel, uur, weekdag, j, i, categorie) DO UPDATE SET aantal = c.aantal + excluded.aantal
                        RETURNING c.ctid, c.aantal
                    )
                    SELECT array_agg(ctid) INTO leeg FROM bij WHERE aantal <= 0;
                    DELETE FROM heatmap_cel_week WHERE ctid = ANY(leeg);
                END $$;

                CREATE FUNCTION heatmap_cellen_bijwerken() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    telling heatmap_telling[];
                BEGIN
                    IF TG_OP = 'INSERT' THEN
                        SELECT array_agg(heatmap_telling(n, 1)) INTO telling FROM nieuw n WHERE n.locatie IS NOT NULL;
                    ELSIF TG_OP = 'DELETE' THEN
                        SELECT array_agg(heatmap_telling(o, -1)) INTO telling FROM oud o WHERE o.locatie IS NOT NULL;
                    ELSE
                        -- Only rows whose place, time, categorie or buurt changed (a status change counts nothing).
                        SELECT array_agg(t) INTO telling FROM (
                            SELECT heatmap_telling(o, -1) AS t FROM oud o JOIN nieuw n ON n.gemeente_id = o.gemeente_id AND n.id = o.id
                            WHERE o.locatie IS NOT NULL
                              AND (o.locatie, o.gemeld_op, o.categorie, o.buurt_code) IS DISTINCT FROM (n.locatie, n.gemeld_op, n.categorie, n.buurt_code)
                            UNION ALL
                            SELECT heatmap_telling(n, 1) FROM oud o JOIN nieuw n ON n.gemeente_id = o.gemeente_id AND n.id = o.id
                            WHERE n.locatie IS NOT NULL
                              AND (o.locatie, o.gemeld_op, o.categorie, o.buurt_code) IS DISTINCT FROM (n.locatie, n.gemeld_op, n.categorie, n.buurt_code)
                        ) d;
                    END IF;
                    IF telling IS NOT NULL THEN
                        PERFORM heatmap_cellen_tellen(telling);
                    END IF;
                    RETURN NULL;
                END $$;

                CREATE FUNCTION heatmap_cellen_legen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    TRUNCATE heatmap_cel_kwartier, heatmap_cel_week;
                    RETURN NULL;
                END $$;

                -- PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
                CREATE TRIGGER melding_heatmap_cel_insert AFTER INSERT ON melding REFERENCING NEW TABLE AS nieuw
                    FOR EACH STATEMENT EXECUTE FUNCTION heatmap_cellen_bijwerken();
                CREATE TRIGGER melding_heatmap_cel_update AFTER UPDATE ON melding REFERENCING OLD TABLE AS oud NEW TABLE AS nieuw
                    FOR EACH STATEMENT EXECUTE FUNCTION heatmap_cellen_bijwerken();
                CREATE TRIGGER melding_heatmap_cel_delete AFTER DELETE ON melding REFERENCING OLD TABLE AS oud
                    FOR EACH STATEMENT EXECUTE FUNCTION heatmap_cellen_bijwerken();
                CREATE TRIGGER melding_heatmap_cel_truncate AFTER TRUNCATE ON melding
                    FOR EACH STATEMENT EXECUTE FUNCTION heatmap_cellen_legen();

                -- The meldingen already stored, one gemeente at a time, in time order (a period reads a range of the key).
                SELECT heatmap_cellen_tellen(array_agg(heatmap_telling(m, 1) ORDER BY m.gemeld_op))
                FROM melding m WHERE m.locatie IS NOT NULL GROUP BY m.gemeente_id;
                ANALYZE heatmap_cel_kwartier;
                ANALYZE heatmap_cel_week;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER melding_heatmap_cel_insert ON melding;
                DROP TRIGGER melding_heatmap_cel_update ON melding;
                DROP TRIGGER melding_heatmap_cel_delete ON melding;
                DROP TRIGGER melding_heatmap_cel_truncate ON melding;
                DROP FUNCTION heatmap_cellen_legen();
                DROP FUNCTION heatmap_cellen_bijwerken();
                DROP FUNCTION heatmap_cellen_tellen(heatmap_telling[]);
                DROP FUNCTION heatmap_telling(melding, int);
                DROP TYPE heatmap_telling;
                """);
            migrationBuilder.DropTable(
                name: "heatmap_cel_kwartier");

            migrationBuilder.DropTable(
                name: "heatmap_cel_week");
        }
    }
}
