using System.Globalization;
using GeoHandhaving.Core.TimeWindows;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Cli.Demo;

/// <summary>A street-side waste container that collects bijplaatsingen; <see cref="Weight"/> scales its rate.</summary>
public sealed record Container(string Code, Coordinate Location, double Weight);

public sealed record Melder(string Naam, string Email, string Telefoon);

/// <summary>
/// One melding as written to meldingen.csv. <see cref="Patroon"/> and <see cref="Locatie"/> are the generator's truth
/// (which pattern produced it, where it really happened); they are not written, but tests and the README use them.
/// </summary>
public sealed record Melding(
    string Bron, string ExternId, string Categorie, string Subcategorie, DateTimeOffset GemeldOp, DateTimeOffset WaargenomenOp,
    string Omschrijving, string Adres, Coordinate? Punt, Melder? Melder, string Patroon, Coordinate Locatie);

/// <summary>
/// The meldingen model: a year of incidents from named patterns (school parking, hangplekken, containers, parks, nightlife,
/// station bikes, repeat reporters) on top of a background spread over all addresses; then, per incident, how it was
/// reported (bron, address text or only a point, melder, delay). Patterns are defined in local time, Europe/Amsterdam.
/// </summary>
public sealed class DemoMeldingen
{
    public const int MeldingenAtScaleOne = 50_000;
    public static readonly DateOnly FirstDay = new(2025, 12, 1);
    public static readonly DateOnly LastDay = new(2026, 11, 27);

    public const string SchoolPattern = "school-haalbreng";
    public const string HangplekPattern = "hangplek";
    public const string ContainerPattern = "container";
    public const string ParkPattern = "park-honden";
    public const string NightlifePattern = "centrum-nacht";
    public const string StationPattern = "station-fietsen";
    public const string RepeatPattern = "herhaalmelder";
    public const string BackgroundPattern = "achtergrond";


    /// <summary>Haal- en brengtijden: every school day 07:45–08:45; afternoons 14:15–15:30, on Wednesday 12:00–13:00.</summary>
    public static (TimeOnly From, int Minutes)[] SchoolWindows(DayOfWeek day) =>
    [
        (new TimeOnly(7, 45), 60),
        day == DayOfWeek.Wednesday ? (new TimeOnly(12, 0), 60) : (new TimeOnly(14, 15), 75),
    ];

    private static readonly Dictionary<string, (string Sub, string[] Texts)[]> Categories = new()
    {
        ["parkeeroverlast"] =
        [
            ("foutparkeren", ["Auto staat fout geparkeerd", "Staat al de hele dag fout"]),
            ("parkeren op de stoep", ["Auto's op de stoep, kinderwagen kan er niet langs", "Auto op stoep"]),
            ("dubbel parkeren", ["Ouders staan dubbel geparkeerd bij school", "Dubbel geparkeerd, straat geblokkeerd"]),
            ("blokkeren uitrit", ["Mijn uitrit wordt geblokkeerd", "Uitrit geblokkeerd"]),
            ("parkeren op zebrapad", ["Auto op zebrapad", "Geparkeerd op het zebrapad"]),
        ],
        ["afval"] =
        [
            ("bijplaatsing", ["Vuilniszakken naast de container", "Bijplaatsing bij container"]),
            ("volle container", ["Container zit vol", "Container puilt uit"]),
            ("zwerfafval", ["Veel zwerfafval", "Rommel op straat"]),
            ("grofvuil", ["Bank en matras op straat gezet", "Grofvuil gedumpt"]),
        ],
        ["jeugdoverlast"] =
        [
            ("hangjongeren", ["Groep jongeren maakt herrie", "Hangjongeren bij het bankje"]),
            ("vernieling", ["Vernieling aan bushokje", "Jongeren vernielen bankjes"]),
            ("scooters", ["Jongeren scheuren met scooters", "Scooteroverlast"]),
        ],
        ["hondenoverlast"] =
        [
            ("hondenpoep", ["Hondenpoep op de stoep", "Veel hondenpoep"]),
            ("loslopende hond", ["Hond loopt los", "Loslopende hond, niet aangelijnd"]),
            ("blaffende hond", ["Hond blaft de hele dag", "Blaffende hond"]),
        ],
        ["geluidsoverlast"] =
        [
            ("muziek", ["Harde muziek", "Muziek staat keihard aan"]),
            ("feest", ["Feest met veel lawaai", "Luidruchtig feest"]),
            ("horeca", ["Lawaai bij café", "Bezoekers horeca maken lawaai"]),
            ("burenlawaai", ["Burenlawaai", "Geluidsoverlast buren"]),
        ],
        ["weesfietsen"] =
        [
            ("weesfiets", ["Fiets staat al weken", "Weesfiets"]),
            ("fietswrak", ["Fietswrak zonder wiel", "Kapotte fiets aan hek"]),
            ("fout gestald", ["Fietsen buiten de rekken", "Fiets blokkeert de stoep"]),
        ],
    };

