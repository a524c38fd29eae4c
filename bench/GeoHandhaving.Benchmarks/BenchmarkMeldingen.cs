using System.Diagnostics;
using System.Globalization;
using GeoHandhaving.Api.Data;
using GeoHandhaving.Core.Geometry;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace GeoHandhaving.Benchmarks;

/// <summary>
/// Synthetic meldingen of a benchmark gemeente in the database (migrated first), loaded by bulk COPY once and reused by the
/// next run: half spread evenly over the area, half around 300 cluster centres; five categorieën over two years.
/// </summary>
internal static class BenchmarkMeldingen
{
    public static readonly string[] Categorieen = ["parkeeroverlast", "afval", "jeugdoverlast", "hondenoverlast", "geluidsoverlast"];

    /// <summary>The first moment of the two years the meldingen are spread over.</summary>
    public static readonly DateTimeOffset Begin = new(2024, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, string gemeente, string naam, int meldingen, Envelope gebied, Random random)
    {
        var options = new DbContextOptionsBuilder<GeoHandhavingDbContext>();
        DataServices.Configure(options, dataSource);
        await using (var db = new GeoHandhavingDbContext(options.Options))
        {
            await DataServices.MigrateAsync(db);
            if (!await db.Gemeenten.AnyAsync(g => g.Id == gemeente))
            {
                db.Gemeenten.Add(new Api.Gemeenten.Gemeente { Id = gemeente, Naam = naam });
                await db.SaveChangesAsync();
            }
        }
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM melding WHERE gemeente_id = @gemeente");
        count.Parameters.AddWithValue("gemeente", gemeente);
        var present = (long)(await count.ExecuteScalarAsync())!;
        Console.WriteLine($"meldingen {present:N0} present for {gemeente}");
        if (present >= meldingen) return;

        var clock = Stopwatch.StartNew();
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var import = await connection.BeginBinaryImportAsync(
            "COPY melding (gemeente_id, bron, extern_id, categorie, gemeld_op, locatie, geocode_status, status, aangemaakt_op) FROM STDIN (FORMAT BINARY)"))
        {
            var clusters = Enumerable.Range(0, 300).Select(_ => new Coordinate(
                gebied.MinX + random.NextDouble() * gebied.Width, gebied.MinY + random.NextDouble() * gebied.Height)).ToArray();
            for (var i = present; i < meldingen; i++)
            {
                var punt = i % 2 == 0
                    ? new Coordinate(gebied.MinX + random.NextDouble() * gebied.Width, gebied.MinY + random.NextDouble() * gebied.Height)
                    : Around(clusters[random.Next(clusters.Length)], 150, random);
                await import.StartRowAsync();
                await import.WriteAsync(gemeente, NpgsqlDbType.Text);
                await import.WriteAsync("app", NpgsqlDbType.Text);
                await import.WriteAsync("bench-" + i.ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Text);
                await import.WriteAsync(Categorieen[random.Next(Categorieen.Length)], NpgsqlDbType.Text);
                await import.WriteAsync(Begin.AddMinutes(random.Next(2 * 365 * 24 * 60)).UtcDateTime, NpgsqlDbType.TimestampTz);
                await import.WriteAsync((Geometry)RdNew.RdFactory.CreatePoint(punt));
                await import.WriteAsync("Punt", NpgsqlDbType.Text);
                await import.WriteAsync("Nieuw", NpgsqlDbType.Text);
                await import.WriteAsync(DateTime.UtcNow, NpgsqlDbType.TimestampTz);
            }
            await import.CompleteAsync();
        }
        await using (var analyze = new NpgsqlCommand("ANALYZE melding", connection)) await analyze.ExecuteNonQueryAsync();
        Console.WriteLine($"loaded   {meldingen - present:N0} meldingen for {gemeente} by COPY in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static Coordinate Around(Coordinate centre, double sigma, Random random)
    {
        // Box-Muller: a normal spread around the cluster centre.
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()) * sigma;
        return new Coordinate(Math.Round(centre.X + Normal(), 1), Math.Round(centre.Y + Normal(), 1));
    }
}
