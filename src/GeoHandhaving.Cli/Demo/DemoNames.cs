namespace GeoHandhaving.Cli.Demo;

/// <summary>Buurt names per wijk: compass halves of the wijk name plus themed names, as CBS buurten are often called.</summary>
internal static class BuurtNames
{
    private static readonly Dictionary<string, string[]> PerWijk = new()
    {
        ["Centrum"] = ["Binnenstad", "Kerkbuurt", "Marktkwartier", "Stationsbuurt", "Havenkwartier", "Kloosterhof", "Gasthuisbuurt", "Torenbuurt"],
        ["Oud-Noord"] = ["Oranjebuurt", "Vorstenkwartier", "Noorderhaven", "Prinsenbuurt", "Zeeheldenbuurt", "Nassaubuurt", "Oud-Noord-Oost", "Oud-Noord-West"],
        ["Hoogkamp"] = ["Hoogkamp-Noord", "Hoogkamp-Zuid", "Professorenbuurt", "Hoge Akker", "Kampereng", "Geleerdenbuurt", "Hoogkamp-Oost", "Hoogkamp-West"],
        ["Oosterhof"] = ["Schildersbuurt", "Oosterhof-Noord", "Oosterhof-Zuid", "Kunstenaarsbuurt", "Oostereng", "Meestersbuurt", "Paletbuurt",
            "Oosterhof-Midden"],
        ["De Velden"] = ["Bloemenbuurt", "Velden-Noord", "Velden-Zuid", "Tuinbouwbuurt", "Bloemhof", "Zonneveld", "Akkerbuurt", "Veldzicht"],
        ["Zuiderpark"] = ["Vogelbuurt", "Zuiderpark-Oost", "Zuiderpark-West", "Parkzicht", "Vogelzang", "Zuiderhout", "Weidebuurt", "Kievitsbuurt"],
        ["Molenwijk"] = ["Molenbuurt", "Burgemeesterswijk", "Molenwijk-Noord", "Molenwijk-Zuid", "Heiligenbuurt", "Korenmolen", "Molenakker", "Dokterswijk"],
        ["Westerbroek"] = ["Bomenbuurt", "Westerbroek-Noord", "Westerbroek-Zuid", "Boswijk", "Broekpolder", "Lindenhof", "Westeinde", "Eikenhorst"],
    };

    public static IReadOnlyList<string> For(string wijknaam) => PerWijk[wijknaam];
}

/// <summary>
/// Street names by wijk theme, as Dutch neighbourhoods are named (flowers, birds, painters, burgemeesters…). The historic
/// centre has its own fixed names; the themes deliberately contain the words the geocoder abbreviates (Burgemeester,
/// Professor, Dokter, Sint, Eerste, Koningin, Prins, Pastoor).
/// </summary>
internal static class StreetNames
{
    private static readonly string[] Centrum =
    [
        "Dorpsstraat", "Kerkstraat", "Marktstraat", "Molenlaan", "Schoolweg", "Eerste Dwarsstraat", "Tweede Dwarsstraat",
        "Derde Dwarsstraat", "Nieuwstraat", "Achterom", "Sint Janstraat", "Sint Nicolaasstraat", "Kerkplein",
        "Burgemeester de Vriesstraat", "Burgemeester van Harenlaan", "Havenstraat", "Langestraat", "Korte Kerkstraat",
        "Lange Kerkstraat", "Stationsweg", "Stationsstraat", "Brugstraat", "Torenstraat", "Oude Gracht", "Nieuwe Gracht",
        "Kloosterstraat", "Gasthuisstraat", "Raadhuisstraat", "Wilhelminastraat", "Julianastraat", "Prins Hendrikstraat",
        "Hoogstraat", "Voorstraat", "Achterstraat", "Kruisstraat", "Peperstraat", "Bakkerstraat", "Smidsteeg",
        "Vissersteeg", "Eerste Kerkdwarsstraat", "Tweede Kerkdwarsstraat", "Koningin Emmastraat", "Van 't Hofstraat",
    ];

