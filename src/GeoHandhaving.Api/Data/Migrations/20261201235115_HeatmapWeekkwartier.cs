using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class HeatmapWeekkwartier : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<short>(
                name: "weekkwartier",
                table: "heatmap_cel_kwartier",
                type: "smallint",
                nullable: false,
                computedColumnSql: "((extract(isodow FROM kwartier AT TIME ZONE 'Europe/Amsterdam') - 1) * 96 + extract(hour FROM kwartier AT TIME ZONE 'Europe/Amsterdam') * 4 + extract(minute FROM kwartier AT TIME ZONE 'Europe/Amsterdam') / 15)::smallint",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_heatmap_cel_kwartier_gemeente_id_weekkwartier",
                table: "heatmap_cel_kwartier",
                columns: new[] { "gemeente_id", "weekkwartier" });

            // Statistics of the new column, so the planner knows how few rows a venster's quarters hold.
            migrationBuilder.Sql("ANALYZE heatmap_cel_kwartier;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_heatmap_cel_kwartier_gemeente_id_weekkwartier",
                table: "heatmap_cel_kwartier");

            migrationBuilder.DropColumn(
                name: "weekkwartier",
                table: "heatmap_cel_kwartier");
        }
    }
}
