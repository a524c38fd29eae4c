namespace GeoHandhaving.Cli.Demo;

/// <summary>A school vestiging at a generated address; <see cref="Drukte"/> scales its haal- en brengtijden parking.</summary>
public sealed record School(string Vestigingscode, string Naam, string Soort, string Denominatie, Address Address, double Drukte)
{
    public const string Basisonderwijs = "PO (basisonderwijs)";
    public const string VoortgezetOnderwijs = "VO (voortgezet onderwijs)";

    public bool IsBasisschool => Soort == Basisonderwijs;
}

/// <summary>14 basisscholen and 3 VO schools, at least 500 m apart, at plain addresses (no letter, no toevoeging).</summary>
public static class DemoSchools
{
    private static readonly (string Naam, string Denominatie)[] Basisscholen =
    [
        ("Basisschool De Regenboog", "Algemeen bijzonder"), ("OBS De Vlinder", "Openbaar"), ("CBS De Wegwijzer", "Protestants-Christelijk"),
        ("RK Basisschool Sint Jozef", "Rooms-Katholiek"), ("OBS Het Kompas", "Openbaar"), ("Basisschool De Zonnewijzer", "Algemeen bijzonder"),
        ("CBS De Fontein", "Protestants-Christelijk"), ("OBS De Springplank", "Openbaar"), ("Basisschool Het Palet", "Openbaar"),
        ("Montessorischool Demodorp", "Algemeen bijzonder"), ("Jenaplanschool De Boomgaard", "Openbaar"), ("CBS De Ark", "Protestants-Christelijk"),
        ("OBS De Windroos", "Openbaar"), ("Daltonschool De Sterrenwachter", "Openbaar"),
    ];

    private static readonly (string Naam, string Denominatie)[] VoScholen =
    [
        ("Demodorp College", "Openbaar"), ("Stedelijk Gymnasium Demodorp", "Openbaar"), ("Vakcollege Hoogkamp", "Protestants-Christelijk"),
    ];

    public static List<School> Place(DemoTown town, IReadOnlyList<Address> addresses, Random rng)
    {
        var candidates = addresses
            .Where(a => a.Huisletter.Length == 0 && a.Toevoeging.Length == 0)
            .Where(a => town.Landmarks.All(l => l.Location.Distance(a.Location) > l.Radius + 150))
            .OrderBy(_ => rng.Next())
            .ToList();
        var schools = new List<School>();
        var all = Basisscholen.Select(s => (s.Naam, s.Denominatie, Soort: School.Basisonderwijs))
            .Concat(VoScholen.Select(s => (s.Naam, s.Denominatie, Soort: School.VoortgezetOnderwijs)));
        foreach (var (naam, denominatie, soort) in all)
        {
            var address = candidates.FirstOrDefault(a => schools.All(s => s.Address.Location.Distance(a.Location) >= 500))
                          ?? candidates.First(a => schools.All(s => s.Address != a));
            var brin = $"99{(char)('A' + schools.Count / 26)}{(char)('A' + schools.Count % 26)}";
            schools.Add(new School(brin + "00", naam, soort, denominatie, address, 0.5 + 2 * rng.NextDouble()));
        }
        return schools;
    }
}

/// <summary>A wijkboa and the wijken he or she owns.</summary>
public sealed record Boa(string Code, string Naam, IReadOnlyList<string> WijkCodes);

/// <summary>
/// One wijkboa per wijk, except that the two wijken with the fewest addresses share one boa and the busiest wijk gets two.
/// </summary>
public static class DemoBoas
{
    private static readonly string[] Namen =
    [
        "Fatima el Amrani", "Joost Verhoeven", "Sanne de Lange", "Mehmet Yilmaz", "Petra Wolters", "Ruben Kramer",
        "Ilse Mulder", "Dennis Hoekstra", "Naima Bouzid", "Kees van Wijk",
    ];

    public static List<Boa> Assign(DemoTown town, IReadOnlyList<Address> addresses)
    {
        var bySize = town.Wijken.OrderBy(w => addresses.Count(a => a.WijkCode == w.Code)).Select(w => w.Code).ToList();
        var groups = new List<string[]> { new[] { bySize[0], bySize[1] } };
        groups.AddRange(bySize.Skip(2).Select(code => new[] { code }));
        groups.Add([bySize[^1]]);
        return groups
            .OrderBy(g => g[0], StringComparer.Ordinal)
            .Select((g, i) => new Boa($"BOA{i + 1:00}", Namen[i], g.Order(StringComparer.Ordinal).ToList()))
            .ToList();
    }
}
