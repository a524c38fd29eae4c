using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using NetTopologySuite.Geometries;
using Npgsql;

namespace GeoHandhaving.Api.Briefing;

public sealed record BriefingBoa(string Code, string Naam, string[] Wijken);

public sealed record BriefingWijkGegevens(string Code, string Naam, Geometry Geometrie, string[] Boas);

/// <summary>The reads of the briefing, scoped to the caller's gemeente.</summary>
public sealed class BriefingQueries(NpgsqlDataSource dataSource, CurrentUser user)
{
    public Task<BriefingBoa?> BoaAsync(string code, CancellationToken ct) => BoaAsync(code, null, ct);

    /// <summary>The boa linked to the caller's token (boa.gebruikersnaam = token subject).</summary>
    public Task<BriefingBoa?> BoaVanGebruikerAsync(CancellationToken ct) => BoaAsync(null, user.Naam, ct);

    private async Task<BriefingBoa?> BoaAsync(string? code, string? gebruiker, CancellationToken ct)
    {
        await using var command = Command(BriefingSql.Boa);
        command.Parameters.Add(new NpgsqlParameter<string?>("code", code));
        command.Parameters.Add(new NpgsqlParameter<string?>("gebruiker", gebruiker));
        await using var r = await command.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new BriefingBoa(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2)) : null;
    }

    public async Task<List<string>> BoaCodesAsync(CancellationToken ct)
    {
        await using var command = Command(BriefingSql.BoaCodes);
        var codes = new List<string>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) codes.Add(r.GetString(0));
        return codes;
    }

    /// <param name="codes">Only these wijken; null: every wijk of the active wijkindeling.</param>
    public async Task<List<BriefingWijkGegevens>> WijkenAsync(string[]? codes, CancellationToken ct)
    {
        await using var command = Command(BriefingSql.ActieveWijken);
        command.Parameters.Add(new NpgsqlParameter<string[]?>("wijken", codes));
        var wijken = new List<BriefingWijkGegevens>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            wijken.Add(new BriefingWijkGegevens(r.GetString(0), r.GetString(1), r.GetFieldValue<Geometry>(2), r.GetFieldValue<string[]>(3)));
        }
        return wijken;
    }

    public async Task<List<KaartSchool>> ScholenAsync(CancellationToken ct)
    {
        await using var command = Command(BriefingSql.Scholen);
        var scholen = new List<KaartSchool>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) scholen.Add(new KaartSchool(r.GetString(0), r.GetFieldValue<Point>(1)));
        return scholen;
    }

    /// <returns>Per wijk the oldest <paramref name="perWijk"/> requests, and how many there are in all.</returns>
    public async Task<(ILookup<string, Terugbelverzoek> PerWijk, IReadOnlyDictionary<string, int> Totaal)> TerugbellenAsync(
        string[] wijken, DateTimeOffset vanaf, DateTimeOffset tot, int perWijk, CancellationToken ct)
    {
        await using var command = Command(BriefingSql.Terugbellen);
        command.Parameters.AddWithValue("wijken", wijken);
        command.Parameters.AddWithValue("vanaf", vanaf.UtcDateTime);
        command.Parameters.AddWithValue("tot", tot.UtcDateTime);
        command.Parameters.AddWithValue("perWijk", perWijk);
        command.Parameters.AddWithValue("afgerond", Terugbeluitkomst.AfgerondeCodes);
        var rows = new List<(string Wijk, Terugbelverzoek Verzoek)>();
        var totaal = new Dictionary<string, int>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var laatste = r.IsDBNull(7) ? null : r.GetString(7);
            rows.Add((r.GetString(0), new Terugbelverzoek(r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4), 0,
                StatusTekst(r.GetString(5)), (int)r.GetInt64(6), laatste, Terugbeluitkomst.Vind(laatste)?.Tekst)));
            totaal[r.GetString(0)] = (int)r.GetInt64(8);
        }
        return (rows.ToLookup(x => x.Wijk, x => x.Verzoek), totaal);
    }

    /// <summary>How many of the still open meldingen since the previous dienst are named per wijk (the others are counted).</summary>
    public const int MaxOpenSindsVorigeDienst = 25;

    /// <summary>Per wijk what came in during [vanaf, tot): counts per categorie and bron, and the ones still open.</summary>
    public async Task<Dictionary<string, SindsVorigeDienst>> SindsAsync(string[] wijken, DateTimeOffset vanaf, DateTimeOffset tot, CancellationToken ct)
    {
        var tellingen = new List<(string Wijk, Telling Telling)>();
        await using (var command = Command(BriefingSql.SindsTelling))
        {
            command.Parameters.AddWithValue("wijken", wijken);
            command.Parameters.AddWithValue("vanaf", vanaf.UtcDateTime);
            command.Parameters.AddWithValue("tot", tot.UtcDateTime);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) tellingen.Add((r.GetString(0), new Telling(r.GetString(1), r.GetString(2), r.GetInt32(3))));
        }
        var open = new List<(string Wijk, OpenSindsVorigeDienst Melding)>();
        var openTotaal = new Dictionary<string, int>();
        await using (var command = Command(BriefingSql.SindsOpen))
        {
            command.Parameters.AddWithValue("wijken", wijken);
            command.Parameters.AddWithValue("vanaf", vanaf.UtcDateTime);
            command.Parameters.AddWithValue("tot", tot.UtcDateTime);
            command.Parameters.AddWithValue("perWijk", MaxOpenSindsVorigeDienst);
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                open.Add((r.GetString(0),
                    new OpenSindsVorigeDienst(r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetFieldValue<DateTimeOffset>(5))));
                openTotaal[r.GetString(0)] = (int)r.GetInt64(6);
            }
        }
        var openPerWijk = open.ToLookup(o => o.Wijk, o => o.Melding);
        return tellingen.GroupBy(t => t.Wijk).ToDictionary(g => g.Key, g => new SindsVorigeDienst("",
            g.Sum(t => t.Telling.Aantal), g.Where(t => t.Telling.Bron == "dagrapportage").Sum(t => t.Telling.Aantal),
            [.. g.Select(t => t.Telling)], [.. openPerWijk[g.Key]], openTotaal.GetValueOrDefault(g.Key)));
    }

    /// <summary>A status as a boa says it: "in behandeling".</summary>
    public static string StatusTekst(string status) => Enum.TryParse<MeldingStatus>(status, out var s)
        ? s switch { MeldingStatus.InBehandeling => "in behandeling", _ => s.ToString().ToLowerInvariant() }
        : status;

    private NpgsqlCommand Command(string sql)
    {
        var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("gemeente", user.GemeenteId);
        return command;
    }
}
