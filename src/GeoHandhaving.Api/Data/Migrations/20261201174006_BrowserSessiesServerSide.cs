using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class BrowserSessiesServerSide : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "browser_sessie",
                columns: table => new
                {
                    sleutel = table.Column<string>(type: "text", nullable: false),
                    ticket = table.Column<byte[]>(type: "bytea", nullable: false),
                    verloopt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_browser_sessie", x => x.sleutel);
                });

            migrationBuilder.CreateIndex(
                name: "ix_browser_sessie_verloopt_op",
                table: "browser_sessie",
                column: "verloopt_op");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "browser_sessie");
        }
    }
}
