using System.Collections.Concurrent;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Addresses;
using GeoHandhaving.Core.Geometry;
using Npgsql;

namespace GeoHandhaving.Api.Geocoding;

/// <summary>
/// Holds one in-memory geocoder per gemeente, built from its BAG addresses on first use. After an import the
/// geocoder is rebuilt in the background and swapped in atomically; lookups keep using the old one meanwhile,
/// so the service never restarts and never answers from a half-built index.
/// </summary>
public sealed class GeocoderRegistry(NpgsqlDataSource dataSource, ILogger<GeocoderRegistry> log)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<Geocoder>>> _geocoders = new();

    public Task<Geocoder> ForGemeenteAsync(string gemeenteId) =>
        _geocoders.GetOrAdd(gemeenteId, id => new Lazy<Task<Geocoder>>(() => BuildAsync(id))).Value;

    /// <summary>Rebuilds the geocoder of a gemeente after its addresses changed (called on the BAG-change notification).</summary>
    public async Task RebuildAsync(string gemeenteId)
    {
        var geocoder = await BuildAsync(gemeenteId);
        _geocoders[gemeenteId] = new Lazy<Task<Geocoder>>(Task.FromResult(geocoder));
    }

    private async Task<Geocoder> BuildAsync(string gemeenteId)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var addresses = new List<BagAddress>();
        await using (var command = dataSource.CreateCommand(GeocodingSql.AddressesOfGemeente))
        {
            command.Parameters.AddWithValue("gemeente", gemeenteId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var x = reader.GetDouble(6);
                var y = reader.GetDouble(7);
                var (lon, lat) = RdNew.ToWgs84(x, y);
                addresses.Add(new BagAddress(reader.GetString(0), reader.GetInt32(1), NullIfEmpty(reader.GetString(2)),
                    NullIfEmpty(reader.GetString(3)), Postcode.Parse(reader.GetString(4)), reader.GetString(5),
                    x, y, Math.Round(lon, 7), Math.Round(lat, 7), reader.IsDBNull(8) ? null : reader.GetString(8)));
            }
        }
        var index = AddressIndex.Build(addresses);
        var woonplaatsen = WoonplaatsSynonyms.Amsterdam.Including(index.Woonplaatsen);
        log.LogInformation("Geocoder for {Gemeente} built from {Count} addresses in {Ms} ms", gemeenteId, addresses.Count, started.ElapsedMilliseconds);
        return new Geocoder(index, woonplaatsen);
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

/// <summary>
/// The PostgreSQL notification a BAG import sends (from any instance or the CLI), so every API instance rebuilds the
/// gemeente's geocoder; the previous one stays in use if the rebuild fails.
/// </summary>
public static class BagChange
{
    public const string Channel = "geoh_bag_gewijzigd";

    public static readonly DatabaseNotificationHandler Handler =
        new(Channel, (services, gemeenteId) => services.GetRequiredService<GeocoderRegistry>().RebuildAsync(gemeenteId));
}
