using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class AuditHandelingEnPrivacyFilters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "handeling",
                table: "contact_inzage",
                type: "text",
                nullable: false,
                defaultValue: "inzien");

            migrationBuilder.CreateIndex(
                name: "ix_contact_inzage_gemeente_id_door_op",
                table: "contact_inzage",
                columns: new[] { "gemeente_id", "door", "op" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_contact_inzage_gemeente_id_door_op",
                table: "contact_inzage");

            migrationBuilder.DropColumn(
                name: "handeling",
                table: "contact_inzage");
        }
    }
}
