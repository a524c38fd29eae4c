using GeoHandhaving.Api.Platform;
using GeoHandhaving.Core.Addresses;
using Npgsql;
using NpgsqlTypes;

namespace GeoHandhaving.Api.Geocoding;

public sealed record BagImportRapport(long Gelezen, long Nieuw, long Bijgewerkt, IReadOnlyList<BagCsvRowError> Fouten);

/// <summary>
/// Loads BAG addresses (the documented CSV layout, see data/README.md) into the adres table in one transaction:
/// binary COPY into a staging table, then an upsert by the BAG key. Bad rows are reported, good rows all land.
/// Ends with a notification so every API instance rebuilds its in-memory geocoder.
/// </summary>
public sealed class BagImport(NpgsqlDataSource dataSource)
{
    public async Task<BagImportRapport> ImportAsync(string gemeenteId, TextReader csv, Action<long>? progress, CancellationToken ct)
    {
        var errors = new List<BagCsvRowError>();
        long read = 0;
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(GeocodingSql.CreateStaging, conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(GeocodingSql.CopyStaging, ct))
        {
            foreach (var a in BagCsvReader.Read(csv, errors))
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(a.Straat, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Huisnummer, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(a.Huisletter ?? "", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Toevoeging ?? "", NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Postcode.Value, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.Woonplaats, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(a.XRd, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(a.YRd, NpgsqlDbType.Double, ct);
                if (a.Buurtcode is null) await copy.WriteNullAsync(ct); else await copy.WriteAsync(a.Buurtcode, NpgsqlDbType.Text, ct);
                if (++read % 10_000 == 0) progress?.Invoke(read);
            }
            await copy.CompleteAsync(ct);
        }
        progress?.Invoke(read);
        long inserted, updated;
        await using (var upsert = new NpgsqlCommand(GeocodingSql.UpsertFromStaging, conn, tx) { CommandTimeout = 600 })
        {
            upsert.Parameters.AddWithValue("gemeente", gemeenteId);
            await using var reader = await upsert.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (inserted, updated) = (reader.GetInt64(0), reader.GetInt64(1));
        }
        await using (var fill = new NpgsqlCommand(GeocodingSql.FillBuurtCodes, conn, tx) { CommandTimeout = 600 })
        {
            fill.Parameters.AddWithValue("gemeente", gemeenteId);
            await fill.ExecuteNonQueryAsync(ct);
        }
        await DatabaseNotifications.SendAsync(conn, tx, BagChange.Channel, gemeenteId, ct);
        await tx.CommitAsync(ct);
        return new BagImportRapport(read + errors.Count, inserted, updated, errors);
    }
}
