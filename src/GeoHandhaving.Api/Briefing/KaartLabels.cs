namespace GeoHandhaving.Api.Briefing;

/// <summary>A box on the map in pixels (x right, y down).</summary>
public readonly record struct Box(double Left, double Top, double Right, double Bottom)
{
    public Box Grow(double d) => new(Left - d, Top - d, Right + d, Bottom + d);

    public bool Intersects(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool IntersectsCircle(double cx, double cy, double r)
    {
        var (dx, dy) = (cx - Math.Clamp(cx, Left, Right), cy - Math.Clamp(cy, Top, Bottom));
        return dx * dx + dy * dy < r * r;
    }

    public bool Within(Box other) => Left >= other.Left && Top >= other.Top && Right <= other.Right && Bottom <= other.Bottom;
}

/// <summary>What a school's label may not cover: a hotspot marker (a circle) or a box (a school, the scale bar, the north arrow, a placed label).</summary>
public sealed class KaartObstakel
{
    private readonly Func<Box, bool> _raakt;

    private KaartObstakel(Func<Box, bool> raakt) => _raakt = raakt;

    public static KaartObstakel Cirkel(double cx, double cy, double r) => new(label => label.IntersectsCircle(cx, cy, r));

    public static KaartObstakel Vlak(Box vak) => new(vak.Intersects);

    public bool Raakt(Box label) => _raakt(label);
}

/// <param name="Letter">Set when the name found no free place: the letter on the map, the name in the legend below it.</param>
/// <param name="Wijzer">From the school to a letter set further off, when nothing right beside the school was free.</param>
public sealed record SchoolLabel(KaartSchool School, string Tekst, string? Letter, double X, double Basislijn, double FontPixels, bool Vet,
    (double X1, double Y1, double X2, double Y2)? Wijzer);

/// <summary>
/// Places the schools' names on a wijk map so that no name covers a hotspot marker, a school, another name, the scale
/// bar, the north arrow or the map's edge: right of the school, else left, above, below or at a corner; a school whose name fits
/// nowhere gets a letter there instead (further off with a pointer when need be) and its name goes in the legend, as a
/// cartographer letters a crowded map. All in pixels; text widths are estimated conservatively from the font size.
/// </summary>
public static class KaartLabels
{
    public const double SchoolHalf = 5;
    private const double Afstand = 3;
    private const double Marge = 2; // clear room around a label
    private const double NaamPixels = 10;
    private const double LetterPixels = 11;

    /// <param name="schoolPunten">Per school its point on the map in pixels, in the order of <paramref name="scholen"/>.</param>
    public static IReadOnlyList<SchoolLabel> Plaats(IReadOnlyList<KaartSchool> scholen, IReadOnlyList<(double X, double Y)> schoolPunten,
        IReadOnlyList<KaartObstakel> obstakels, double breedte, double hoogte)
    {
        var kaart = new Box(0, 0, breedte, hoogte).Grow(-Marge);
        var bezet = new List<KaartObstakel>(obstakels);
        bezet.AddRange(schoolPunten.Select(p => KaartObstakel.Vlak(new Box(p.X, p.Y, p.X, p.Y).Grow(SchoolHalf))));
        bool Vrij(Box label) => label.Within(kaart) && !bezet.Any(o => o.Raakt(label.Grow(Marge)));

        var labels = new SchoolLabel?[scholen.Count];
        var naamKandidaten = scholen.Select((s, i) => Kandidaten(schoolPunten[i], Breedte(s.Naam, NaamPixels, vet: false), NaamPixels, [0])
            .Select(k => k.Vak).ToList()).ToList();
        // The most hemmed-in school first, so that a name with room to spare does not take its only free place.
        foreach (var i in Enumerable.Range(0, scholen.Count).OrderBy(i => naamKandidaten[i].Count(Vrij)).ThenBy(i => i).ToList())
        {
            var vak = naamKandidaten[i].FirstOrDefault(Vrij);
            if (vak == default) continue;
            labels[i] = Label(scholen[i], scholen[i].Naam, null, vak, NaamPixels, false, null);
            bezet.Add(KaartObstakel.Vlak(vak));
        }
        // Letters after all names: a letter is small and fits where a name does not.
        var letter = 'A';
        for (var i = 0; i < scholen.Count; i++)
        {
            if (labels[i] is not null) continue;
            var tekst = letter++.ToString();
            var kandidaten = Kandidaten(schoolPunten[i], Breedte(tekst, LetterPixels, vet: true), LetterPixels, [0, 12, 24, 36, 48, 72]).ToList();
            var (vak, verder) = kandidaten.FirstOrDefault(k => Vrij(k.Vak));
            // Crowded beyond every candidate: the letter stays right of its school, where a reader looks first.
            if (vak == default) (vak, verder) = kandidaten[0];
            var (x, y) = schoolPunten[i];
            var wijzer = verder > 0 ? (x, y, Math.Clamp(x, vak.Left, vak.Right), Math.Clamp(y, vak.Top, vak.Bottom)) : ((double, double, double, double)?)null;
            labels[i] = Label(scholen[i], tekst, tekst, vak, LetterPixels, true, wijzer);
            bezet.Add(KaartObstakel.Vlak(vak));
        }
        return [.. labels.OfType<SchoolLabel>()];
    }

    /// <summary>
    /// An upper bound of a text's width in the sans-serif of the page (DejaVu Sans on Debian, wider than most): wide, capital,
    /// narrow and other letters per em; bold a tenth wider.
    /// </summary>
    public static double Breedte(string tekst, double fontPixels, bool vet) => fontPixels * (vet ? 1.1 : 1) * tekst.Sum(c => c switch
    {
        'm' or 'w' or 'M' or 'W' => 1.0,
        'i' or 'j' or 'l' or 'I' or 'f' or 't' or 'r' or ' ' or '.' or ',' or '\'' or '-' or '(' or ')' => 0.42,
        _ when char.IsUpper(c) => 0.8,
        _ => 0.65,
    });

    /// <summary>Above the baseline and below it, per em: the font's ascent and descent, rounded up.</summary>
    public const double Boven = 0.95, Onder = 0.25;

    /// <summary>Right, left, above, below, then the four corners; at each distance beyond the school's square in turn.</summary>
    private static IEnumerable<(Box Vak, double Verder)> Kandidaten((double X, double Y) school, double breedte, double fontPixels, double[] verder)
    {
        var (x, y) = school;
        var hoogte = (Boven + Onder) * fontPixels;
        var d0 = SchoolHalf + Afstand;
        foreach (var d in verder)
        {
            var r = d0 + d;
            yield return (new Box(x + r, y - hoogte / 2, x + r + breedte, y + hoogte / 2), d);
            yield return (new Box(x - r - breedte, y - hoogte / 2, x - r, y + hoogte / 2), d);
            yield return (new Box(x - breedte / 2, y - r - hoogte, x + breedte / 2, y - r), d);
            yield return (new Box(x - breedte / 2, y + r, x + breedte / 2, y + r + hoogte), d);
            var s = d0 + d * 0.7; // off the square's corner as far as beside it
            yield return (new Box(x + s, y - s - hoogte, x + s + breedte, y - s), d);
            yield return (new Box(x + s, y + s, x + s + breedte, y + s + hoogte), d);
            yield return (new Box(x - s - breedte, y - s - hoogte, x - s, y - s), d);
            yield return (new Box(x - s - breedte, y + s, x - s, y + s + hoogte), d);
        }
    }

    private static SchoolLabel Label(KaartSchool school, string tekst, string? letter, Box vak, double fontPixels, bool vet,
        (double, double, double, double)? wijzer) =>
        new(school, tekst, letter, vak.Left, vak.Bottom - Onder * fontPixels, fontPixels, vet, wijzer);
}
