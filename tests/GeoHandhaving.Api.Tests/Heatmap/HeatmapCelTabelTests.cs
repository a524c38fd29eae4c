using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Hotspots;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Npgsql;
using static GeoHandhaving.Api.Tests.Heatmap.HeatmapTestData;

namespace GeoHandhaving.Api.Tests.Heatmap;

/// <summary>
/// The heatmap's cell table (heatmap_cel_kwartier, heatmap_cel_week) against the meldingen it counts: the service's cells
/// equal the raw count of meldingen cell by cell under the privacy floor, and the table follows every write of meldingen.
/// </summary>
[Collection(ApiCollection.Name)]
public class HeatmapCelTabelTests(ApiFixture fixture, DemoGemeenteFixture demo) : IClassFixture<DemoGemeenteFixture>
{
    private readonly ApiFactory _api = fixture.Api;

    /// <summary>The heatmap as it was computed before the cell table: every melding in the box counted per cell, then the floor.</summary>
    private static string RawCellen(string conditions) => $"""
        WITH cellen AS (
            SELECT floor(ST_X(m.locatie) / @cel) AS i, floor(ST_Y(m.locatie) / @cel) AS j, count(*) AS aantal
            FROM melding m
            WHERE m.gemeente_id = @gemeente AND m.locatie && ST_Expand(ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 28992), @cel){conditions}
            GROUP BY 1, 2
            HAVING count(*) >= @minimum
        )
        SELECT i, j, aantal FROM cellen
        WHERE ST_MakeEnvelope(i * @cel, j * @cel, (i + 1) * @cel, (j + 1) * @cel, 28992) && ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 28992)
        ORDER BY j, i
        """;

    public sealed record Filter(string? Categorie = null, string? Venster = null, int? Dag = null, int? Uur = null, string? Van = null, string? Tot = null)
    {
        public string Query => string.Join('&', new (string Name, object? Value)[]
            { ("categorie", Categorie), ("venster", Venster), ("dag", Dag), ("uur", Uur), ("van", Van), ("tot", Tot) }
            .Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(Convert.ToString(p.Value, CultureInfo.InvariantCulture)!)}"));

        public HeatmapFilterParameters Parameters => new(Categorie, Venster, Dag, Uur, Parse(Van), Parse(Tot));

        private static DateTimeOffset? Parse(string? t) => t is null ? null : DateTimeOffset.Parse(t, CultureInfo.InvariantCulture);
    }

    private static readonly Filter[] Filters =
    [
        new(),
        new(Categorie: "parkeeroverlast"),
        new(Venster: "schoolbrengen"),
        new(Venster: "schoolhalen", Categorie: "parkeeroverlast"),
        new(Venster: "uitgaansnacht"),
        new(Dag: 2, Uur: 8),
        new(Dag: 6),
        new(Uur: 23, Categorie: "jeugdoverlast"),
        new(Van: "2026-03-01T00:00:00+01:00", Tot: "2026-06-01T00:00:00+02:00"),
        new(Van: "2026-05-01T00:00:00Z", Tot: "2026-09-15T12:45:00Z", Dag: 3, Categorie: "afval"),
        // The last Sunday of March: 02:00-03:00 local does not exist; and of October: 02:00-03:00 local comes twice.
        new(Van: "2026-03-28T23:00:00Z", Tot: "2026-03-29T22:00:00Z"),
        new(Van: "2026-03-16T00:00:00+01:00", Tot: "2026-04-13T00:00:00+02:00", Dag: 7, Uur: 3),
        new(Van: "2026-10-12T00:00:00+02:00", Tot: "2026-11-09T00:00:00+01:00", Dag: 7, Uur: 2),
        new(Van: "2026-10-25T01:00:00Z", Tot: "2026-10-25T11:00:00Z"),
        new(Venster: "uitgaansnacht", Van: "2026-10-23T00:00:00+02:00", Tot: "2026-11-01T00:00:00+01:00"),
    ];

    /// <summary>25 m and 75 m read the quarter-hour level; 100, 200, 1000 and 5000 m the week level when there is no period or venster.</summary>
    private static readonly int[] Celgroottes = [25, 75, 100, 200, 1000, 5000];

