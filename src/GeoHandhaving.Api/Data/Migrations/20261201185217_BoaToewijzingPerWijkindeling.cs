using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class BoaToewijzingPerWijkindeling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "pk_wijk_boa",
                table: "wijk_boa");

            migrationBuilder.AddColumn<long>(
                name: "wijkindeling_id",
                table: "wijk_boa",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Until now an assignment by code held in every wijkindeling with that code: it becomes one row per such
            // wijkindeling; a code no wijkindeling has stays with the active one, and goes when there is none.
            migrationBuilder.Sql("""
                INSERT INTO wijk_boa (gemeente_id, wijkindeling_id, wijk_code, boa_id, primair)
                SELECT DISTINCT wb.gemeente_id, w.wijkindeling_id, wb.wijk_code, wb.boa_id, wb.primair
                FROM wijk_boa wb JOIN wijk w ON w.gemeente_id = wb.gemeente_id AND w.code = wb.wijk_code
                WHERE wb.wijkindeling_id = 0;
                UPDATE wijk_boa wb SET wijkindeling_id = a.id
                FROM wijkindeling a
                WHERE wb.wijkindeling_id = 0 AND a.gemeente_id = wb.gemeente_id AND a.status = 'Actief'
                  AND NOT EXISTS (SELECT 1 FROM wijk w WHERE w.gemeente_id = wb.gemeente_id AND w.code = wb.wijk_code);
                DELETE FROM wijk_boa WHERE wijkindeling_id = 0;
                """);

            migrationBuilder.AddPrimaryKey(
                name: "pk_wijk_boa",
                table: "wijk_boa",
                columns: new[] { "gemeente_id", "wijkindeling_id", "wijk_code", "boa_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_wijk_boa_wijkindeling_gemeente_id_wijkindeling_id",
                table: "wijk_boa",
                columns: new[] { "gemeente_id", "wijkindeling_id" },
                principalTable: "wijkindeling",
                principalColumns: new[] { "gemeente_id", "id" },
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_wijk_boa_wijkindeling_gemeente_id_wijkindeling_id",
                table: "wijk_boa");

            migrationBuilder.DropPrimaryKey(
                name: "pk_wijk_boa",
                table: "wijk_boa");

            migrationBuilder.DropColumn(
                name: "wijkindeling_id",
                table: "wijk_boa");

            migrationBuilder.AddPrimaryKey(
                name: "pk_wijk_boa",
                table: "wijk_boa",
                columns: new[] { "gemeente_id", "wijk_code", "boa_id" });
        }
    }
}
