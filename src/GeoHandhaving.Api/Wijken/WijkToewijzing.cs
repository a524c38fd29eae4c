using Npgsql;

namespace GeoHandhaving.Api.Wijken;

/// <summary>
/// Where a melding gets its owner: the wijk of the active wijkindeling it lies in, and that wijk's primary
/// wijkboa. A melding outside every wijk, without a location or in a wijk without boa keeps the reason in words.
/// </summary>
public static class WijkToewijzing
{
    public const string BuitenAlleWijken = "buiten alle wijken";
    public const string WijkZonderBoa = "wijk zonder wijkboa";

    /// <summary>Assigns the given meldingen, or all meldingen of the gemeente when <paramref name="ids"/> is null.</summary>
    public static async Task<int> WijsToeAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string gemeenteId, long[]? ids, DateTimeOffset op, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Sql, conn, tx);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.Add(new NpgsqlParameter<long[]?>("ids", ids) { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint });
        command.Parameters.AddWithValue("op", op.UtcDateTime);
        command.Parameters.AddWithValue("buiten", BuitenAlleWijken);
        command.Parameters.AddWithValue("zonderboa", WijkZonderBoa);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct));
    }

    // The status change Nieuw -> Toegewezen is written to the melding's history in the same statement.
    private const string Sql = """
        WITH toegewezen AS (
        UPDATE melding m SET
            wijk_code = t.wijk_code,
            buurt_code = t.buurt_code,
            eigenaar_boa_id = t.boa_id,
            eigenaar_reden = CASE
                WHEN m.locatie IS NULL THEN m.eigenaar_reden
                WHEN t.wijk_code IS NULL THEN @buiten
                WHEN t.boa_id IS NULL THEN @zonderboa
                ELSE NULL END,
            status = CASE
                WHEN m.status = 'Nieuw' AND t.boa_id IS NOT NULL THEN 'Toegewezen'
                ELSE m.status END
        FROM (
            SELECT n.id, n.status AS oude_status, w.code AS wijk_code, b.code AS buurt_code, wb.boa_id
            FROM melding n
            LEFT JOIN LATERAL (
                SELECT w.code FROM wijk w
                JOIN wijkindeling wi ON wi.gemeente_id = w.gemeente_id AND wi.id = w.wijkindeling_id AND wi.status = 'Actief'
                WHERE w.gemeente_id = n.gemeente_id AND ST_Intersects(w.geometrie, n.locatie)
                ORDER BY w.code LIMIT 1) w ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT b.code FROM buurt b
                WHERE b.gemeente_id = n.gemeente_id AND ST_Intersects(b.geometrie, n.locatie)
                ORDER BY b.code LIMIT 1) b ON n.locatie IS NOT NULL
            LEFT JOIN LATERAL (
                SELECT wb.boa_id FROM wijk_boa wb
                WHERE wb.gemeente_id = n.gemeente_id AND wb.wijk_code = w.code
                ORDER BY wb.primair DESC, wb.boa_id LIMIT 1) wb ON w.code IS NOT NULL
            WHERE n.gemeente_id = @gemeente AND (@ids IS NULL OR n.id = ANY(@ids))
        ) t
        WHERE m.gemeente_id = @gemeente AND m.id = t.id
        RETURNING m.id, m.wijk_code, t.oude_status, m.status AS nieuwe_status
        ), historie AS (
            INSERT INTO melding_gebeurtenis (gemeente_id, melding_id, status, op, door, toelichting)
            SELECT @gemeente, id, 'Toegewezen', @op, 'systeem', 'wijkboa van wijk ' || wijk_code
            FROM toegewezen WHERE oude_status = 'Nieuw' AND nieuwe_status = 'Toegewezen'
        )
        SELECT count(*) FROM toegewezen
        """;
}
