using System.Text.Json;
using System.Text.RegularExpressions;
using GeoHandhaving.Cli.Demo;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Api.Tests.Demo;

/// <summary>Generates Demodorp once at a tenth of the size (same geometry, fewer addresses and meldingen) into a temp folder.</summary>
public sealed class SmallDemoGemeente : IDisposable
{
    public const int Seed = 42;
    public const double Scale = 0.1;

    public SmallDemoGemeente()
    {
        Calendar = DemoSchoolDays.Load(RepositoryFile("data/schoolvakanties.csv"), "noord");
        Demo = DemoGemeente.Generate(Seed, Scale, Calendar);
        Folder = Directory.CreateTempSubdirectory("demo-gemeente-").FullName;
        DemoFiles.WriteAll(Demo, Folder);
    }

    public DemoSchoolDays Calendar { get; }
    public DemoGemeente Demo { get; }
    public string Folder { get; }

    public static string RepositoryFile(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"{relativePath} not found above {AppContext.BaseDirectory}");
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

public class DemoGemeenteTests(SmallDemoGemeente fixture) : IClassFixture<SmallDemoGemeente>
{
    private static readonly Regex Postcode = new("^[1-9][0-9]{3}(?!SA|SD|SS)[A-Z]{2}$");

    private DemoTown Town => fixture.Demo.Town;

    [Fact]
    public void Buurten_tile_the_gemeente_without_gaps_or_overlaps()
    {
        Assert.InRange(Town.Buurten.Count, 40, 60);
        Assert.All(Town.Buurten, b => Assert.True(b.Geometry.IsValid, b.Code));
        var union = UnaryUnionOp.Union(Town.Buurten.Select(b => (Geometry)b.Geometry).ToList());
        var sumOfAreas = Town.Buurten.Sum(b => b.Geometry.Area);

        Assert.True(Town.Gemeente.IsValid);
        Assert.InRange(Town.Gemeente.SymmetricDifference(union).Area, 0, 0.01);
        Assert.InRange(sumOfAreas - union.Area, -0.01, 0.01);
    }

    [Fact]
    public void Every_wijk_is_the_union_of_its_buurten()
    {
        Assert.InRange(Town.Wijken.Count, 6, 10);
        foreach (var wijk in Town.Wijken)
        {
            var buurten = Town.Buurten.Where(b => b.WijkCode == wijk.Code).Select(b => (Geometry)b.Geometry).ToList();
            Assert.True(wijk.Geometry.IsValid, wijk.Code);
            Assert.InRange(wijk.Geometry.SymmetricDifference(UnaryUnionOp.Union(buurten)).Area, 0, 0.01);
        }
    }

