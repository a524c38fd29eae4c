using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeatmapDataVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Per gemeente a number that changes whenever what the heatmap shows may change, bumped by statement-level
            // triggers, so every API instance sees the same version with a primary-key read (tile ETags and caches key on it).
            migrationBuilder.Sql("""
                CREATE TABLE heatmap_data_versie (gemeente_id text PRIMARY KEY, versie bigint NOT NULL);

                CREATE FUNCTION heatmap_data_versie_ophogen() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'DELETE' THEN
                        INSERT INTO heatmap_data_versie AS v (gemeente_id, versie) SELECT DISTINCT gemeente_id, 1 FROM oud
                        ON CONFLICT (gemeente_id) DO UPDATE SET versie = v.versie + 1;
                    ELSE
                        INSERT INTO heatmap_data_versie AS v (gemeente_id, versie) SELECT DISTINCT gemeente_id, 1 FROM nieuw
                        ON CONFLICT (gemeente_id) DO UPDATE SET versie = v.versie + 1;
                    END IF;
                    RETURN NULL;
                END $$;
                """);
            foreach (var table in VersionedTables)
            {
                // PostgreSQL allows transition tables only on single-event triggers: one trigger per event.
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {table}_heatmap_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS nieuw
                        FOR EACH STATEMENT EXECUTE FUNCTION heatmap_data_versie_ophogen();
                    CREATE TRIGGER {table}_heatmap_update AFTER UPDATE ON {table} REFERENCING NEW TABLE AS nieuw
                        FOR EACH STATEMENT EXECUTE FUNCTION heatmap_data_versie_ophogen();
                    CREATE TRIGGER {table}_heatmap_delete AFTER DELETE ON {table} REFERENCING OLD TABLE AS oud
                        FOR EACH STATEMENT EXECUTE FUNCTION heatmap_data_versie_ophogen();
                    """);
            }
        }

        /// <summary>What the tile layers read: meldingen, hotspot runs and hotspots, the wijkindeling and its wijken.</summary>
        private static readonly string[] VersionedTables = ["melding", "hotspot_run", "hotspot", "wijkindeling", "wijk"];

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in VersionedTables)
            {
                migrationBuilder.Sql($"""
                    DROP TRIGGER {table}_heatmap_insert ON {table};
                    DROP TRIGGER {table}_heatmap_update ON {table};
                    DROP TRIGGER {table}_heatmap_delete ON {table};
                    """);
            }
            migrationBuilder.Sql("DROP FUNCTION heatmap_data_versie_ophogen(); DROP TABLE heatmap_data_versie;");
        }
    }
}
