using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Heatmap;

public readonly record struct TileAddress(int Z, int X, int Y)
{
    /// <summary>The web-mercator tile (XYZ scheme, y down) that holds a lon/lat point.</summary>
    public static TileAddress Containing(double lon, double lat, int z)
    {
        var n = 1 << z;
        var radians = lat * Math.PI / 180;
        return new TileAddress(z, (int)Math.Floor((lon + 180) / 360 * n),
            (int)Math.Floor((1 - Math.Log(Math.Tan(radians) + 1 / Math.Cos(radians)) / Math.PI) / 2 * n));
    }
}

public sealed record HeatmapCel(long I, long J, long Aantal, double PerHectare);

/// <summary>
/// Runs the heatmap SQL for the current user's gemeente. Tiles and data extents are cached in memory under the gemeente's
/// data version (bumped by database triggers), so a change anywhere — another API instance, the CLI — is seen at once.
/// </summary>
public sealed class HeatmapQueries(NpgsqlDataSource dataSource, CurrentUser user, HeatmapCache cache, IOptions<HeatmapOptions> options)
{
    public string GemeenteId => user.GemeenteId;

    /// <summary>Tiles of a boa-scoped layer differ per boa, so the scope is part of cache key and ETag.</summary>
    public string Scope(TileLayer layer) =>
        layer == TileLayers.Meldingen && MeldingenQueries.AlleenEigenWijkenVoor(user) ? "boa:" + user.Naam : "";

    public async Task<long> DataVersionAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(HeatmapSql.DataVersie);
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    public Task<byte[]> TileAsync(TileLayer layer, TileAddress tile, HeatmapFilter filter, long dataVersion, CancellationToken ct) =>
        cache.GetOrCreateAsync($"tile|{user.GemeenteId}|{layer.Id}|{tile.Z}/{tile.X}/{tile.Y}|{filter.CacheKey}|{Scope(layer)}|{dataVersion}",
            () => ReadTileAsync(layer, tile, filter, ct));

    private async Task<byte[]> ReadTileAsync(TileLayer layer, TileAddress tile, HeatmapFilter filter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        command.Parameters.AddWithValue("z", tile.Z);
        command.Parameters.AddWithValue("x", tile.X);
        command.Parameters.AddWithValue("y", tile.Y);
        if (layer == TileLayers.Heatmap)
        {
            var (niveau, conditions) = CellParameters(command, HeatmapGrid.CelVoorZoom(tile.Z), filter);
            command.CommandText = HeatmapSql.Tile(layer, conditions, niveau);
        }
        else
        {
            var conditions = layer == TileLayers.Hotspots ? filter.HotspotConditions(command)
                : layer.ReadsMeldingen ? filter.MeldingConditions(command) : "";
            if (Scope(layer) != "")
            {
                conditions += " AND " + MeldingenSql.BoaScope;
                command.Parameters.AddWithValue("gebruiker", user.Naam);
            }
            command.CommandText = HeatmapSql.Tile(layer, conditions);
        }
        return await command.ExecuteScalarAsync(ct) as byte[] ?? [];
    }

    public async Task<IReadOnlyList<HeatmapCel>> CellsAsync(Envelope? boxRd, int cel, HeatmapFilter filter, CancellationToken ct)
    {
        // Without a bbox: the whole Netherlands, i.e. all of the gemeente.
        var box = boxRd ?? GeoHandhaving.Core.Geometry.RdNew.ValidArea;
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        command.Parameters.AddWithValue("minx", box.MinX);
        command.Parameters.AddWithValue("miny", box.MinY);
        command.Parameters.AddWithValue("maxx", box.MaxX);
        command.Parameters.AddWithValue("maxy", box.MaxY);
        var (niveau, conditions) = CellParameters(command, cel, filter);
        command.CommandText = HeatmapSql.HeatmapCellen(niveau, conditions);
        var cellen = new List<HeatmapCel>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            cellen.Add(new HeatmapCel((long)reader.GetDouble(0), (long)reader.GetDouble(1), reader.GetInt64(2), reader.GetDouble(3)));
        }
        return cellen;
    }

    /// <summary>The cell size, the privacy floor and the level of the cell table that answers, with its filter conditions.</summary>
    private (HeatmapNiveau Niveau, string Conditions) CellParameters(NpgsqlCommand command, int cel, HeatmapFilter filter)
    {
        var (niveau, bron) = HeatmapNiveaus.Kies(cel, filter);
        command.Parameters.AddWithValue("cel", (double)cel);
        command.Parameters.AddWithValue("bron", (short)bron);
        command.Parameters.AddWithValue("factor", (double)cel / bron);
        command.Parameters.AddWithValue("minimum", (long)options.Value.MinimumPerCel);
        return (niveau, niveau == HeatmapNiveau.Week ? filter.WeekConditions(command) : filter.KwartierConditions(command));
    }

    /// <summary>[minLon, minLat, maxLon, maxLat] of the gemeente's meldingen and wijken, or null when it has none.</summary>
    public Task<double[]?> DataExtentAsync(long dataVersion, CancellationToken ct) =>
        cache.GetOrCreateAsync($"extent|{user.GemeenteId}|{dataVersion}", async () =>
        {
            await using var command = dataSource.CreateCommand(HeatmapSql.DataExtent);
            command.Parameters.AddWithValue("gemeente", user.GemeenteId);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? new[] { reader.GetDouble(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3) } : null;
        });
}

/// <summary>The bounded in-memory cache of tiles and extents (one per API instance); keys carry the data version, so stale entries are simply never
/// asked for again.</summary>
public sealed class HeatmapCache(IOptions<HeatmapOptions> options) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = options.Value.TileCacheMegabytes * 1024L * 1024L });

    public async Task<T> GetOrCreateAsync<T>(string key, Func<Task<T>> create)
    {
        if (_cache.TryGetValue(key, out T? cached)) return cached!;
        var value = await create();
        var size = value is byte[] bytes ? bytes.Length + key.Length : 64 + key.Length;
        _cache.Set(key, value, new MemoryCacheEntryOptions { Size = size, SlidingExpiration = TimeSpan.FromMinutes(30) });
        return value;
    }

    public void Dispose() => _cache.Dispose();
}
