namespace GeoHandhaving.Cli.Demo;

/// <summary>
/// How people type an address into a form or how a KCC employee notes it: with or without postcode and woonplaats,
/// abbreviated (Burg., Prof., 1e, str.), lowercase, letters and toevoegingen in several notations, "t.h.v." in front.
/// The geocoder has to bring all of these back to one BAG address.
/// </summary>
public static class AddressSpelling
{
    private static readonly (string Full, string Short)[] Abbreviations =
    [
        ("Burgemeester ", "Burg. "), ("Professor ", "Prof. "), ("Dokter ", "Dr. "), ("Sint ", "St. "), ("Eerste ", "1e "),
        ("Tweede ", "2e "), ("Derde ", "3e "), ("Koningin ", "Kon. "), ("Prinses ", "Pr. "), ("Prins ", "Pr. "),
        ("Pastoor ", "Past. "), ("Wethouder ", "Weth. "),
    ];

    public static string Write(Address address, Random rng)
    {
        var street = address.Straat;
        if (rng.NextDouble() < 0.3)
        {
            street = Abbreviate(street, rng);
        }
        var text = $"{street} {Number(address, rng)}";
        var postcode = rng.NextDouble() switch
        {
            < 0.35 => $"{address.Postcode[..4]} {address.Postcode[4..]}",
            < 0.55 => address.Postcode,
            < 0.60 => address.Postcode.ToLowerInvariant(),
            _ => "",
        };
        var woonplaats = rng.NextDouble() switch
        {
            < 0.60 => DemoTown.Woonplaats,
            < 0.65 => DemoTown.Woonplaats.ToUpperInvariant(),
            _ => "",
        };
        var tail = string.Join(' ', new[] { postcode, woonplaats }.Where(s => s.Length > 0));
        if (tail.Length > 0)
        {
            text += (rng.NextDouble() < 0.8 ? ", " : " ") + tail;
        }
        text = rng.NextDouble() switch
        {
            < 0.05 => "t.h.v. " + text,
            < 0.08 => "tegenover " + text,
            < 0.10 => "bij " + text,
            _ => text,
        };
        return rng.NextDouble() < 0.08 ? text.ToLowerInvariant() : text;
    }

    private static string Abbreviate(string street, Random rng)
    {
        foreach (var (full, abbreviation) in Abbreviations)
        {
            if (street.StartsWith(full, StringComparison.Ordinal))
            {
                return abbreviation + street[full.Length..];
            }
        }
        if (street.EndsWith("straat", StringComparison.Ordinal))
        {
            return street[..^"aat".Length] + ".";
        }
        return street.EndsWith("laan", StringComparison.Ordinal) && rng.NextDouble() < 0.5 ? street[..^"aan".Length] + "n." : street;
    }

    private static string Number(Address address, Random rng)
    {
        var number = address.Huisnummer.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (address.Huisletter.Length > 0)
        {
            var letter = address.Huisletter;
            return rng.NextDouble() switch
            {
                < 0.55 => number + letter.ToLowerInvariant(),
                < 0.75 => number + letter,
                < 0.90 => $"{number} {letter.ToLowerInvariant()}",
                _ => $"{number}-{letter.ToLowerInvariant()}",
            };
        }
        if (address.Toevoeging == "H")
        {
            return rng.NextDouble() switch
            {
                < 0.4 => number + "-H",
                < 0.6 => number + " hs",
                < 0.8 => number + "-huis",
                _ => number + "H",
            };
        }
        if (address.Toevoeging.Length > 0)
        {
            return rng.NextDouble() switch
            {
                < 0.5 => $"{number}-{address.Toevoeging}",
                < 0.75 => $"{number} {address.Toevoeging}",
                _ => $"{number} {address.Toevoeging}hg",
            };
        }
        return number;
    }
}
