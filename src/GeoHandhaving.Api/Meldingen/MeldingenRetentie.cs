using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>Configuration section "Retentie": how long the AVG and the Archiefwet let us keep what.</summary>
public sealed class RetentieOptions
{
    public const string Section = "Retentie";
    /// <summary>The melder's contact details are anonymised this many days after the melding was closed.</summary>
    public int ContactNaAfhandelingDagen { get; set; } = 365;
    /// <summary>Closed meldingen are deleted this many years after they were reported, unless their categorie says otherwise.</summary>
    public int MeldingBewaartermijnJaren { get; set; } = 5;
    /// <summary>Selectielijst per categorie, e.g. "Retentie:MeldingBewaartermijnJarenPerCategorie:drugsoverlast": 10.</summary>
    public Dictionary<string, int> MeldingBewaartermijnJarenPerCategorie { get; set; } = [];
    public string NightlyCron { get; set; } = "15 4 * * *";
}

public sealed record RetentieResultaat(int ContactenGeanonimiseerd, int MeldingenVerwijderd);

/// <summary>
/// The nightly retention job over every gemeente: anonymises contact details after the contact period and deletes
/// closed meldingen after their bewaartermijn (history and contact go with them by cascade; the audit log
/// contact_inzage stays as proof of lawful access). Idempotent: a second run finds nothing left to do.
/// </summary>
public sealed class MeldingenRetentie(NpgsqlDataSource dataSource, IOptions<RetentieOptions> options, TimeProvider clock,
    ILogger<MeldingenRetentie> log)
{
    public const string NightlyJobId = "retentie-nachtelijk";

    public static void RegisterNightly(IRecurringJobManager recurring, RetentieOptions options) =>
        recurring.AddOrUpdate<MeldingenRetentie>(NightlyJobId, j => j.RunAsync(CancellationToken.None), options.NightlyCron,
            new RecurringJobOptions { TimeZone = AmsterdamTime.Zone });

    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<RetentieResultaat> RunAsync(CancellationToken ct)
    {
        var retentie = options.Value;
        var nu = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using var anonimiseer = new NpgsqlCommand(MeldingenSql.AnonimiseerContacten, connection, transaction);
        anonimiseer.Parameters.AddWithValue("nu", nu);
        anonimiseer.Parameters.AddWithValue("dagen", retentie.ContactNaAfhandelingDagen);
        var geanonimiseerd = await anonimiseer.ExecuteNonQueryAsync(ct);

        await using var verwijder = new NpgsqlCommand(MeldingenSql.VerwijderMeldingen, connection, transaction);
        verwijder.Parameters.AddWithValue("nu", nu);
        verwijder.Parameters.AddWithValue("categorieen", retentie.MeldingBewaartermijnJarenPerCategorie.Keys.Select(k => k.ToLowerInvariant()).ToArray());
        verwijder.Parameters.AddWithValue("jaren", retentie.MeldingBewaartermijnJarenPerCategorie.Values.ToArray());
        verwijder.Parameters.AddWithValue("standaardJaren", retentie.MeldingBewaartermijnJaren);
        var verwijderd = await verwijder.ExecuteNonQueryAsync(ct);

        await transaction.CommitAsync(ct);
        log.LogInformation("Retentie: {Geanonimiseerd} melderscontacten geanonimiseerd, {Verwijderd} meldingen verwijderd", geanonimiseerd, verwijderd);
        return new RetentieResultaat(geanonimiseerd, verwijderd);
    }
}
