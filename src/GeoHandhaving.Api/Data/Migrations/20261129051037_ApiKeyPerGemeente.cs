using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApiKeyPerGemeente : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_api_key_hash",
                table: "api_key");

            migrationBuilder.CreateIndex(
                name: "ix_api_key_gemeente_id_hash",
                table: "api_key",
                columns: new[] { "gemeente_id", "hash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_api_key_gemeente_id_hash",
                table: "api_key");

            migrationBuilder.CreateIndex(
                name: "ix_api_key_hash",
                table: "api_key",
                column: "hash",
                unique: true);
        }
    }
}
