using System.Globalization;
using System.Net;
using System.Text;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Tests.Infrastructure;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Geometry;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;

namespace GeoHandhaving.Api.Tests.Heatmap;

public sealed record TestMelding(double X, double Y, string Categorie = "parkeeroverlast", string GemeldOp = "2026-10-05T08:00:00+02:00");

/// <summary>Seeds meldingen (through the import endpoint, as the intake does), wijken and hotspots, and reads tiles back.</summary>
public static class HeatmapTestData
{
    /// <summary>A spot in Amsterdam-Zuid, on the corner of a 25 m cell, so "n meldingen in one cell" is easy to arrange.</summary>
    public const double X = 121_000, Y = 486_000;

    public static async Task ImportAsync(ApiFactory api, string gemeente, IEnumerable<TestMelding> meldingen)
    {
        var csv = new StringBuilder("bron,extern_id,categorie,gemeld_op,x_rd,y_rd\n");
        foreach (var m in meldingen)
        {
            csv.Append(CultureInfo.InvariantCulture, $"app,{Guid.NewGuid():N},{m.Categorie},{m.GemeldOp},{m.X},{m.Y}\n");
        }
        var response = await api.ClientAs(gemeente, Roles.Intake)
            .PostAsync("/api/v1/meldingen/import", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary><paramref name="count"/> meldingen within the 25 m cell whose lower-left corner is (x, y).</summary>
    public static IEnumerable<TestMelding> InCel(int count, double x = X, double y = Y, string categorie = "parkeeroverlast",
        string gemeldOp = "2026-10-05T08:00:00+02:00") =>
        Enumerable.Range(0, count).Select(i => new TestMelding(x + 5 + 3 * i, y + 10, categorie, gemeldOp));

    /// <summary>The z/x/y of the web-mercator tile that holds RD point (x, y).</summary>
    public static (int Z, int X, int Y) TileOf(double x, double y, int z)
    {
        var (lon, lat) = RdNew.ToWgs84(x, y);
        var tile = TileAddress.Containing(lon, lat, z);
        return (tile.Z, tile.X, tile.Y);
    }

    public static string TileUrl(string layer, (int Z, int X, int Y) tile, string query = "") =>
        $"/api/v1/tiles/{layer}/{tile.Z}/{tile.X}/{tile.Y}.mvt" + (query == "" ? "" : "?" + query);

    public static VectorTile Read(byte[] bytes, (int Z, int X, int Y) tile) =>
        new MapboxTileReader().Read(new MemoryStream(bytes), new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z));

    public static async Task<Wijk> WijkAsync(ApiFactory api, string gemeente, string code, Envelope rd)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhaving.Api.Data.GeoHandhavingDbContext>();
        var indeling = new Wijkindeling { GemeenteId = gemeente, Naam = "test", Status = WijkindelingStatus.Actief, AangemaaktDoor = "test" };
        db.Wijkindelingen.Add(indeling);
        await db.SaveChangesAsync();
        var wijk = new Wijk
        {
            GemeenteId = gemeente, WijkindelingId = indeling.Id, Code = code, Naam = "Wijk " + code, GewijzigdDoor = "test",
            Geometrie = RdNew.RdFactory.CreateMultiPolygon([(Polygon)RdNew.RdFactory.ToGeometry(rd)]),
        };
        db.Wijken.Add(wijk);
        await db.SaveChangesAsync();
        return wijk;
    }

    /// <summary>A completed hotspot run with one square hotspot of 100 m at (x, y).</summary>
    public static async Task<Hotspot> HotspotRunAsync(ApiFactory api, string gemeente, double x, double y, string venster, DateTimeOffset voltooid)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GeoHandhaving.Api.Data.GeoHandhavingDbContext>();
        var run = new HotspotRun
        {
            GemeenteId = gemeente, Status = HotspotRunStatus.Voltooid, GestartOp = voltooid.AddMinutes(-1), VoltooidOp = voltooid,
            Aanleiding = "test", Parameters = "{}",
        };
        db.HotspotRuns.Add(run);
        await db.SaveChangesAsync();
        var vlak = RdNew.RdFactory.ToGeometry(new Envelope(x, x + 100, y, y + 100));
        var hotspot = new Hotspot
        {
            GemeenteId = gemeente, RunId = run.Id, Venster = venster, Categorieen = ["parkeeroverlast"], Geometrie = vlak,
            Centroide = vlak.Centroid, Score = 3.2, Rang = 1, Trend = "persistent", WijkCodes = ["W1"], Scholen = ["De Regenboog"],
            Plaats = "Schoolweg (Oude Dorp), bij De Regenboog", PerUur = 0.736,
        };
        db.Hotspots.Add(hotspot);
        await db.SaveChangesAsync();
        return hotspot;
    }
}
