namespace GeoHandhaving.Cli.Demo;

/// <summary>Everything generated for the demo gemeente, in memory; <see cref="DemoFiles"/> writes it out.</summary>
public sealed record DemoGemeente(
    DemoTown Town, IReadOnlyList<Street> Streets, IReadOnlyList<Address> Addresses, IReadOnlyList<School> Schools,
    IReadOnlyList<Container> Containers, IReadOnlyList<Boa> Boas, IReadOnlyList<Melding> Meldingen)
{
    /// <summary>
    /// Deterministic for (<paramref name="seed"/>, <paramref name="scale"/>): one seeded System.Random drives every draw in a fixed order.
    /// <paramref name="scale"/> multiplies the number of addresses and meldingen; the geometry does not change with it.
    /// </summary>
    public static DemoGemeente Generate(int seed, double scale, DemoSchoolDays calendar)
    {
        var rng = new Random(seed);
        var town = DemoTown.Build(rng);
        var (streets, addresses) = DemoAddresses.Build(town, scale, rng);
        var schools = DemoSchools.Place(town, addresses, rng);
        var boas = DemoBoas.Assign(town, addresses);
        var containers = DemoMeldingen.PlaceContainers(addresses, rng);
        var meldingen = DemoMeldingen.Generate(town, addresses, schools, containers, calendar, scale, rng);
        return new DemoGemeente(town, streets, addresses, schools, containers, boas, meldingen);
    }
}