    /// <summary>Background: share of each category and its hourly profile (relative weights, hour 0–23).</summary>
    private static readonly (string Categorie, double Share, double[] Hours)[] Background =
    [
        ("parkeeroverlast", 0.28, [1, 1, 0, 0, 0, 1, 2, 5, 8, 7, 6, 6, 6, 6, 6, 6, 7, 8, 7, 5, 4, 3, 2, 1]),
        ("afval", 0.30, [0, 0, 0, 0, 0, 1, 2, 5, 8, 9, 9, 8, 7, 7, 7, 6, 6, 6, 5, 4, 3, 2, 1, 0]),
        ("jeugdoverlast", 0.10, [4, 2, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 9, 8, 6]),
        ("hondenoverlast", 0.10, [0, 0, 0, 0, 0, 1, 4, 8, 8, 5, 3, 3, 3, 3, 3, 3, 4, 5, 6, 6, 5, 3, 1, 0]),
        ("geluidsoverlast", 0.14, [8, 6, 4, 2, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4, 5, 7, 9, 9]),
        ("weesfietsen", 0.08, [0, 0, 0, 0, 0, 0, 1, 3, 5, 6, 6, 6, 6, 6, 6, 5, 5, 4, 2, 1, 0, 0, 0, 0]),
    ];

    private readonly DemoTown _town;
    private readonly IReadOnlyList<Address> _addresses;
    private readonly AddressGrid _index;
    private readonly DemoSchoolDays _calendar;
    private readonly double _scale;
    private readonly Random _rng;
    private readonly List<Incident> _incidents = [];

    private sealed record Incident(string Patroon, string Categorie, string Subcategorie, DateTime Local, Coordinate Point, Address Address, RepeatReporter? Reporter);

    private sealed record RepeatReporter(Melder Melder, string Bron, string Adres);

    private DemoMeldingen(DemoTown town, IReadOnlyList<Address> addresses, DemoSchoolDays calendar, double scale, Random rng)
    {
        (_town, _addresses, _calendar, _scale, _rng) = (town, addresses, calendar, scale, rng);
        _index = new AddressGrid(addresses);
    }

    public static List<Melding> Generate(
        DemoTown town, IReadOnlyList<Address> addresses, IReadOnlyList<School> schools, IReadOnlyList<Container> containers,
        DemoSchoolDays calendar, double scale, Random rng)
    {
        var model = new DemoMeldingen(town, addresses, calendar, scale, rng);
        model.SchoolParking(schools);
        model.Hangplekken();
        model.Containers(containers);
        model.ParkDogs();
        model.Nightlife();
        model.StationBikes();
        model.RepeatReporters();
        model.BackgroundNoise();
        return model.Report();
    }

