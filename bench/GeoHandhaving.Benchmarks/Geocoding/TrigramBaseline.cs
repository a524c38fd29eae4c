using GeoHandhaving.Core.Addresses;
using Npgsql;
using NpgsqlTypes;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>
/// The plain-PostgreSQL geocoder we compare against: the Core parser splits the query, then an exact lookup on
/// postcode + huisnummer (+ huisletter/toevoeging readings) or a <c>pg_trgm</c> similarity search on the street
/// (+ huisnummer, woonplaats). Two best rows with the same score and reading count as ambiguous (not matched).
/// </summary>
internal sealed class TrigramBaseline : IAsyncDisposable
{
    /// <summary>Created by the benchmark, not by the migrations: the service itself never searches the database by text.</summary>
    public const string CreateIndexes = """
        CREATE INDEX IF NOT EXISTS bench_adres_straat_trgm ON adres USING gin (straat gin_trgm_ops);
        CREATE INDEX IF NOT EXISTS bench_adres_postcode_huisnummer ON adres (postcode, huisnummer);
        ANALYZE adres;
        """;

    // The readings of the huisletter/toevoeging, most likely first, joined so the best reading wins a tie on score.
    private const string SelectByReading = """
        SELECT a.postcode, a.huisnummer, a.huisletter, a.toevoeging, {0} AS score, r.ordinal
        FROM adres a
        JOIN unnest(@huisletters, @toevoegingen) WITH ORDINALITY AS r(huisletter, toevoeging, ordinal)
          ON a.huisletter = r.huisletter AND a.toevoeging = r.toevoeging
        WHERE a.gemeente_id = @gemeente AND a.huisnummer = @huisnummer AND {1}
        ORDER BY score DESC, r.ordinal
        LIMIT 2
        """;

    private static readonly string ExactSql = string.Format(SelectByReading, "1::real", "a.postcode = @postcode");

    private static readonly string TrigramSql = string.Format(SelectByReading, "similarity(a.straat, @straat)",
        "a.straat % @straat AND (@woonplaats::text IS NULL OR a.woonplaats = @woonplaats)");

    private readonly NpgsqlConnection _connection;
    private readonly WoonplaatsSynonyms _woonplaatsen;
    private readonly NpgsqlCommand _exact;
    private readonly NpgsqlCommand _trigram;

    private TrigramBaseline(NpgsqlConnection connection, string gemeenteId, WoonplaatsSynonyms woonplaatsen)
    {
        _connection = connection;
        _woonplaatsen = woonplaatsen;
        _exact = Command(ExactSql, gemeenteId, ("postcode", NpgsqlDbType.Text));
        _trigram = Command(TrigramSql, gemeenteId, ("straat", NpgsqlDbType.Text), ("woonplaats", NpgsqlDbType.Text));
    }

    public static async Task<TrigramBaseline> OpenAsync(NpgsqlDataSource dataSource, string gemeenteId, WoonplaatsSynonyms woonplaatsen)
    {
        var baseline = new TrigramBaseline(await dataSource.OpenConnectionAsync(), gemeenteId, woonplaatsen);
        await baseline._exact.PrepareAsync();
        await baseline._trigram.PrepareAsync();
        return baseline;
    }

    public async Task<AddressKey?> GeocodeAsync(string text)
    {
        var query = AddressQuery.Parse(text, _woonplaatsen);
        if (query.Aanduiding is not { } aanduiding)
        {
            return null;
        }
        NpgsqlCommand command;
        if (query.Postcode is { } postcode)
        {
            command = _exact;
            command.Parameters["postcode"].Value = postcode.Value;
        }
        else
        {
            command = _trigram;
            command.Parameters["straat"].Value = query.Street;
            command.Parameters["woonplaats"].Value = (object?)query.Woonplaats ?? DBNull.Value;
        }
        var readings = aanduiding.Interpretations().ToArray();
        command.Parameters["huisnummer"].Value = aanduiding.Huisnummer;
        command.Parameters["huisletters"].Value = readings.Select(r => r.Huisletter ?? "").ToArray();
        command.Parameters["toevoegingen"].Value = readings.Select(r => r.Toevoeging ?? "").ToArray();

        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            return null;
        }
        var best = new AddressKey(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3));
        var (bestScore, bestReading) = (reader.GetFloat(4), reader.GetInt64(5));
        var tied = await reader.ReadAsync() && reader.GetFloat(4) == bestScore && reader.GetInt64(5) == bestReading;
        return tied ? null : best;
    }

    private NpgsqlCommand Command(string sql, string gemeenteId, params (string Name, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlCommand(sql, _connection);
        command.Parameters.Add(new NpgsqlParameter("gemeente", NpgsqlDbType.Text) { Value = gemeenteId });
        command.Parameters.Add(new NpgsqlParameter("huisnummer", NpgsqlDbType.Integer));
        command.Parameters.Add(new NpgsqlParameter("huisletters", NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("toevoegingen", NpgsqlDbType.Array | NpgsqlDbType.Text));
        foreach (var (name, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type));
        }
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _exact.DisposeAsync();
        await _trigram.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