    [Fact]
    public void Every_address_lies_in_exactly_one_buurt_and_has_a_valid_unique_postcode()
    {
        var addresses = fixture.Demo.Addresses;
        Assert.NotEmpty(addresses);
        foreach (var address in addresses)
        {
            var point = Town.Gemeente.Factory.CreatePoint(address.Location);
            var containing = Town.Buurten.Where(b => b.Geometry.Covers(point)).ToList();
            Assert.Single(containing);
            Assert.Equal(containing[0].Code, address.BuurtCode);
            Assert.Matches(Postcode, address.Postcode);
        }
        var keys = addresses.Select(a => (a.Postcode, a.Huisnummer, a.Huisletter, a.Toevoeging)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Fact]
    public void Odd_numbers_are_on_one_side_of_a_street_and_even_on_the_other()
    {
        // A PC6 covers one side of one street, so all its numbers share their parity.
        Assert.All(fixture.Demo.Addresses.GroupBy(a => a.Postcode),
            pc => Assert.Single(pc.Select(a => a.Huisnummer % 2).Distinct()));
    }

    [Fact]
    public void Every_wijk_has_a_boa()
    {
        var covered = fixture.Demo.Boas.SelectMany(b => b.WijkCodes).ToHashSet();
        Assert.All(Town.Wijken, w => Assert.Contains(w.Code, covered));
    }

    [Fact]
    public void Files_use_the_formats_of_the_shared_amsterdam_data()
    {
        Assert.Equal(DemoFiles.AdressenHeader, File.ReadLines(Path.Combine(fixture.Folder, "adressen.csv")).First());
        foreach (var name in new[] { "gemeente", "wijken", "buurten", "scholen" })
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Folder, name + ".geojson")));
            Assert.Equal("urn:ogc:def:crs:EPSG::28992", json.RootElement.GetProperty("crs").GetProperty("properties").GetProperty("name").GetString());
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_files()
    {
        var again = Directory.CreateTempSubdirectory("demo-gemeente-again-").FullName;
        try
        {
            DemoFiles.WriteAll(DemoGemeente.Generate(SmallDemoGemeente.Seed, SmallDemoGemeente.Scale, fixture.Calendar), again);
            foreach (var file in Directory.GetFiles(fixture.Folder))
            {
                Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(again, Path.GetFileName(file)))),
                    Path.GetFileName(file));
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Extern_ids_are_unique_per_bron_and_timestamps_carry_the_amsterdam_offset()
    {
        var meldingen = fixture.Demo.Meldingen;
        Assert.All(meldingen.GroupBy(m => m.Bron), g => Assert.Equal(g.Count(), g.Select(m => m.ExternId).Distinct().Count()));
        Assert.All(meldingen, m => Assert.True(m.GemeldOp >= m.WaargenomenOp));
        Assert.Equal("2026-01-15T10:00:00+01:00", DemoFiles.Timestamp(GeoHandhaving.Core.TimeWindows.AmsterdamTime.ToInstant(new DateTime(2026, 1, 15, 10, 0, 0))));
        Assert.Equal("2026-07-15T10:00:00+02:00", DemoFiles.Timestamp(GeoHandhaving.Core.TimeWindows.AmsterdamTime.ToInstant(new DateTime(2026, 7, 15, 10, 0, 0))));
        // 02:30 does not exist on the last Sunday of March: the clock jumps from 02:00 to 03:00.
        Assert.Equal("2026-03-29T03:30:00+02:00", DemoFiles.Timestamp(GeoHandhaving.Core.TimeWindows.AmsterdamTime.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0))));
    }

    [Fact]
    public void School_parking_comes_at_haal_en_brengtijden_on_school_days_and_never_in_a_holiday()
    {
        var schoolPattern = fixture.Demo.Meldingen.Where(m => m.Patroon == DemoMeldingen.SchoolPattern).ToList();
        Assert.NotEmpty(schoolPattern);
        Assert.All(schoolPattern, m => Assert.True(IsSchoolTime(m), $"{m.WaargenomenOp:O}"));

        // Seen as the hotspot engine sees it: parkeeroverlast within 150 m of a basisschool in the windows.
        var basisscholen = fixture.Demo.Schools.Where(s => s.IsBasisschool).Select(s => s.Address.Location).ToList();
        var nearSchoolsInWindows = fixture.Demo.Meldingen
            .Where(m => m.Categorie == "parkeeroverlast" && basisscholen.Any(s => s.Distance(m.Locatie) <= 150) && InWindow(m))
            .ToList();
        var schoolDays = Days().Count(d => fixture.Calendar.IsSchoolDay(d));
        var holidayWeekdays = Days().Count(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && fixture.Calendar.IsHoliday(d));
        var perSchoolDay = nearSchoolsInWindows.Count(m => fixture.Calendar.IsSchoolDay(LocalDay(m))) / (double)schoolDays;
        var perHolidayWeekday = nearSchoolsInWindows.Count(m => !fixture.Calendar.IsSchoolDay(LocalDay(m))
                                                               && LocalDay(m).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                                / (double)holidayWeekdays;
        Assert.True(perSchoolDay > 10 * Math.Max(perHolidayWeekday, 0.01), $"{perSchoolDay:F2} per school day vs {perHolidayWeekday:F2} per holiday weekday");
    }

    private static IEnumerable<DateOnly> Days()
    {
        for (var d = DemoMeldingen.FirstDay; d <= DemoMeldingen.LastDay; d = d.AddDays(1))
        {
            yield return d;
        }
    }

    private static DateTimeOffset Local(Melding m) => GeoHandhaving.Core.TimeWindows.AmsterdamTime.ToLocal(m.WaargenomenOp);

    private static DateOnly LocalDay(Melding m) => DateOnly.FromDateTime(Local(m).DateTime);

    private static bool InWindow(Melding m)
    {
        var local = Local(m);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return DemoMeldingen.SchoolWindows(local.DayOfWeek).Any(w => time >= w.From && time < w.From.AddMinutes(w.Minutes));
    }

    private bool IsSchoolTime(Melding m) => fixture.Calendar.IsSchoolDay(LocalDay(m)) && InWindow(m);
}
