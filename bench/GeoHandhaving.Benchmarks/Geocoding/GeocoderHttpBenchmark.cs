using System.Diagnostics;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Core.Addresses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using static GeoHandhaving.Benchmarks.BenchmarkEnvironment;

namespace GeoHandhaving.Benchmarks.Geocoding;

/// <summary>
/// `geocoder-http [--data PATH] [--queries N] [--baseline-queries N] [--seed S] [--gemeente ID] [--port P]`: loads the
/// Amsterdam BAG into the database (once), then on the same noisy queries measures the in-process batch, the real API over
/// HTTP (single lookups sequential and concurrent, one batch request) and a plain PostgreSQL baseline (exact + pg_trgm).
/// Needs ConnectionStrings__GeoHandhaving and a Release build of the API.
/// </summary>
internal static class GeocoderHttpBenchmark
{
    public const string Description = "BAG in PostGIS: in-process batch vs HTTP API (latency, concurrency, batch) vs pg_trgm baseline";

    private static readonly JsonSerializerOptions ApiJson = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        await using var dataSource = DataServices.BuildDataSource(ConnectionString());
        var addresses = BagCsvReader.ReadFile(options.DataPath, []).ToList();
        await LoadBagOnceAsync(dataSource, options);

        var queries = NoisyQuerySet.Generate(addresses, options.QueryCount, options.Seed);
        var texts = queries.Select(q => q.Text).ToList();
        Console.WriteLine($"queries  {texts.Count:N0} (seed {options.Seed}); machine {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var inProcess = await MeasureInProcessAsync(dataSource, options.GemeenteId, texts);
        var (httpSingle, httpSequentialPerSecond, httpBatch) = await MeasureHttpAsync(options, texts);
        var baselineTexts = texts.Take(options.BaselineQueryCount).ToList();
        var (baseline, baselinePerSecond) = await MeasureBaselineAsync(dataSource, options.GemeenteId, addresses, baselineTexts);

        Console.WriteLine();
        GeocodeAccuracy.PrintByKind(queries, NoisyQuerySet.Kinds,
        [
            ("in-process", GeocodeAccuracy.JudgeAll(queries, inProcess.Matches)),
            ("HTTP single", GeocodeAccuracy.JudgeAll(queries, httpSingle)),
            ("HTTP batch", GeocodeAccuracy.JudgeAll(queries, httpBatch)),
            ($"pg_trgm ({baselineTexts.Count:N0})", GeocodeAccuracy.JudgeAll(queries.Take(baselineTexts.Count).ToList(), baseline)),
        ]);
        Console.WriteLine();
        Console.WriteLine($"ratio    in-process batch (1 thread) ÷ pg_trgm: {inProcess.PerSecond / baselinePerSecond:F0}×; " +
                          $"HTTP single sequential ÷ pg_trgm: {httpSequentialPerSecond / baselinePerSecond:F1}×");
        return 0;
    }

    private static async Task LoadBagOnceAsync(NpgsqlDataSource dataSource, Options options)
    {
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM adres WHERE gemeente_id = @gemeente");
        count.Parameters.AddWithValue("gemeente", options.GemeenteId);
        if ((long)(await count.ExecuteScalarAsync())! > 0)
        {
            Console.WriteLine($"bag      already loaded for gemeente {options.GemeenteId}");
            return;
        }
        var clock = Stopwatch.StartNew();
        using var csv = new StreamReader(new GZipStream(File.OpenRead(options.DataPath), CompressionMode.Decompress));
        var report = await new BagImport(dataSource).ImportAsync(options.GemeenteId, csv, null, CancellationToken.None);
        Console.WriteLine($"bag      imported {report.Nieuw:N0} addresses for gemeente {options.GemeenteId} in {clock.Elapsed.TotalSeconds:F1} s " +
                          $"({report.Fouten.Count} bad rows); load average {LoadAverage()}");
    }

