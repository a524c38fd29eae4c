using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class MelderPseudoniem : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "pseudoniem",
                table: "melder_contact",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "pseudoniem",
                table: "melder_contact");
        }
    }
}
