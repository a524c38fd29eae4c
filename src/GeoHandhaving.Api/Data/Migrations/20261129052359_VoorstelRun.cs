using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class VoorstelRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "voorstel_run",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    status = table.Column<string>(type: "text", nullable: false),
                    verzoek = table.Column<string>(type: "jsonb", nullable: false),
                    aangevraagd_door = table.Column<string>(type: "text", nullable: false),
                    aangevraagd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    job_id = table.Column<string>(type: "text", nullable: true),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    bijgewerkt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    voltooid_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    fase = table.Column<string>(type: "text", nullable: true),
                    stap = table.Column<long>(type: "bigint", nullable: false),
                    stappen = table.Column<long>(type: "bigint", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    starts = table.Column<int>(type: "integer", nullable: false),
                    voortgang = table.Column<double>(type: "double precision", nullable: false),
                    wijkindeling_id = table.Column<long>(type: "bigint", nullable: true),
                    samenvatting = table.Column<string>(type: "jsonb", nullable: true),
                    fout = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voorstel_run", x => new { x.gemeente_id, x.id });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "voorstel_run");
        }
    }
}
