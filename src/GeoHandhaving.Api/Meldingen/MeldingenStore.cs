using GeoHandhaving.Api.Wijken;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>A validated melding with its resolved location, ready to store.</summary>
public sealed record TeBewarenMelding(GeldigeMelding Melding, Point? Locatie, string GeocodeStatus, string? GeenLocatieReden);

/// <summary>
/// Stores meldingen in bulk: binary COPY into a staging table, then one INSERT … ON CONFLICT (gemeente, bron,
/// extern_id) DO NOTHING, so a re-run or two overlapping imports never create duplicates. New meldingen then get
/// their wijk and owner and are linked to possible duplicates, all set-based in SQL.
/// </summary>
public sealed class MeldingenStore(NpgsqlDataSource dataSource, MelderContactBescherming bescherming, MelderPseudoniem pseudoniem, TimeProvider clock)
{
    public sealed record Opgeslagen(long Id, int Rij);

    public async Task<IReadOnlyList<Opgeslagen>> BewaarAsync(string gemeenteId, IReadOnlyList<TeBewarenMelding> meldingen,
        string door, CancellationToken ct)
    {
        if (meldingen.Count == 0) return [];
        await using var conn = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var create = new NpgsqlCommand(MeldingenSql.CreateStaging, conn, tx))
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        var nu = clock.GetUtcNow();
        await using (var copy = await conn.BeginBinaryImportAsync(MeldingenSql.CopyStaging, ct))
        {
            foreach (var m in meldingen)
            {
                var g = m.Melding;
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(g.Rij, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(g.Bron, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(g.ExternId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(g.Categorie, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, g.Subcategorie, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(g.GemeldOp.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await WriteNullable(copy, g.WaargenomenOp?.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
                await WriteNullable(copy, g.Omschrijving, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, g.Adres, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, m.Locatie?.X, NpgsqlDbType.Double, ct);
                await WriteNullable(copy, m.Locatie?.Y, NpgsqlDbType.Double, ct);
                await copy.WriteAsync(m.GeocodeStatus, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, m.GeenLocatieReden, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, g.Melder is null ? null : bescherming.Versleutel(g.Melder), NpgsqlDbType.Text, ct);
                await WriteNullable(copy, g.Melder is null ? null : pseudoniem.Van(g.Melder), NpgsqlDbType.Text, ct);
            }
            await copy.CompleteAsync(ct);
        }

        var opgeslagen = new List<Opgeslagen>();
        await using (var insert = new NpgsqlCommand(MeldingenSql.InsertFromStaging, conn, tx))
        {
            insert.Parameters.AddWithValue("gemeente", gemeenteId);
            insert.Parameters.AddWithValue("nu", nu.UtcDateTime);
            insert.Parameters.AddWithValue("door", door);
            await using var reader = await insert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                opgeslagen.Add(new Opgeslagen(reader.GetInt64(0), reader.GetInt32(1)));
            }
        }
        var ids = opgeslagen.Select(o => o.Id).ToArray();
        await WijkToewijzing.WijsToeAsync(conn, tx, gemeenteId, ids, nu, ct);
        await using (var duplicates = new NpgsqlCommand(MeldingenSql.LinkPossibleDuplicates, conn, tx))
        {
            duplicates.Parameters.AddWithValue("gemeente", gemeenteId);
            duplicates.Parameters.AddWithValue("ids", ids);
            await duplicates.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return opgeslagen;
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
