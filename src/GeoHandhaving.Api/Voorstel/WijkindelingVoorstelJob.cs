using System.Runtime.CompilerServices;
using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Wijken;
using GeoHandhaving.Core.Districting;
using GeoHandhaving.Core.TimeWindows;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using CoreBuurt = GeoHandhaving.Core.Districting.Buurt;

namespace GeoHandhaving.Api.Voorstel;

/// <summary>
/// Draws a workload-balanced, compact, contiguous wijkindeling from the buurten (Core/Districting) and stores it as a
/// draft wijkindeling, through the same store and validation as a hand-drawn one, so the analyst reviews, edits and
/// activates it with the usual tools. Runs as a Hangfire job: large gemeenten take a while, so the job writes its
/// progress to its <see cref="VoorstelRun"/> at most once per <see cref="ProgressInterval"/>, and its outcome there.
/// </summary>
public sealed class WijkindelingVoorstelJob(
    GeoHandhavingDbContext db, NpgsqlDataSource dataSource, Wijkindelingen indelingen, WijkenStore store, VoorstelRuns runs,
    HotspotWindows windows, TimeProvider clock, ILogger<WijkindelingVoorstelJob> log)
{
    public const string WerklastMeldingen = "meldingen";
    public const string WerklastAdressen = "adressen";

    /// <summary>Often enough for a progress bar, rare enough that a long run costs the database nothing to speak of.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Proposes for the stored request of run <paramref name="voorstelId"/>; returns the draft's id. Run twice, a completed
    /// run returns its draft. No automatic retry: the same input fails the same way, and the reason is in the run's status.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task<long> RunAsync(string gemeenteId, long voorstelId, CancellationToken ct)
    {
        var run = await runs.FindAsync(gemeenteId, voorstelId, ct)
            ?? throw new InvalidOperationException($"Voorstel {voorstelId} van {gemeenteId} bestaat niet.");
        if (run is { Status: VoorstelRunStatus.Voltooid, WijkindelingId: { } klaar })
        {
            return klaar;
        }
        await runs.StartAsync(gemeenteId, voorstelId, ct);
        try
        {
            var (conceptId, samenvatting) = await ProposeAsync(run, JsonSerializer.Deserialize<VoorstelInvoer>(run.Verzoek, VoorstelRuns.Json)!, ct);
            await runs.CompleteAsync(gemeenteId, voorstelId, conceptId, samenvatting, ct);
            return conceptId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await runs.FailAsync(gemeenteId, voorstelId, e.Message);
            throw;
        }
    }

    private async Task<(long ConceptId, VoorstelSamenvatting Samenvatting)> ProposeAsync(VoorstelRun run, VoorstelInvoer verzoek, CancellationToken ct)
    {
        var gemeenteId = run.GemeenteId;
        var buurtRows = await db.Buurten.AsNoTracking().Where(b => b.GemeenteId == gemeenteId).OrderBy(b => b.Code).ToListAsync(ct);
        if (buurtRows.Count < (verzoek.Aantal ?? 0))
        {
            throw new InvalidOperationException($"{buurtRows.Count} buurten is te weinig voor {verzoek.Aantal} wijken.");
        }
        var buurten = buurtRows.Select(b => new CoreBuurt(b.Code, b.Geometrie)).ToList();
        var perBuurt = verzoek.Werklast == WerklastAdressen
            ? await AdressenPerBuurtAsync(gemeenteId, ct)
            : await MeldingenPerBuurtAsync(gemeenteId, verzoek, ct);
        var workload = buurten.Select(b => perBuurt.GetValueOrDefault(b.Code)).ToList();
        var current = await HuidigeIndelingAsync(gemeenteId, ct);
        var result = await ProposeReportingProgressAsync(run, buurten, workload, new DistrictingOptions
        {
            WijkCount = verzoek.Aantal!.Value,
            Seed = verzoek.Seed ?? 1,
            CompactnessWeight = verzoek.Compactheid ?? 1,
            KeepCurrentWeight = verzoek.HuidigeBehouden ?? 0,
            CurrentWijkByBuurt = current.Count > 0 ? current : null,
            LockedWijkByBuurt = verzoek.VastgezetteBuurten?.ToDictionary(v => v.Key, v => v.Value - 1),
            CodePrefix = "V",
        }, ct);

        var actor = new Actor(gemeenteId, run.AangevraagdDoor);
        var naam = $"Voorstel {result.Wijken.Count} wijken ({verzoek.Werklast ?? WerklastMeldingen}, seed {verzoek.Seed ?? 1}, " +
                   $"max. afwijking {result.Stats.MaxRelativeDeviation:P1}{(result.Balance.WithinTolerance ? "" : ", buiten de tolerantie")})";
        var concept = await indelingen.CreateDraftAsync(actor, naam, kopieVanActief: false, ct);
        foreach (var wijk in result.Wijken)
        {
            var stored = await store.CreateAsync(actor, concept.Id, wijk.Code, $"{wijk.Code} ({wijk.BuurtCount} buurten)", wijk.Geometry,
                Crs.RdNewCrs, $"voorstel: werklast {wijk.Workload:F0}, Polsby-Popper {wijk.PolsbyPopper:F2}", ct);
            if (stored.Fout is { } fout)
            {
                throw new InvalidOperationException($"Voorgestelde wijk {wijk.Code} geweigerd: {fout.Omschrijving}");
            }
        }
        log.LogInformation("Proposal {Concept} for {Gemeente}: {Count} wijken, max deviation {Deviation:P1}, mean PP {PP:F2} in {Ms} ms; {Reason}",
            concept.Id, gemeenteId, result.Wijken.Count, result.Stats.MaxRelativeDeviation, result.Stats.MeanPolsbyPopper,
            result.Runtime.TotalMilliseconds, result.Balance.Reason ?? "within tolerance");
        return (concept.Id, VoorstelSamenvatting.From(result));
    }

    /// <summary>
    /// Runs the proposer on a worker thread and writes its latest progress every <see cref="ProgressInterval"/> from
    /// here, so the database sees one small update per interval however often Core reports, and the DbContext is
    /// only used from this flow.
    /// </summary>
    private async Task<DistrictingResult> ProposeReportingProgressAsync(VoorstelRun run, List<CoreBuurt> buurten, List<double> workload,
        DistrictingOptions options, CancellationToken ct)
    {
        var latest = new StrongBox<DistrictingProgress?>();
        var proposing = Task.Run(() => WijkProposer.Propose(buurten, workload, options,
            new SynchronousProgress<DistrictingProgress>(p => Volatile.Write(ref latest.Value, p)), ct), ct);
        DistrictingProgress? written = null;
        while (await Task.WhenAny(proposing, Task.Delay(ProgressInterval, clock, ct)) != proposing)
        {
            if (Volatile.Read(ref latest.Value) is { } progress && progress != written)
            {
                await runs.ReportAsync(run.GemeenteId, run.Id, progress, ct);
                written = progress;
            }
        }
        return await proposing;
    }

    private async Task<Dictionary<string, double>> AdressenPerBuurtAsync(string gemeenteId, CancellationToken ct) =>
        await db.Adressen.Where(a => a.GemeenteId == gemeenteId && a.BuurtCode != null)
            .GroupBy(a => a.BuurtCode!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => (double)g.Count, ct);

    /// <summary>
    /// Meldingen of the last year (from the quarter hour a year ago) per buurt, each weighted by its categorie; with a window
    /// only those the window counts for the hotspots too (its time, categories and school days). Read from the heatmap's
    /// cell table per quarter hour: a window on quarter hours (checked when the proposal is asked) holds a quarter wholly or not.
    /// </summary>
    private async Task<Dictionary<string, double>> MeldingenPerBuurtAsync(string gemeenteId, VoorstelInvoer verzoek, CancellationToken ct)
    {
        Func<DateTimeOffset, string, bool> telt = (_, _) => true;
        if (verzoek.Venster is { Length: > 0 } text)
        {
            var resolved = await windows.ResolveAsync(gemeenteId, text, ct);
            if (VoorstelApi.VensterFout(resolved) is { } fout) throw new InvalidOperationException($"venster: {fout}");
            var venster = resolved.Window!;
            var (_, kalender, regio) = await windows.ContextAsync(gemeenteId, ct);
            telt = (op, categorie) => (venster.Categories.Count == 0 || venster.Categories.Contains(categorie)) && venster.Contains(op, kalender, regio);
        }
        var jaarGeleden = clock.GetUtcNow().AddYears(-1).UtcDateTime;
        var totals = new Dictionary<string, double>();
        await using var command = dataSource.CreateCommand(WijkBalansSql.MeldingenVanHetJaar);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        command.Parameters.AddWithValue("van", jaarGeleden.AddTicks(-(jaarGeleden.Ticks % (15 * TimeSpan.TicksPerMinute))));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var (buurt, categorie) = (reader.GetString(0), reader.GetString(1));
            if (!telt(reader.GetFieldValue<DateTimeOffset>(2), categorie)) continue;
            var gewicht = verzoek.CategorieGewichten?.GetValueOrDefault(categorie, 1) ?? 1;
            totals[buurt] = totals.GetValueOrDefault(buurt) + gewicht * reader.GetInt32(3);
        }
        return totals;
    }

    /// <summary>Today's wijk of every buurt: the active wijk that holds a point inside the buurt.</summary>
    private async Task<Dictionary<string, string>> HuidigeIndelingAsync(string gemeenteId, CancellationToken ct)
    {
        var current = new Dictionary<string, string>();
        await using var command = dataSource.CreateCommand(WijkBalansSql.HuidigeWijkPerBuurt);
        command.Parameters.AddWithValue("gemeente", gemeenteId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) current[reader.GetString(0)] = reader.GetString(1);
        return current;
    }
}
