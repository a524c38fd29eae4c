using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class HotspotRunBacktest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "backtest",
                table: "hotspot_run",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "backtest",
                table: "hotspot_run");
        }
    }
}
