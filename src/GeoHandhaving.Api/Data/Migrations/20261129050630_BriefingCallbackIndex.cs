using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class BriefingCallbackIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_melding_open_per_wijk",
                table: "melding",
                columns: new[] { "gemeente_id", "wijk_code", "gemeld_op", "id" },
                filter: "status IN ('Toegewezen', 'InBehandeling', 'Heropend')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_melding_open_per_wijk",
                table: "melding");
        }
    }
}