    private static readonly Dictionary<string, (string[] Words, string[] Suffixes)> Themes = new()
    {
        ["Oud-Noord"] = (["Prins Bernhard", "Koningin Emma", "Oranje", "Nassau", "Willem de Zwijger", "Maurits", "Frederik Hendrik",
            "Johan de Witt", "De Ruyter", "Tromp", "Piet Hein", "Van Speijk", "Koningin Juliana", "Prinses Irene", "Van Galen",
            "Evertsen", "Van Kinsbergen", "Karel Doorman"], ["straat", "laan", "plein", "kade", "singel"]),
        ["Hoogkamp"] = (["Professor Lorentz", "Professor Zernike", "Professor Kamerlingh Onnes", "Professor Einthoven",
            "Professor Van der Waals", "Professor Zeeman", "Professor Debye", "Professor Huizinga", "Christiaan Huygens",
            "Antoni van Leeuwenhoek", "Simon Stevin", "Snellius", "Boerhaave", "Dokter Aletta Jacobs", "Dokter Schaepman",
            "Professor Tinbergen"], ["laan", "straat", "weg", "hof", "plein"]),
        ["Oosterhof"] = (["Rembrandt", "Vermeer", "Frans Hals", "Jan Steen", "Van Gogh", "Mondriaan", "Breitner",
            "Jozef Israëls", "Mesdag", "Van Ruisdael", "Hobbema", "Jan van Goyen", "Pieter de Hooch", "Ferdinand Bol",
            "Escher", "Karel Appel", "Toorop", "Weissenbruch"], ["straat", "laan", "hof", "plein", "pad"]),
        ["De Velden"] = (["Rozen", "Tulpen", "Narcissen", "Anjer", "Lelie", "Iris", "Krokus", "Hyacinten", "Seringen",
            "Klaver", "Zonnebloem", "Margriet", "Korenbloem", "Distel", "Lavendel", "Akelei", "Goudsbloem", "Viooltjes"],
            ["straat", "laan", "hof", "pad", "veld"]),
        ["Zuiderpark"] = (["Merel", "Lijster", "Spreeuwen", "Vinken", "Mezen", "Roodborst", "Kievit", "Zwaluw", "Reiger",
            "Ooievaar", "Specht", "Wielewaal", "Nachtegaal", "Leeuwerik", "Kwartel", "Buizerd", "Fazant", "Grutto"],
            ["straat", "laan", "hof", "pad", "weg"]),
        ["Molenwijk"] = (["Burgemeester Jansen", "Burgemeester van der Meer", "Burgemeester Bosch", "Burgemeester Smits",
            "Burgemeester van Dijk", "Burgemeester Hendriks", "Dokter van Noort", "Dokter Schuurman", "Pastoor van Ars",
            "Sint Jozef", "Sint Maarten", "Sint Willibrord", "Pastoor Ruijs", "Korenmolen", "Oliemolen", "Houtzaagmolen",
            "Wethouder Kuipers", "Notaris de Wit"], ["straat", "laan", "weg", "plein", "singel"]),
        ["Westerbroek"] = (["Eiken", "Beuken", "Berken", "Linden", "Esdoorn", "Kastanje", "Wilgen", "Populieren", "Iepen",
            "Essen", "Elzen", "Lariks", "Hazelaar", "Meidoorn", "Vlier", "Taxus", "Platanen", "Acacia"],
            ["laan", "straat", "hof", "dreef", "pad"]),
    };

    /// <summary>
    /// An endless, deterministic sequence of names for a wijk: for the centre its fixed names, for the others theme words
    /// with suffixes (each word first with one suffix, then the rest), skipping names already used elsewhere in the town.
    /// </summary>
    public static IEnumerable<string> For(string wijknaam, Random rng)
    {
        if (wijknaam == "Centrum")
        {
            foreach (var name in Centrum)
            {
                yield return name;
            }
            // More centre streets than fixed names: fall back on a theme, as town centres grew into their surroundings.
            wijknaam = "Oud-Noord";
        }
        var (words, suffixes) = Themes[wijknaam];
        var combinations = (from suffix in suffixes from word in words select word + suffix).ToList();
        var firstRound = combinations.Take(words.Length).OrderBy(_ => rng.Next()).ToList();
        var rest = combinations.Skip(words.Length).OrderBy(_ => rng.Next()).ToList();
        foreach (var name in firstRound.Concat(rest))
        {
            yield return name;
        }
        for (var n = 1; ; n++)
        {
            yield return $"{wijknaam}pad {n}";
        }
    }
}
