using System.Text;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>Filters for the meldingen list; weekday and hour are Europe/Amsterdam local time.</summary>
public sealed record MeldingFilter(
    string? Wijk = null, string? Buurt = null, string? Categorie = null, MeldingStatus? Status = null,
    DateTimeOffset? Van = null, DateTimeOffset? Tot = null, int? Weekdag = null, int? Uur = null,
    Envelope? BboxRd = null, bool? ZonderEigenaar = null, IReadOnlyList<long>? Ids = null, bool? Afgehandeld = null);

public sealed record MeldingRij(long Id, string Bron, string ExternId, string Categorie, string? Subcategorie,
    DateTimeOffset GemeldOp, DateTimeOffset? WaargenomenOp, string? Omschrijving, string? AdresTekst, Point? Locatie,
    string GeocodeStatus, string? WijkCode, string? BuurtCode, long? EigenaarBoaId, string? EigenaarCode, string? EigenaarNaam,
    string? EigenaarReden, MeldingStatus Status, long? MogelijkDuplicaatVanId, bool HeeftMelderContact, DateTimeOffset BijgewerktOp);

/// <summary>
/// The read side of meldingen. A boa sees only the meldingen of the wijken he or she is wijkboa of; everyone is
/// scoped to the gemeente of the token. Only parameterised SQL.
/// </summary>
public sealed class MeldingenQueries(NpgsqlDataSource dataSource, CurrentUser user)
{
    private bool AlleenEigenWijken => AlleenEigenWijkenVoor(user);

    /// <summary>A boa (without a wider role) sees only the meldingen of his or her own wijken; parameter @gebruiker = <see cref="CurrentUser.Naam"/>.</summary>
    internal static bool AlleenEigenWijkenVoor(CurrentUser user) => user.IsInRole(Roles.Boa) && !user.IsInRole(Roles.Teamleider)
        && !user.IsInRole(Roles.Admin) && !user.IsInRole(Roles.Intake);

    public async Task<(IReadOnlyList<MeldingRij> Rijen, long Totaal)> ZoekAsync(MeldingFilter filter, Paging paging, CancellationToken ct)
    {
        var where = new StringBuilder("m.gemeente_id = @gemeente");
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        void Add(string condition, string name, object value)
        {
            where.Append(" AND ").Append(condition);
            command.Parameters.AddWithValue(name, value);
        }
        if (filter.Wijk is not null) Add("m.wijk_code = @wijk", "wijk", filter.Wijk);
        if (filter.Buurt is not null) Add("m.buurt_code = @buurt", "buurt", filter.Buurt);
        if (filter.Categorie is not null) Add("m.categorie = @categorie", "categorie", filter.Categorie);
        if (filter.Status is not null) Add("m.status = @status", "status", filter.Status.Value.ToString());
        if (filter.Van is not null) Add("m.gemeld_op >= @van", "van", filter.Van.Value.UtcDateTime);
        if (filter.Tot is not null) Add("m.gemeld_op < @tot", "tot", filter.Tot.Value.UtcDateTime);
        if (filter.Weekdag is not null) Add($"{AmsterdamTimeSql.Weekdag("m.gemeld_op")} = @weekdag", "weekdag", filter.Weekdag.Value);
        if (filter.Uur is not null) Add($"{AmsterdamTimeSql.Uur("m.gemeld_op")} = @uur", "uur", filter.Uur.Value);
        if (filter.ZonderEigenaar is true) where.Append(" AND m.eigenaar_boa_id IS NULL");
        if (filter.Ids is not null) Add("m.id = ANY(@ids)", "ids", filter.Ids.ToArray());
        if (filter.Afgehandeld is { } afgehandeld) where.Append(afgehandeld ? " AND m.status = 'Afgehandeld'" : " AND m.status <> 'Afgehandeld'");
        if (filter.BboxRd is { } box)
        {
            where.Append(" AND m.locatie && ST_MakeEnvelope(@minx, @miny, @maxx, @maxy, 28992)");
            command.Parameters.AddWithValue("minx", box.MinX);
            command.Parameters.AddWithValue("miny", box.MinY);
            command.Parameters.AddWithValue("maxx", box.MaxX);
            command.Parameters.AddWithValue("maxy", box.MaxY);
        }
        if (AlleenEigenWijken)
        {
            where.Append(" AND ").Append(MeldingenSql.BoaScope);
            command.Parameters.AddWithValue("gebruiker", user.Naam);
        }
        command.CommandText = $"""
            {MeldingenSql.Rij} WHERE {where} ORDER BY m.gemeld_op DESC, m.id DESC OFFSET @offset LIMIT @limit;
            SELECT count(*) FROM melding m WHERE {where};
            """;
        command.Parameters.AddWithValue("offset", paging.Offset);
        command.Parameters.AddWithValue("limit", paging.Limit);
        var rijen = new List<MeldingRij>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rijen.Add(Read(reader));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (rijen, reader.GetInt64(0));
    }

    /// <summary>One melding, or null when it does not exist in the caller's gemeente or (for a boa) is outside his or her wijken.</summary>
    public Task<MeldingRij?> VindAsync(long id, CancellationToken ct) =>
        VindEenAsync("m.id = @id", [new("id", id)], ct);

    /// <summary>The melding a source registered under its own id (the key that makes intake idempotent), scoped the same way.</summary>
    public Task<MeldingRij?> VindAsync(string bron, string externId, CancellationToken ct) =>
        VindEenAsync("m.bron = @bron AND m.extern_id = @externId", [new("bron", bron), new("externId", externId)], ct);

    private async Task<MeldingRij?> VindEenAsync(string condition, NpgsqlParameter[] parameters, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        command.CommandText = $"{MeldingenSql.Rij} WHERE m.gemeente_id = @gemeente AND " +
            $"{condition}" + (AlleenEigenWijken ? $" AND {MeldingenSql.BoaScope}" : "");
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        command.Parameters.AddRange(parameters);
        if (AlleenEigenWijken) command.Parameters.AddWithValue("gebruiker", user.Naam);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    private static MeldingRij Read(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4),
        r.GetFieldValue<DateTimeOffset>(5), r.IsDBNull(6) ? null : r.GetFieldValue<DateTimeOffset>(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<Point>(9), r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetInt64(13),
        r.IsDBNull(14) ? null : r.GetString(14), r.IsDBNull(15) ? null : r.GetString(15), r.IsDBNull(16) ? null : r.GetString(16),
        Enum.Parse<MeldingStatus>(r.GetString(17)), r.IsDBNull(18) ? null : r.GetInt64(18), r.GetBoolean(19),
        r.GetFieldValue<DateTimeOffset>(20));
}
