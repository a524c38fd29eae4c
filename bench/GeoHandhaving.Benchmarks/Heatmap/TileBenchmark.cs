using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Npgsql;
using NpgsqlTypes;
using static GeoHandhaving.Benchmarks.BenchmarkEnvironment;

namespace GeoHandhaving.Benchmarks.Heatmap;

/// <summary>
/// `tiles [--meldingen N] [--tiles-per-zoom N] [--seed S]`: loads N synthetic meldingen (bulk COPY, once) for gemeente
/// BENCH1 in the database of ConnectionStrings__GeoHandhaving, then measures heatmap tile latency at zoom 11–16 through
/// <see cref="HeatmapQueries"/> (cold: SQL; warm: the tile cache) beside the raw ST_AsMVT over the points that a generic
/// tile server (pg_tileserv, Martin) would run for the melding table. Each tile gets a random filter combination as the map
/// sends them (categorie, dag, uur, a period van–tot; each present or not), so "cold" is what a planner's new filter costs.
/// Ends with the summary line <c>tiles: …</c>.
/// </summary>
internal static class TileBenchmark
{
    public const string Description = "heatmap vector tiles: 1 M meldingen, p50/p95 cold and warm at zoom 11-16 vs raw ST_AsMVT";
    private const string Gemeente = "BENCH1";
    // Amsterdam-sized: 20 x 15 km around the centre, in RD New.
    private static readonly Envelope Gebied = new(111_000, 131_000, 479_000, 494_000);
    private static readonly string[] Categorieen = ["parkeeroverlast", "afval", "jeugdoverlast", "hondenoverlast", "geluidsoverlast"];
    private static readonly DateTimeOffset Begin = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    private const string RawPointsTile = """
        SELECT ST_AsMVT(t, 'meldingen', 4096, 'geom') FROM (
            SELECT ST_AsMVTGeom(ST_Transform(locatie, 3857), ST_TileEnvelope(@z, @x, @y), 4096, 64, true) AS geom, id, categorie
            FROM melding
            WHERE gemeente_id = @gemeente AND locatie && ST_Transform(ST_TileEnvelope(@z, @x, @y), 28992)
        ) t
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var meldingen = IntOption(args, "--meldingen", 1_000_000);
        var tilesPerZoom = IntOption(args, "--tiles-per-zoom", 20);
        var random = new Random(IntOption(args, "--seed", 20261129));
        var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__GeoHandhaving")
            ?? throw new InvalidOperationException("set ConnectionStrings__GeoHandhaving (e.g. from scripts/db.sh url test)");
        await using var dataSource = DataServices.BuildDataSource(connectionString);
        await PrepareAsync(dataSource, meldingen, random);

        // JIT and connection pool first, so the first zoom's figures are not the start-up's.
        await OurTileAsync(NewQueries(dataSource), RandomTile(random, 16), Geen);
        await RawTileAsync(dataSource, RandomTile(random, 16));
        var (allCold, allWarm, allRaw) = (new List<double>(), new List<double>(), new List<double>());
        Console.WriteLine("zoom  tiles  ours cold p50/p95 ms  ours warm p50/p95 ms  NTS writer p50/p95 ms  raw points p50/p95 ms  raw KB/tile  ours KB/tile");
        for (var z = 11; z <= 16; z++)
        {
            var tiles = Enumerable.Range(0, tilesPerZoom).Select(_ => RandomTile(random, z)).ToList();
            var (cold, warm, nts, raw) = (new List<double>(), new List<double>(), new List<double>(), new List<double>());
            long rawBytes = 0, ourBytes = 0;
            foreach (var tile in tiles)
            {
                // A fresh cache per tile: low zooms have few distinct tiles, and cold must mean "not cached".
                var queries = NewQueries(dataSource);
                var filter = RandomFilter(random);
                ourBytes += (await TimeAsync(cold, () => OurTileAsync(queries, tile, filter))).Length;
                await TimeAsync(warm, () => OurTileAsync(queries, tile, filter));
                await TimeAsync(nts, () => NtsTileAsync(queries, tile, filter));
                rawBytes += (await TimeAsync(raw, () => RawTileAsync(dataSource, tile))).Length;
            }
            (allCold, allWarm, allRaw) = ([.. allCold, .. cold], [.. allWarm, .. warm], [.. allRaw, .. raw]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{z,4}  {tiles.Count,5}  {P(cold, 50),8:F1} / {P(cold, 95),-8:F1}  {P(warm, 50),8:F2} / {P(warm, 95),-8:F2}  {P(nts, 50),8:F1} / " +
                    $"{P(nts, 95),-8:F1}  " +
                $"{P(raw, 50),9:F1} / {P(raw, 95),-9:F1}  {rawBytes / 1024.0 / tiles.Count,11:F1}  {ourBytes / 1024.0 / tiles.Count,12:F1}"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tiles: meldingen={meldingen} tiles={allCold.Count} cold_p95_ms={P(allCold, 95):F1} warm_p95_ms={P(allWarm, 95):F2} " +
            $"raw_p95_ms={P(allRaw, 95):F1} raw_ratio={P(allRaw, 95) / P(allCold, 95):F2} load={LoadAverage()}"));
        return 0;
    }

    private static readonly HeatmapFilter Geen = new(null, null, null, null, null, null);

    /// <summary>A filter combination as the map's controls make them: each filter present with some chance.</summary>
    private static HeatmapFilter RandomFilter(Random random)
    {
        var van = random.NextDouble() < 0.3 ? Begin.AddDays(random.Next(0, 640)) : (DateTimeOffset?)null;
        return new HeatmapFilter(
            random.NextDouble() < 0.5 ? Categorieen[random.Next(Categorieen.Length)] : null, null,
            random.NextDouble() < 0.3 ? random.Next(1, 8) : null, random.NextDouble() < 0.3 ? random.Next(0, 24) : null,
            van, van?.AddDays(90));
    }

    /// <summary>What the endpoint does per request: read the data version, then the tile (from the cache when warm).</summary>
    private static async Task<byte[]> OurTileAsync(HeatmapQueries queries, TileAddress tile, HeatmapFilter filter)
    {
        var version = await queries.DataVersionAsync(CancellationToken.None);
        return await queries.TileAsync(TileLayers.Heatmap, tile, filter, version, CancellationToken.None);
    }

    /// <summary>The same cells, read as rows and encoded by NetTopologySuite's MVT writer instead of ST_AsMVT.</summary>
    private static async Task<byte[]> NtsTileAsync(HeatmapQueries queries, TileAddress tile, HeatmapFilter filter)
    {
        var ntsTile = new NetTopologySuite.IO.VectorTiles.Tiles.Tile(tile.X, tile.Y, tile.Z);
        var tileRd = new Envelope();
        foreach (var (lon, lat) in new[] { (ntsTile.Left, ntsTile.Bottom), (ntsTile.Left, ntsTile.Top), (ntsTile.Right, ntsTile.Bottom),
            (ntsTile.Right, ntsTile.Top) })
        {
            var (x, y) = RdNew.ToRd(lon, lat);
            tileRd.ExpandToInclude(x, y);
        }
        var cel = HeatmapGrid.CelVoorZoom(tile.Z);
        var cellen = await queries.CellsAsync(tileRd, cel, filter, CancellationToken.None);
        var layer = new Layer { Name = "heatmap" };
        foreach (var c in cellen)
        {
            var vlak = RdNew.ToWgs84(RdNew.RdFactory.ToGeometry(new Envelope(c.I * cel, (c.I + 1) * cel, c.J * cel, (c.J + 1) * cel)));
            layer.Features.Add(new Feature(vlak, new AttributesTable { { "count", c.Aantal }, { "weight", c.PerHectare } }));
        }
        var vectorTile = new VectorTile { TileId = ntsTile.Id };
        vectorTile.Layers.Add(layer);
        using var stream = new MemoryStream();
        vectorTile.Write(stream, 4096, MapboxTileWriter.DefaultMinLinealExtent, MapboxTileWriter.DefaultMinPolygonalExtent,
            MapboxTileWriter.DefaultIdAttributeName);
        return stream.ToArray();
    }

    private static async Task<byte[]> RawTileAsync(NpgsqlDataSource dataSource, TileAddress tile)
    {
        await using var command = dataSource.CreateCommand(RawPointsTile);
        command.Parameters.AddWithValue("gemeente", Gemeente);
        command.Parameters.AddWithValue("z", tile.Z);
        command.Parameters.AddWithValue("x", tile.X);
        command.Parameters.AddWithValue("y", tile.Y);
        return await command.ExecuteScalarAsync() as byte[] ?? [];
    }

    private static HeatmapQueries NewQueries(NpgsqlDataSource dataSource)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("gemeente", Gemeente), new Claim(ClaimTypes.Role, Roles.Planner)], "bench"));
        var user = new CurrentUser(new HttpContextAccessor { HttpContext = new DefaultHttpContext { User = principal } }, Options.Create(new AuthOptions()));
        var options = Options.Create(new HeatmapOptions { TileCacheMegabytes = 256 });
        return new HeatmapQueries(dataSource, user, new HeatmapCache(options), options);
    }

    /// <summary>The tile around a uniformly random point of the area.</summary>
    private static TileAddress RandomTile(Random random, int z)
    {
        var (lon, lat) = RdNew.ToWgs84(Gebied.MinX + random.NextDouble() * Gebied.Width, Gebied.MinY + random.NextDouble() * Gebied.Height);
        return TileAddress.Containing(lon, lat, z);
    }

    private static async Task PrepareAsync(NpgsqlDataSource dataSource, int meldingen, Random random)
    {
        var options = new DbContextOptionsBuilder<GeoHandhavingDbContext>();
        DataServices.Configure(options, dataSource);
        await using (var db = new GeoHandhavingDbContext(options.Options))
        {
            await db.Database.MigrateAsync();
            if (!await db.Gemeenten.AnyAsync(g => g.Id == Gemeente))
            {
                db.Gemeenten.Add(new GeoHandhaving.Api.Gemeenten.Gemeente { Id = Gemeente, Naam = "Benchmark 1M" });
                await db.SaveChangesAsync();
            }
        }
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM melding WHERE gemeente_id = @gemeente");
        count.Parameters.AddWithValue("gemeente", Gemeente);
        var present = (long)(await count.ExecuteScalarAsync())!;
        Console.WriteLine($"meldingen {present:N0} present for {Gemeente}");
        if (present >= meldingen) return;

        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY melding (gemeente_id, bron, extern_id, categorie, gemeld_op, locatie, geocode_status, status, aangemaakt_op) FROM STDIN (FORMAT BINARY)"))
        {
            var clusters = Enumerable.Range(0, 300).Select(_ => new Coordinate(
                Gebied.MinX + random.NextDouble() * Gebied.Width, Gebied.MinY + random.NextDouble() * Gebied.Height)).ToArray();
            for (var i = present; i < meldingen; i++)
            {
                var punt = i % 2 == 0
                    ? new Coordinate(Gebied.MinX + random.NextDouble() * Gebied.Width, Gebied.MinY + random.NextDouble() * Gebied.Height)
                    : Around(clusters[random.Next(clusters.Length)], 150, random);
                await import.StartRowAsync();
                await import.WriteAsync(Gemeente, NpgsqlDbType.Text);
                await import.WriteAsync("app", NpgsqlDbType.Text);
                await import.WriteAsync("bench-" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await import.WriteAsync(Categorieen[random.Next(Categorieen.Length)], NpgsqlDbType.Text);
                await import.WriteAsync(Begin.AddMinutes(random.Next(2 * 365 * 24 * 60)).UtcDateTime, NpgsqlDbType.TimestampTz);
                await import.WriteAsync((Geometry)RdNew.RdFactory.CreatePoint(punt));
                await import.WriteAsync("Punt", NpgsqlDbType.Text);
                await import.WriteAsync("Nieuw", NpgsqlDbType.Text);
                await import.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await import.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE melding", connection)) await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"loaded   {meldingen - present:N0} meldingen by COPY in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static Coordinate Around(Coordinate centre, double sigma, Random random)
    {
        // Box-Muller: a normal spread around the cluster centre.
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * sigma;
        return new Coordinate(Math.Round(centre.X + Normal(), 1), Math.Round(centre.Y + Normal(), 1));
    }

    private static async Task<T> TimeAsync<T>(List<double> timings, Func<Task<T>> action)
    {
        var clock = Stopwatch.StartNew();
        var result = await action();
        timings.Add(clock.Elapsed.TotalMilliseconds);
        return result;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];
    }

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