    [Fact]
    public async Task The_cell_table_shows_cell_by_cell_what_the_raw_meldingen_show_under_the_privacy_floor_on_the_demo_gemeente()
    {
        await demo.LoadAsync();
        const string gemeente = DemoGemeenteFixture.Gemeente;
        var planner = _api.ClientAs(gemeente, Roles.Planner);
        var minimum = (await planner.GetFromJsonAsync<JsonElement>("/kaart/config.json")).GetProperty("minimumPerCel").GetInt32();
        Assert.True(minimum > 1, "the floor must cut cells for this test to say anything about it");
        var (context, dataSource) = (await ContextAsync(gemeente), _api.Services.GetRequiredService<NpgsqlDataSource>());
        // A box over the middle of the gemeente (RD 185-187 km, 467-469 km), so the cells at its edges are compared too.
        var (west, zuid) = RdNew.ToWgs84(185_000, 467_000);
        var (oost, noord) = RdNew.ToWgs84(187_000, 469_000);
        var bbox = string.Join(',', new[] { west, zuid, oost, noord }.Select(v => v.ToString("F5", CultureInfo.InvariantCulture)));
        var box = Bbox.Parse(bbox).Rd!;

        foreach (var f in Filters)
        {
            var filter = HeatmapFilter.From(f.Parameters).Filter!;
            if (filter.Venster is not null)
            {
                filter = filter with { VensterDefinitie = context.Windows.First(w => w.Name == filter.Venster), SchoolRegio = context.Regio };
            }
            var gezien = 0L;
            foreach (var cel in Celgroottes)
            {
                var cellen = await planner.GetFromJsonAsync<JsonElement>($"/api/v1/heatmap?cel={cel}&bbox={bbox}&{f.Query}");
                var service = cellen.GetProperty("features").EnumerateArray().Select(k => k.GetProperty("id").GetString() + "=" +
                    k.GetProperty("properties").GetProperty("count").GetInt64()).ToList();

                await using var command = dataSource.CreateCommand();
                command.CommandText = RawCellen(filter.MeldingConditions(command));
                command.Parameters.AddWithValue("gemeente", gemeente);
                command.Parameters.AddWithValue("cel", (double)cel);
                command.Parameters.AddWithValue("minimum", (long)minimum);
                (string Name, double Value)[] hoeken = [("minx", box.MinX), ("miny", box.MinY), ("maxx", box.MaxX), ("maxy", box.MaxY)];
                foreach (var (name, value) in hoeken) command.Parameters.AddWithValue(name, value);
                var raw = new List<string>();
                await using (var reader = await command.ExecuteReaderAsync())
                {
                    while (await reader.ReadAsync()) raw.Add($"{cel}_{reader.GetDouble(0)}_{reader.GetDouble(1)}={reader.GetInt64(2)}");
                }
                Assert.True(raw.SequenceEqual(service),
                    $"{f.Query} at {cel} m: raw {raw.Count} cells, cell table {service.Count}; first difference: " +
                    $"{raw.Except(service).FirstOrDefault()} / {service.Except(raw).FirstOrDefault()}");
                gezien += raw.Count;
            }
            Assert.True(gezien > 0, $"{f.Query}: the demo data should show some cell for this filter");
        }
    }

    [Fact]
    public async Task The_cell_table_follows_intake_a_status_change_a_new_categorie_a_move_retention_and_erasure()
    {
        var gemeente = await _api.NewGemeenteAsync();
        await GelijkAanMeldingenAsync(gemeente, 0);

        // Intake: a CSV import and one melding over REST, with contact details for the erasure below.
        await ImportAsync(_api, gemeente, [.. InCel(6), .. InCel(3, x: X + 100, categorie: "afval", gemeldOp: "2026-10-25T02:30:00+01:00")]);
        await GelijkAanMeldingenAsync(gemeente, 9);
        var response = await _api.ClientAs(gemeente, Roles.Intake).PostAsJsonAsync("/api/v1/meldingen", new
        {
            bron = "KCC", externId = "kcc-1", categorie = "afval", gemeldOp = "2026-10-25T02:30:00+02:00", xRd = X + 110, yRd = Y + 10,
            omschrijving = "afval bij de bank", melder = new { naam = "Karin de Vries", email = "karin@example.nl" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await GelijkAanMeldingenAsync(gemeente, 10);

        // A status change counts nothing new; a new categorie and a move do.
        var status = await _api.ClientAs(gemeente, Roles.Teamleider).PostAsJsonAsync($"/api/v1/meldingen/{id}/status",
            new { status = "InBehandeling", toelichting = "opgepakt" });
        Assert.True(status.IsSuccessStatusCode, await status.Content.ReadAsStringAsync());
        await GelijkAanMeldingenAsync(gemeente, 10);
        _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente && m.Id == id)
            .ExecuteUpdate(s => s.SetProperty(m => m.Categorie, "parkeeroverlast")));
        await GelijkAanMeldingenAsync(gemeente, 10);
        _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente && m.Id == id)
            .ExecuteUpdate(s => s.SetProperty(m => m.Locatie, RdNew.RdFactory.CreatePoint(new Coordinate(X + 500, Y + 500)))));
        await GelijkAanMeldingenAsync(gemeente, 10);
        var planner = _api.ClientAs(gemeente, Roles.Planner);
        var cellen = await planner.GetFromJsonAsync<JsonElement>("/api/v1/heatmap?cel=25&categorie=parkeeroverlast");
        Assert.Equal(6, cellen.GetProperty("features").EnumerateArray().Single().GetProperty("properties").GetProperty("count").GetInt32());