    private static async Task<(AddressKey?[] Matches, double PerSecond)> MeasureInProcessAsync(
        NpgsqlDataSource dataSource, string gemeenteId, List<string> texts)
    {
        // The registry the API uses, so the in-process figures are for the same geocoder built from the same rows.
        var geocoder = await new GeocoderRegistry(dataSource, NullLogger<GeocoderRegistry>.Instance).ForGemeenteAsync(gemeenteId);
        // Tiered JIT recompiles hot methods in the background: two passes and a pause, so the figures are for optimised code.
        geocoder.GeocodeBatch(texts);
        Thread.Sleep(500);
        geocoder.GeocodeBatch(texts);
        var (results, perSecond, perCpuSecond) = GeocoderBenchmark.MeasureBatch(() => geocoder.GeocodeBatch(texts), texts.Count);
        var (_, parallelPerSecond, _) = GeocoderBenchmark.MeasureBatch(() => geocoder.GeocodeBatch(texts, Environment.ProcessorCount), texts.Count);
        Console.WriteLine($"batch    in-process GeocodeBatch: 1 thread {perSecond:N0} queries/s wall ({perCpuSecond:N0} per CPU-second), " +
                          $"{Environment.ProcessorCount} threads {parallelPerSecond:N0} queries/s; load average {LoadAverage()}");
        return ([.. results.Select(AddressKey.OfMatch)], perSecond);
    }

    private static async Task<(AddressKey?[] Single, double SequentialPerSecond, AddressKey?[] Batch)> MeasureHttpAsync(Options options, List<string> texts)
    {
        var apiDll = Path.Combine(RepositoryRoot(), "src", "GeoHandhaving.Api", "bin", "Release", "net10.0", "GeoHandhaving.Api.dll");
        var clock = Stopwatch.StartNew();
        await using var api = await ApiProcess.StartAsync(apiDll, new Uri($"http://127.0.0.1:{options.Port}"), ConnectionString());
        Console.WriteLine($"api      healthy after {clock.Elapsed.TotalSeconds:F1} s at {api.BaseAddress}");
        // One keep-alive client; concurrent requests each get a pooled connection of their own.
        using var client = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IntakeToken(options.GemeenteId));

        // The first lookup builds the gemeente's geocoder from the database; a full pass then warms the JIT of both sides.
        clock.Restart();
        await GetAsync(client, texts[0]);
        Console.WriteLine($"api      first lookup (builds the geocoder) {clock.Elapsed.TotalSeconds:F1} s");
        foreach (var text in texts)
        {
            await GetAsync(client, text);
        }
        Thread.Sleep(500);

        var latencies = new double[texts.Count];
        var answers = new byte[texts.Count][];
        clock.Restart();
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            answers[i] = await GetAsync(client, texts[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var sequentialPerSecond = texts.Count / clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"http     GET /api/v1/geocode sequential: {sequentialPerSecond:N0} requests/s; latency p50 {Percentile(latencies, 0.50):F3} ms, " +
                          $"p95 {Percentile(latencies, 0.95):F3} ms, p99 {Percentile(latencies, 0.99):F3} ms, max {latencies[^1]:F1} ms; load average " +
                              $"{LoadAverage()}");

        foreach (var clients in new[] { 2, 4 })
        {
            var perSecond = await MeasureConcurrentAsync(client, texts, clients);
            Console.WriteLine($"http     GET /api/v1/geocode {clients} concurrent clients: {perSecond:N0} requests/s; load average {LoadAverage()}");
        }

        await PostBatchAsync(client, texts);
        clock.Restart();
        var batch = await PostBatchAsync(client, texts);
        Console.WriteLine($"http     POST /api/v1/geocode/batch ({texts.Count:N0} queries, after one warm-up): {clock.Elapsed.TotalMilliseconds:F0} ms, " +
                          $"{texts.Count / clock.Elapsed.TotalSeconds:N0} queries/s; load average {LoadAverage()}");

        return ([.. answers.Select(a => MatchedKey(JsonSerializer.Deserialize<GeocodeUitvoer>(a, ApiJson)!))], sequentialPerSecond,
            [.. batch.Select(MatchedKey)]);
    }

