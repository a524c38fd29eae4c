using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Geometry;
using GeoHandhaving.Core.TimeWindows;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.VectorTiles;
using NetTopologySuite.IO.VectorTiles.Mapbox;
using Npgsql;
using static GeoHandhaving.Benchmarks.BenchmarkEnvironment;

namespace GeoHandhaving.Benchmarks.Heatmap;

/// <summary>
/// `tiles [--meldingen N] [--tiles-per-zoom N] [--seed S]`: loads N synthetic meldingen (bulk COPY, once) for gemeente
/// BENCH1 in the database of ConnectionStrings__GeoHandhaving, then measures heatmap tile latency at zoom 11–16 through
/// <see cref="HeatmapQueries"/> (cold: SQL; warm: the tile cache) beside the raw ST_AsMVT over the points that a generic
/// tile server (pg_tileserv, Martin) would run for the melding table. Each tile gets a random filter combination as the map
/// sends them (categorie, venster, dag, uur, a period van–tot; each present or not), so "cold" is what a planner's new filter costs.
/// The tiles are read from the heatmap's cell table as the service reads them: the migration (HeatmapCellen) fills it from
/// meldingen already stored and the triggers on melding keep it through the COPY. Ends with the summary line <c>tiles: …</c>.
/// </summary>
internal static class TileBenchmark
{
    public const string Description = "heatmap vector tiles: 1 M meldingen, p50/p95 cold and warm at zoom 11-16 vs raw ST_AsMVT";
    private const string Gemeente = "BENCH1";
    // Amsterdam-sized: 20 x 15 km around the centre, in RD New.
    private static readonly Envelope Gebied = new(111_000, 131_000, 479_000, 494_000);

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
        await BenchmarkMeldingen.EnsureAsync(dataSource, Gemeente, "Benchmark 1M", meldingen, Gebied, random);

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

    /// <summary>A filter combination as the map's controls make them: each filter present with some chance (a venster as the map
    /// resolves it: one of the named windows, school days by the default regio).</summary>
    private static HeatmapFilter RandomFilter(Random random)
    {
        var van = random.NextDouble() < 0.3 ? BenchmarkMeldingen.Begin.AddDays(random.Next(0, 640)) : (DateTimeOffset?)null;
        var venster = random.NextDouble() < 0.2 ? DefaultTimeWindows.Named[random.Next(DefaultTimeWindows.Named.Count)] : null;
        return new HeatmapFilter(
            random.NextDouble() < 0.5 ? BenchmarkMeldingen.Categorieen[random.Next(BenchmarkMeldingen.Categorieen.Length)] : null, venster?.Name,
            random.NextDouble() < 0.3 ? random.Next(1, 8) : null, random.NextDouble() < 0.3 ? random.Next(0, 24) : null,
            van, van?.AddDays(90))
        { VensterDefinitie = venster };
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