        // Erasure anonymises the melder and the text; the melding still counts where it was.
        var wissing = await _api.ClientAs(gemeente, Roles.Privacy).PostAsJsonAsync("/api/v1/privacy/avg/wissing",
            new { email = "karin@example.nl", verzoek = "AVG-1" });
        Assert.Equal(HttpStatusCode.OK, wissing.StatusCode);
        await GelijkAanMeldingenAsync(gemeente, 10);

        // Retention deletes closed meldingen past their bewaartermijn: the six of the first cell.
        _api.WithDb(db => db.Meldingen.Where(m => m.GemeenteId == gemeente && m.Categorie == "parkeeroverlast" && m.Id != id)
            .ExecuteUpdate(s => s.SetProperty(m => m.Status, MeldingStatus.Afgehandeld).SetProperty(m => m.AfgehandeldOp, m => m.GemeldOp)));
        var retentie = new MeldingenRetentie(_api.Services.GetRequiredService<NpgsqlDataSource>(), Options.Create(new RetentieOptions
        {
            MeldingBewaartermijnJarenPerCategorie = new() { ["parkeeroverlast"] = 0 },
        }), new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)), NullLogger<MeldingenRetentie>.Instance);
        Assert.True((await retentie.RunAsync(CancellationToken.None)).MeldingenVerwijderd >= 6);
        await GelijkAanMeldingenAsync(gemeente, 4);
        Assert.Empty((await planner.GetFromJsonAsync<JsonElement>("/api/v1/heatmap?cel=25&categorie=parkeeroverlast&van=2026-10-05T05:00:00Z"))
            .GetProperty("features").EnumerateArray());
    }

    /// <summary>Both levels of the cell table hold exactly the counts of the gemeente's meldingen with a location, and
    /// <paramref name="meldingen"/> in all.</summary>
    private async Task GelijkAanMeldingenAsync(string gemeente, int meldingen)
    {
        const string kwartierTabel = """
            SELECT kwartier, i, j, categorie, buurt_code, aantal FROM heatmap_cel_kwartier WHERE gemeente_id = @gemeente ORDER BY 1, 2, 3, 4, 5
            """;
        const string kwartierMeldingen = """
            SELECT date_bin('15 minutes', gemeld_op, timestamptz '2000-01-01Z'), floor(ST_X(locatie) / 25)::int, floor(ST_Y(locatie) / 25)::int,
                   categorie, coalesce(buurt_code, ''), count(*)::int
            FROM melding WHERE gemeente_id = @gemeente AND locatie IS NOT NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
            """;
        const string weekTabel = """
            SELECT cel, uur, weekdag, j, i, categorie, aantal FROM heatmap_cel_week WHERE gemeente_id = @gemeente ORDER BY 1, 2, 3, 4, 5, 6
            """;
        const string weekMeldingen = """
            WITH lokaal AS (
                SELECT cel, floor(ST_X(locatie) / cel)::int AS i, floor(ST_Y(locatie) / cel)::int AS j, categorie,
                       extract(isodow FROM gemeld_op AT TIME ZONE 'Europe/Amsterdam')::int AS weekdag,
                       extract(hour FROM gemeld_op AT TIME ZONE 'Europe/Amsterdam')::int AS uur
                FROM melding, (VALUES (100), (200)) AS niveau(cel) WHERE gemeente_id = @gemeente AND locatie IS NOT NULL
            )
            SELECT cel, -1, 0, j, i, categorie, count(*)::int FROM lokaal GROUP BY 1, 4, 5, 6
            UNION ALL SELECT cel, -1, weekdag, j, i, categorie, count(*)::int FROM lokaal GROUP BY 1, 3, 4, 5, 6
            UNION ALL SELECT cel, uur, weekdag, j, i, categorie, count(*)::int FROM lokaal GROUP BY 1, 2, 3, 4, 5, 6
            ORDER BY 1, 2, 3, 4, 5, 6
            """;
        Assert.Equal(await RowsAsync(kwartierMeldingen, gemeente), await RowsAsync(kwartierTabel, gemeente));
        Assert.Equal(await RowsAsync(weekMeldingen, gemeente), await RowsAsync(weekTabel, gemeente));
        Assert.Equal(meldingen, (await RowsAsync(kwartierTabel, gemeente)).Sum(r => int.Parse(r.Split('|')[^1], CultureInfo.InvariantCulture)));
    }

    private async Task<List<string>> RowsAsync(string sql, string gemeente)
    {
        await using var command = _api.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand(sql);
        command.Parameters.AddWithValue("gemeente", gemeente);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private async Task<WindowContext> ContextAsync(string gemeente)
    {
        await using var scope = _api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HotspotWindows>().ContextAsync(gemeente, CancellationToken.None);
    }
}