    private static IEnumerable<DateOnly> Days()
    {
        for (var day = FirstDay; day <= LastDay; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Mild seasonality: ±<paramref name="amplitude"/> around 1, highest on day-of-year <paramref name="peak"/>.</summary>
    private static double Season(DateOnly day, int peak, double amplitude) =>
        1 + amplitude * Math.Cos(2 * Math.PI * (day.DayOfYear - peak) / 365.25);

    private static bool IsWeekendNight(DateOnly day) => day.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday;

    private void SchoolParking(IReadOnlyList<School> schools)
    {
        string[] subs = ["dubbel parkeren", "parkeren op de stoep", "parkeren op zebrapad", "blokkeren uitrit"];
        foreach (var day in Days().Where(_calendar.IsSchoolDay))
        {
            foreach (var (from, minutes) in SchoolWindows(day.DayOfWeek))
            {
                foreach (var school in schools.Where(s => s.IsBasisschool))
                {
                    RepeatPoisson(0.9 * school.Drukte * Season(day, 15, 0.1), () =>
                        AddNear(SchoolPattern, "parkeeroverlast", Pick(subs), TimeIn(day, from, minutes), school.Address.Location, 150));
                }
            }
        }
    }

    /// <summary>Friday and Saturday nights 22:00–04:00 around the market square, the Stadspark and the station.</summary>
    private void Hangplekken()
    {
        (Landmark Place, double Weight)[] hangplekken =
            [(_town.LandmarkNamed("Marktplein"), 1.0), (_town.LandmarkNamed("Stadspark"), 0.8), (_town.LandmarkNamed("Station Demodorp"), 0.6)];
        foreach (var day in Days().Where(IsWeekendNight))
        {
            foreach (var (place, weight) in hangplekken)
            {
                RepeatPoisson(6 * weight * Season(day, 196, 0.3), () =>
                    AddNear(HangplekPattern, "jeugdoverlast", PickSub("jeugdoverlast"), TimeIn(day, new TimeOnly(22, 0), 360), place.Location, place.Radius + 40));
            }
        }
    }

    /// <summary>30 container locations at random addresses (so more where more people live).</summary>
    public static List<Container> PlaceContainers(IReadOnlyList<Address> addresses, Random rng) =>
        Enumerable.Range(0, 30)
            .Select(i => new Container(string.Create(CultureInfo.InvariantCulture, $"C{i + 1:00}"),
                DemoTown.RoundToMm(InDisk(addresses[rng.Next(addresses.Count)].Location, 8, rng)), 0.5 + rng.NextDouble()))
            .ToList();

    /// <summary>Bijplaatsingen at the containers through the day (07:00–21:00), worst after the weekend.</summary>
    private void Containers(IReadOnlyList<Container> containers)
    {
        string[] subs = ["bijplaatsing", "bijplaatsing", "volle container", "grofvuil"];
        foreach (var day in Days())
        {
            var weekday = day.DayOfWeek switch { DayOfWeek.Monday => 1.4, DayOfWeek.Saturday => 1.2, DayOfWeek.Sunday => 1.3, _ => 1.0 };
            foreach (var (_, location, weight) in containers)
            {
                RepeatPoisson(0.45 * weight * weekday * Season(day, 227, 0.15), () =>
                    AddNear(ContainerPattern, "afval", Pick(subs), TimeIn(day, new TimeOnly(7, 0), 14 * 60), location, 15));
            }
        }
    }

    /// <summary>Dog walkers in the three parks: mornings 06:30–09:00 and evenings 18:30–22:00.</summary>
    private void ParkDogs()
    {
        foreach (var day in Days())
        {
            foreach (var park in _town.Parks)
            {
                RepeatPoisson(1.8 * Season(day, 15, 0.2), () =>
                {
                    var local = _rng.NextDouble() < 0.6 ? TimeIn(day, new TimeOnly(6, 30), 150) : TimeIn(day, new TimeOnly(18, 30), 210);
                    AddNear(ParkPattern, "hondenoverlast", PickSub("hondenoverlast"), local, park.Location, park.Radius + 30);
                });
            }
        }
    }

    /// <summary>Noise at night (23:00–03:00) at addresses within 350 m of the market square, far more on weekend nights.</summary>
    private void Nightlife()
    {
        var centre = _town.LandmarkNamed("Marktplein").Location;
        var nearby = _index.Within(centre, 350);
        string[] subs = ["horeca", "horeca", "muziek", "feest"];
        foreach (var day in Days())
        {
            RepeatPoisson((IsWeekendNight(day) ? 9 : 2.5) * Season(day, 196, 0.25), () =>
            {
                var address = nearby[_rng.Next(nearby.Count)];
                Add(NightlifePattern, "geluidsoverlast", Pick(subs), TimeIn(day, new TimeOnly(23, 0), 240), Jitter(address.Location, 5), address);
            });
        }
    }

    private void StationBikes()
    {
        var station = _town.LandmarkNamed("Station Demodorp").Location;
        foreach (var day in Days())
        {
            var weekend = day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            RepeatPoisson(weekend ? 0.8 : 2.2, () =>
                AddNear(StationPattern, "weesfietsen", PickSub("weesfietsen"), TimeIn(day, new TimeOnly(8, 0), 600), station, 200));
        }
    }

    /// <summary>Six melders who report the same thing at the same address dozens of times a year, always spelled their way.</summary>
    private void RepeatReporters()
    {
        (string Categorie, string Sub, int Count, TimeOnly From, int Minutes)[] habits =
        [
            ("geluidsoverlast", "burenlawaai", 45, new TimeOnly(22, 0), 240),
            ("parkeeroverlast", "blokkeren uitrit", 60, new TimeOnly(7, 0), 720),
            ("hondenoverlast", "hondenpoep", 35, new TimeOnly(7, 0), 180),
            ("afval", "bijplaatsing", 40, new TimeOnly(8, 0), 600),
            ("jeugdoverlast", "hangjongeren", 30, new TimeOnly(20, 0), 240),
            ("parkeeroverlast", "parkeren op de stoep", 50, new TimeOnly(8, 0), 600),
        ];
        var days = Days().ToList();
        foreach (var (categorie, sub, count, from, minutes) in habits)
        {
            var address = _addresses[_rng.Next(_addresses.Count)];
            var reporter = new RepeatReporter(NewMelder(), _rng.NextDouble() < 0.6 ? "KCC" : "app", AddressSpelling.Write(address, _rng));
            var times = (int)Math.Round(count * Math.Max(_scale, 0.2));
            for (var i = 0; i < times; i++)
            {
                var local = TimeIn(days[_rng.Next(days.Count)], from, minutes);
                _incidents.Add(new Incident(RepeatPattern, categorie, sub, local, Jitter(address.Location, 5), address, reporter));
            }
        }
    }

    /// <summary>The rest of the year's meldingen, on random addresses (so following address density) and category profiles.</summary>
    private void BackgroundNoise()
    {
        var remaining = (int)Math.Round(MeldingenAtScaleOne * _scale) - _incidents.Count;
        var days = Days().ToArray();
        foreach (var (categorie, share, hours) in Background)
        {
            var dayWeights = days.Select(d => Season(d, categorie == "hondenoverlast" ? 15 : 196, 0.12)
                                              * (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1.15 : 1.0)).ToArray();
            for (var i = 0; i < Math.Round(remaining * share); i++)
            {
                var day = days[PickWeighted(dayWeights)];
                var local = day.ToDateTime(new TimeOnly(PickWeighted(hours), _rng.Next(60)));
                var address = _addresses[_rng.Next(_addresses.Count)];
                Add(BackgroundPattern, categorie, PickSub(categorie), local, Jitter(address.Location, 5), address);
            }
        }
    }

    /// <summary>How each incident became a melding; then extern ids per bron in order of reporting.</summary>
    private List<Melding> Report()
    {
        var drafts = _incidents
            .Select(incident => Draft(incident))
            .OrderBy(m => m.GemeldOp.UtcDateTime).ThenBy(m => m.WaargenomenOp.UtcDateTime)
            .ToList();
        var counters = new Dictionary<string, int>();
        return drafts.Select(m =>
        {
            var local = AmsterdamTime.ToLocal(m.GemeldOp);
            var (prefix, digits) = m.Bron switch
            {
                "KCC" => (string.Create(CultureInfo.InvariantCulture, $"KCC-{local.Year}-"), 6),
                "dagrapportage" => (string.Create(CultureInfo.InvariantCulture, $"DR-{local:yyyyMMdd}-"), 3),
                "boa" => ("BOA-", 6),
                _ => ("APP", 7),
            };
            var n = counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            // App ids are not a visible sequence; multiplying by a unit modulo a prime keeps them unique.
            var number = m.Bron == "app" ? n * 7919L % 1_000_003 : n;
            return m with { ExternId = prefix + number.ToString(new string('0', digits), CultureInfo.InvariantCulture) };
        }).ToList();
    }

    private Melding Draft(Incident incident)
    {
        var bron = incident.Reporter?.Bron ?? DrawBron(incident.Local.Hour);
        var pointOnly = incident.Reporter is null && _rng.NextDouble() < bron switch { "app" => 0.85, "boa" => 0.3, _ => 0.0 };
        var waargenomen = AmsterdamTime.ToInstant(incident.Local.AddSeconds(bron is "app" or "boa" ? _rng.Next(60) : 0));
        var gemeld = GemeldOp(bron, waargenomen);
        var melder = incident.Reporter?.Melder
                     ?? (_rng.NextDouble() < bron switch { "KCC" => 0.85, "app" => 0.8, _ => 0.0 } ? NewMelder() : null);
        var adres = pointOnly ? "" : incident.Reporter?.Adres ?? AddressSpelling.Write(incident.Address, _rng);
        var texts = Categories[incident.Categorie].Single(c => c.Sub == incident.Subcategorie).Texts;
        return new Melding(bron, "", incident.Categorie, incident.Subcategorie, gemeld, waargenomen, Pick(texts), adres,
            pointOnly ? DemoTown.RoundToMm(incident.Point) : null, melder, incident.Patroon, incident.Point);
    }

    /// <summary>Boa shifts do not cover 00:00–07:00, so night incidents come in by phone or app only.</summary>
    private string DrawBron(int hour)
    {
        var draw = _rng.NextDouble();
        if (hour < 7)
        {
            return draw < 0.55 ? "KCC" : "app";
        }
        return draw switch { < 0.45 => "KCC", < 0.78 => "app", < 0.90 => "dagrapportage", _ => "boa" };
    }

    /// <summary>
    /// App and boa: minutes. KCC: within hours by day; at night a third call the night line, the rest the next morning.
    /// Dagrapportage: written up at the end of the shift (16:00 or 23:30).
    /// </summary>
    private DateTimeOffset GemeldOp(string bron, DateTimeOffset waargenomen)
    {
        var local = AmsterdamTime.ToLocal(waargenomen);
        return bron switch
        {
            "app" => waargenomen.AddSeconds(_rng.Next(30, 1200)),
            "boa" => waargenomen.AddSeconds(_rng.Next(0, 600)),
            "KCC" when local.Hour is >= 8 and < 20 || _rng.NextDouble() < 0.33 => waargenomen.AddMinutes(_rng.Next(5, 180)),
            "KCC" => AmsterdamTime.ToInstant(DateOnly.FromDateTime(local.Hour >= 20 ? local.Date.AddDays(1) : local.Date)
                .ToDateTime(new TimeOnly(8, 0)).AddMinutes(_rng.Next(5, 240))),
            _ => Max(waargenomen.AddMinutes(10), AmsterdamTime.ToInstant(local.Date.AddHours(local.Hour < 15 ? 16 : 23.5).AddMinutes(_rng.Next(0, 25)))),
        };
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static readonly string[] Voornamen =
    [
        "Jan", "Anna", "Mohammed", "Sophie", "Pieter", "Fleur", "Daan", "Emma", "Kees", "Yara", "Willem", "Lotte", "Ahmed",
        "Ingrid", "Bram", "Noor", "Hans", "Marieke", "Sem", "Julia", "Gerrit", "Sanne", "Youssef", "Tessa", "Henk", "Eva",
        "Ricardo", "Linda", "Thijs", "Femke", "Mustafa", "Wendy", "Ruud", "Iris", "Dewi", "Mark", "Esther", "Luuk", "Nadia", "Bas",
    ];

    private static readonly string[] Achternamen =
    [
        "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos",
        "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Yilmaz", "El Idrissi", "van der Meer",
        "Koster", "Prins", "Huisman", "Kuipers", "van Dam", "Willems", "Postma", "Schouten", "Verbeek", "Kaya", "Boukhari",
        "van Dijk", "Jacobs", "de Haan", "Vermeulen", "van der Heijden", "Kramer", "Hoekstra", "Sahin", "Wijaya", "Timmermans",
        "Groen", "Veenstra", "Gerritsen", "Blom", "Martens", "Hermans", "Kok",
    ];

    private Melder NewMelder()
    {
        var voornaam = Pick(Voornamen);
        var achternaam = Pick(Achternamen);
        var naam = _rng.NextDouble() < 0.5 ? $"{voornaam} {achternaam}" : $"{voornaam[0]}. {achternaam}";
        // Most people's address has a number or year in it; without one, thousands of melders would share an address.
        var local = achternaam.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()
                    + (_rng.NextDouble() < 0.8 ? _rng.Next(1, 100).ToString(CultureInfo.InvariantCulture) : "");
        var email = _rng.NextDouble() switch
        {
            < 0.5 => $"{char.ToLowerInvariant(voornaam[0])}.{local}@example.nl",
            < 0.8 => $"{voornaam.ToLowerInvariant()}.{local}@example.com",
            < 0.9 => $"{voornaam.ToLowerInvariant()}{local}@example.org",
            _ => "",
        };
        var digits = string.Create(CultureInfo.InvariantCulture, $"{_rng.Next(1, 7)}{_rng.Next(0, 10_000_000):0000000}");
        var telefoon = _rng.NextDouble() switch
        {
            < 0.55 => $"06-{digits}",
            < 0.70 => $"06 {digits[..4]} {digits[4..]}",
            < 0.80 => $"+31 6 {digits}",
            < 0.90 => $"06{digits}",
            _ => "",
        };
        return new Melder(naam, email, email.Length == 0 && telefoon.Length == 0 ? $"06-{digits}" : telefoon);
    }

    private void AddNear(string patroon, string categorie, string sub, DateTime local, Coordinate centre, double radius)
    {
        var point = InDisk(centre, radius, _rng);
        Add(patroon, categorie, sub, local, point, _index.Nearest(point));
    }

    private void Add(string patroon, string categorie, string sub, DateTime local, Coordinate point, Address address) =>
        _incidents.Add(new Incident(patroon, categorie, sub, local, point, address, null));

    /// <summary>Calls <paramref name="add"/> a Poisson number of times with mean <paramref name="mean"/> times the scale.</summary>
    private void RepeatPoisson(double mean, Action add)
    {
        var limit = Math.Exp(-mean * _scale);
        var product = _rng.NextDouble();
        while (product > limit)
        {
            add();
            product *= _rng.NextDouble();
        }
    }

    private DateTime TimeIn(DateOnly day, TimeOnly from, int minutes) =>
        day.ToDateTime(from).AddMinutes(_rng.Next(minutes));

    private static Coordinate InDisk(Coordinate centre, double radius, Random rng)
    {
        var r = radius * Math.Sqrt(rng.NextDouble());
        var theta = rng.NextDouble() * 2 * Math.PI;
        return new Coordinate(centre.X + r * Math.Cos(theta), centre.Y + r * Math.Sin(theta));
    }

    private Coordinate Jitter(Coordinate c, double metres) => InDisk(c, metres, _rng);

    private string PickSub(string categorie) => Pick(Categories[categorie]).Sub;

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private int PickWeighted(IReadOnlyList<double> weights)
    {
        var target = _rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Count; i++)
        {
            target -= weights[i];
            if (target < 0)
            {
                return i;
            }
        }
        return weights.Count - 1;
    }
}
