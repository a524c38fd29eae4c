using System;
using Microsoft.EntityFrameworkCore.Migrations;
using NetTopologySuite.Geometries;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace GeoHandhaving.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,")
                .Annotation("Npgsql:PostgresExtension:postgis", ",,")
                .Annotation("Npgsql:PostgresExtension:unaccent", ",,");

            migrationBuilder.CreateTable(
                name: "adres",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    straat = table.Column<string>(type: "text", nullable: false),
                    huisnummer = table.Column<int>(type: "integer", nullable: false),
                    huisletter = table.Column<string>(type: "text", nullable: false),
                    toevoeging = table.Column<string>(type: "text", nullable: false),
                    postcode = table.Column<string>(type: "text", nullable: false),
                    woonplaats = table.Column<string>(type: "text", nullable: false),
                    punt = table.Column<Point>(type: "geometry(Point,28992)", nullable: false),
                    buurt_code = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_adres", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "api_key",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    naam = table.Column<string>(type: "text", nullable: false),
                    hash = table.Column<string>(type: "text", nullable: false),
                    rollen = table.Column<string[]>(type: "text[]", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ingetrokken_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_key", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "boa",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    gebruikersnaam = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_boa", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "buurt",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    cbs_wijk_code = table.Column<string>(type: "text", nullable: true),
                    geometrie = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,28992)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_buurt", x => new { x.gemeente_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "categorie",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    parent_code = table.Column<string>(type: "text", nullable: true),
                    duplicaat_straal_meter = table.Column<int>(type: "integer", nullable: false),
                    duplicaat_uren = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categorie", x => new { x.gemeente_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "contact_inzage",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    melding_id = table.Column<long>(type: "bigint", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    rol = table.Column<string>(type: "text", nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    doel = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contact_inzage", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "gemeente",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    grens = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,28992)", nullable: true),
                    school_regio = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_gemeente", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "hotspot_run",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    status = table.Column<string>(type: "text", nullable: false),
                    gestart_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    voltooid_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    aanleiding = table.Column<string>(type: "text", nullable: false),
                    parameters = table.Column<string>(type: "jsonb", nullable: false),
                    aantal_meldingen = table.Column<int>(type: "integer", nullable: false),
                    aantal_hotspots = table.Column<int>(type: "integer", nullable: false),
                    duur_seconden = table.Column<double>(type: "double precision", nullable: true),
                    fout = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot_run", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "melding",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    bron = table.Column<string>(type: "text", nullable: false),
                    extern_id = table.Column<string>(type: "text", nullable: false),
                    categorie = table.Column<string>(type: "text", nullable: false),
                    subcategorie = table.Column<string>(type: "text", nullable: true),
                    gemeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    waargenomen_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    omschrijving = table.Column<string>(type: "text", nullable: true),
                    adres_tekst = table.Column<string>(type: "text", nullable: true),
                    locatie = table.Column<Point>(type: "geometry(Point,28992)", nullable: true),
                    geocode_status = table.Column<string>(type: "text", nullable: false),
                    wijk_code = table.Column<string>(type: "text", nullable: true),
                    buurt_code = table.Column<string>(type: "text", nullable: true),
                    eigenaar_boa_id = table.Column<long>(type: "bigint", nullable: true),
                    eigenaar_reden = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    mogelijk_duplicaat_van_id = table.Column<long>(type: "bigint", nullable: true),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    afgehandeld_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_melding", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "school",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    soort = table.Column<string>(type: "text", nullable: true),
                    adres = table.Column<string>(type: "text", nullable: true),
                    punt = table.Column<Point>(type: "geometry(Point,28992)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_school", x => new { x.gemeente_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "schoolvakantie",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    schooljaar = table.Column<string>(type: "text", nullable: false),
                    vakantie = table.Column<string>(type: "text", nullable: false),
                    regio = table.Column<string>(type: "text", nullable: false),
                    van = table.Column<DateOnly>(type: "date", nullable: false),
                    tot = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_schoolvakantie", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "tijdvenster",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    definitie = table.Column<string>(type: "text", nullable: false),
                    categorieen = table.Column<string[]>(type: "text[]", nullable: false),
                    alleen_schooldagen = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tijdvenster", x => new { x.gemeente_id, x.code });
                });

            migrationBuilder.CreateTable(
                name: "wijk",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    wijkindeling_id = table.Column<long>(type: "bigint", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    geometrie = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,28992)", nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    gewijzigd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    gewijzigd_door = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wijk", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "wijk_boa",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    wijk_code = table.Column<string>(type: "text", nullable: false),
                    boa_id = table.Column<long>(type: "bigint", nullable: false),
                    primair = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wijk_boa", x => new { x.gemeente_id, x.wijk_code, x.boa_id });
                });

            migrationBuilder.CreateTable(
                name: "wijk_versie",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    wijk_id = table.Column<long>(type: "bigint", nullable: false),
                    wijkindeling_id = table.Column<long>(type: "bigint", nullable: false),
                    versie = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "text", nullable: false),
                    naam = table.Column<string>(type: "text", nullable: false),
                    geometrie = table.Column<MultiPolygon>(type: "geometry(MultiPolygon,28992)", nullable: true),
                    wijziging = table.Column<string>(type: "text", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    geldig_van = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    geldig_tot = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    reden = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wijk_versie", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "wijkindeling",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    naam = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    aangemaakt_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    aangemaakt_door = table.Column<string>(type: "text", nullable: false),
                    geactiveerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wijkindeling", x => new { x.gemeente_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "hotspot",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    run_id = table.Column<long>(type: "bigint", nullable: false),
                    venster = table.Column<string>(type: "text", nullable: false),
                    categorieen = table.Column<string[]>(type: "text[]", nullable: false),
                    geometrie = table.Column<Geometry>(type: "geometry(Geometry,28992)", nullable: false),
                    centroide = table.Column<Point>(type: "geometry(Point,28992)", nullable: false),
                    waargenomen = table.Column<double>(type: "double precision", nullable: false),
                    verwacht = table.Column<double>(type: "double precision", nullable: false),
                    z = table.Column<double>(type: "double precision", nullable: false),
                    p = table.Column<double>(type: "double precision", nullable: false),
                    score = table.Column<double>(type: "double precision", nullable: false),
                    rang = table.Column<int>(type: "integer", nullable: false),
                    trend = table.Column<string>(type: "text", nullable: false),
                    wijk_codes = table.Column<string[]>(type: "text[]", nullable: false),
                    scholen = table.Column<string[]>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_hotspot", x => new { x.gemeente_id, x.id });
                    table.ForeignKey(
                        name: "fk_hotspot_hotspot_run_gemeente_id_run_id",
                        columns: x => new { x.gemeente_id, x.run_id },
                        principalTable: "hotspot_run",
                        principalColumns: new[] { "gemeente_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "melder_contact",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    melding_id = table.Column<long>(type: "bigint", nullable: false),
                    versleuteld = table.Column<string>(type: "text", nullable: true),
                    geanonimiseerd_op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_melder_contact", x => new { x.gemeente_id, x.melding_id });
                    table.ForeignKey(
                        name: "fk_melder_contact_melding_gemeente_id_melding_id",
                        columns: x => new { x.gemeente_id, x.melding_id },
                        principalTable: "melding",
                        principalColumns: new[] { "gemeente_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "melding_gebeurtenis",
                columns: table => new
                {
                    gemeente_id = table.Column<string>(type: "text", nullable: false),
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    melding_id = table.Column<long>(type: "bigint", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    op = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    door = table.Column<string>(type: "text", nullable: false),
                    toelichting = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_melding_gebeurtenis", x => new { x.gemeente_id, x.id });
                    table.ForeignKey(
                        name: "fk_melding_gebeurtenis_melding_gemeente_id_melding_id",
                        columns: x => new { x.gemeente_id, x.melding_id },
                        principalTable: "melding",
                        principalColumns: new[] { "gemeente_id", "id" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_adres_gemeente_id_postcode_huisnummer_huisletter_toevoeging",
                table: "adres",
                columns: new[] { "gemeente_id", "postcode", "huisnummer", "huisletter", "toevoeging" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_adres_punt",
                table: "adres",
                column: "punt")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_api_key_hash",
                table: "api_key",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_boa_gemeente_id_code",
                table: "boa",
                columns: new[] { "gemeente_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_buurt_geometrie",
                table: "buurt",
                column: "geometrie")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_contact_inzage_gemeente_id_melding_id",
                table: "contact_inzage",
                columns: new[] { "gemeente_id", "melding_id" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_gemeente_id_run_id_venster",
                table: "hotspot",
                columns: new[] { "gemeente_id", "run_id", "venster" });

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_geometrie",
                table: "hotspot",
                column: "geometrie")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_hotspot_run_gemeente_id_status_voltooid_op",
                table: "hotspot_run",
                columns: new[] { "gemeente_id", "status", "voltooid_op" });

            migrationBuilder.CreateIndex(
                name: "ix_melding_gemeente_id_bron_extern_id",
                table: "melding",
                columns: new[] { "gemeente_id", "bron", "extern_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_melding_gemeente_id_gemeld_op",
                table: "melding",
                columns: new[] { "gemeente_id", "gemeld_op" });

            migrationBuilder.CreateIndex(
                name: "ix_melding_gemeente_id_wijk_code_status",
                table: "melding",
                columns: new[] { "gemeente_id", "wijk_code", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_melding_locatie",
                table: "melding",
                column: "locatie")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_melding_gebeurtenis_gemeente_id_melding_id",
                table: "melding_gebeurtenis",
                columns: new[] { "gemeente_id", "melding_id" });

            migrationBuilder.CreateIndex(
                name: "ix_school_punt",
                table: "school",
                column: "punt")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_schoolvakantie_schooljaar_vakantie_regio",
                table: "schoolvakantie",
                columns: new[] { "schooljaar", "vakantie", "regio" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wijk_gemeente_id_wijkindeling_id_code",
                table: "wijk",
                columns: new[] { "gemeente_id", "wijkindeling_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wijk_geometrie",
                table: "wijk",
                column: "geometrie")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ix_wijk_versie_gemeente_id_wijk_id_versie",
                table: "wijk_versie",
                columns: new[] { "gemeente_id", "wijk_id", "versie" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_wijk_versie_gemeente_id_wijkindeling_id_geldig_van",
                table: "wijk_versie",
                columns: new[] { "gemeente_id", "wijkindeling_id", "geldig_van" });

            migrationBuilder.CreateIndex(
                name: "ix_wijk_versie_geometrie",
                table: "wijk_versie",
                column: "geometrie")
                .Annotation("Npgsql:IndexMethod", "gist");

            migrationBuilder.CreateIndex(
                name: "ux_wijkindeling_actief",
                table: "wijkindeling",
                column: "gemeente_id",
                unique: true,
                filter: "status = 'Actief'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "adres");

            migrationBuilder.DropTable(
                name: "api_key");

            migrationBuilder.DropTable(
                name: "boa");

            migrationBuilder.DropTable(
                name: "buurt");

            migrationBuilder.DropTable(
                name: "categorie");

            migrationBuilder.DropTable(
                name: "contact_inzage");

            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "gemeente");

            migrationBuilder.DropTable(
                name: "hotspot");

            migrationBuilder.DropTable(
                name: "melder_contact");

            migrationBuilder.DropTable(
                name: "melding_gebeurtenis");

            migrationBuilder.DropTable(
                name: "school");

            migrationBuilder.DropTable(
                name: "schoolvakantie");

            migrationBuilder.DropTable(
                name: "tijdvenster");

            migrationBuilder.DropTable(
                name: "wijk");

            migrationBuilder.DropTable(
                name: "wijk_boa");

            migrationBuilder.DropTable(
                name: "wijk_versie");

            migrationBuilder.DropTable(
                name: "wijkindeling");

            migrationBuilder.DropTable(
                name: "hotspot_run");

            migrationBuilder.DropTable(
                name: "melding");
        }
    }
}
