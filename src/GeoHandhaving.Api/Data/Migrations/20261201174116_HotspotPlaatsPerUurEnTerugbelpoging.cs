using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class HotspotPlaatsPerUurEnTerugbelpoging : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "terugbeluitkomst",
                table: "melding_gebeurtenis",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "buurt_naam",
                table: "hotspot",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "per_uur",
                table: "hotspot",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<string>(
                name: "plaats",
                table: "hotspot",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string[]>(
                name: "straten",
                table: "hotspot",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "terugbeluitkomst",
                table: "melding_gebeurtenis");

            migrationBuilder.DropColumn(
                name: "buurt_naam",
                table: "hotspot");

            migrationBuilder.DropColumn(
                name: "per_uur",
                table: "hotspot");

            migrationBuilder.DropColumn(
                name: "plaats",
                table: "hotspot");

            migrationBuilder.DropColumn(
                name: "straten",
                table: "hotspot");
        }
    }
}