    private static async Task<double> MeasureConcurrentAsync(HttpClient client, List<string> texts, int clients)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < texts.Count; i = Interlocked.Increment(ref next))
            {
                await GetAsync(client, texts[i]);
            }
        }));
        return texts.Count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<byte[]> GetAsync(HttpClient client, string text)
    {
        using var response = await client.GetAsync($"/api/v1/geocode?q={Uri.EscapeDataString(text)}");
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<GeocodeUitvoer[]> PostBatchAsync(HttpClient client, List<string> texts)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/geocode/batch", new GeocodeBatchInvoer(texts), ApiJson);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<GeocodeUitvoer[]>(ApiJson))!;
    }

    private static AddressKey? MatchedKey(GeocodeUitvoer answer) => answer is { Status: "matched", Adres: { } a }
        ? new AddressKey(a.Postcode, a.Huisnummer, a.Huisletter ?? "", a.Toevoeging ?? "")
        : null;

    /// <summary>A token as an intake employee of the benchmark gemeente, signed with the local key the API is configured with.</summary>
    private static string IntakeToken(string gemeenteId)
    {
        var settings = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "src", "GeoHandhaving.Api", "appsettings.json"))
            .Build();
        var auth = settings.GetSection(AuthOptions.Section).Get<AuthOptions>()!;
        return new LocalTokenIssuer(auth, TimeProvider.System).Issue("benchmark", gemeenteId, [Roles.Intake], TimeSpan.FromHours(2));
    }

    private static async Task<(AddressKey?[] Matches, double PerSecond)> MeasureBaselineAsync(
        NpgsqlDataSource dataSource, string gemeenteId, List<BagAddress> addresses, List<string> texts)
    {
        var clock = Stopwatch.StartNew();
        await using (var indexes = dataSource.CreateCommand(TrigramBaseline.CreateIndexes))
        {
            indexes.CommandTimeout = 600;
            await indexes.ExecuteNonQueryAsync();
        }
        Console.WriteLine($"pg_trgm  indexes ready in {clock.Elapsed.TotalSeconds:F1} s (trigram GIN on straat, btree on postcode + huisnummer)");
        // The same woonplaats spellings as the API's geocoder, so both parse every query alike.
        var woonplaatsen = WoonplaatsSynonyms.Amsterdam.Including(addresses.Select(a => a.Woonplaats).Distinct());
        await using var baseline = await TrigramBaseline.OpenAsync(dataSource, gemeenteId, woonplaatsen);
        foreach (var text in texts.Take(200))
        {
            await baseline.GeocodeAsync(text);
        }
        var matches = new AddressKey?[texts.Count];
        var latencies = new double[texts.Count];
        clock.Restart();
        for (var i = 0; i < texts.Count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            matches[i] = await baseline.GeocodeAsync(texts[i]);
            latencies[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        var perSecond = texts.Count / clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        Console.WriteLine($"pg_trgm  {texts.Count:N0} queries sequential on one connection: {perSecond:N0} queries/s; latency p50 " +
            $"{Percentile(latencies, 0.50):F2} ms, " +
                          $"p95 {Percentile(latencies, 0.95):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms; load average {LoadAverage()}");
        return (matches, perSecond);
    }

    private sealed record Options(string DataPath, int QueryCount, int BaselineQueryCount, int Seed, string GemeenteId, int Port)
    {
        public static Options Parse(string[] args)
        {
            var queryCount = IntOption(args, "--queries", 10_000);
            return new Options(
                Option(args, "--data") ?? AmsterdamBag(),
                queryCount,
                IntOption(args, "--baseline-queries", queryCount),
                IntOption(args, "--seed", 20181112),
                Option(args, "--gemeente") ?? "BENCH",
                IntOption(args, "--port", 5097));
        }
    }
}
