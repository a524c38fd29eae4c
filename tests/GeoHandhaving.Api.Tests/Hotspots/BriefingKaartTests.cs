using System.Xml.Linq;
using GeoHandhaving.Api.Briefing;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Api.Tests.Hotspots;

/// <summary>The wijk map's school names against its numbered markers, on a hand-made wijk (no database).</summary>
public class BriefingKaartTests
{
    // A wijk of 1200 × 800 m: at this scale a marker's radius is about 22 m and a school's name some 300 m long.
    private const double MinX = 100_000, MinY = 450_000;
    private static readonly Geometry Wijk = RdNew.RdFactory.ToGeometry(new Envelope(MinX, MinX + 1200, MinY, MinY + 800));

    private static Plaats Plek(int nummer, double x, double y)
    {
        var centrum = RdNew.RdFactory.CreatePoint(new Coordinate(MinX + x, MinY + y));
        var hotspot = new HotspotView(nummer, "schoolbrengen", [], centrum.Buffer(50), centrum, 10, 2, 4, 0.001, 8, 1, "persistent", ["WK01"], [],
            1, ["Schoolweg"], "Buurt", "Schoolweg", []);
        return new Plaats(nummer, hotspot, [hotspot], [], new Dictionary<int, double>(), []);
    }

    private static KaartSchool School(string naam, double x, double y) => new(naam, RdNew.RdFactory.CreatePoint(new Coordinate(MinX + x, MinY + y)));

    private static (XElement Svg, WijkKaart Kaart) Render(IReadOnlyList<Plaats> plaatsen, params KaartSchool[] scholen)
    {
        var kaart = BriefingKaart.Render("WK01", "Centrum", Wijk, plaatsen, scholen, "");
        return (XElement.Parse(kaart.Svg), kaart);
    }

    [Fact]
    public void A_school_just_left_of_a_marker_gets_its_name_clear_of_the_marker()
    {
        // De Regenboog as in the demo: its square half under marker 2, where a name set to the right runs over the number.
        var (svg, kaart) = Render([Plek(1, 900, 600), Plek(2, 400, 300)], School("Basisschool De Regenboog", 380, 300));
        Assert.Empty(KaartGeometrie.Botsingen(svg));
        var label = Assert.Single(KaartGeometrie.Labels(svg));
        Assert.Equal(("Basisschool De Regenboog", false), (label.Tekst, label.Letter));
        Assert.Empty(kaart.Legenda);
    }

    [Fact]
    public void Crowded_school_names_cover_no_marker_no_other_name_and_stay_on_the_map()
    {
        var (svg, _) = Render([Plek(1, 300, 400), Plek(2, 360, 400), Plek(3, 600, 420), Plek(4, 600, 380), Plek(5, 1150, 700)],
            School("Basisschool De Regenboog", 280, 400),
            School("Openbare Basisschool Het Kompas", 330, 430),
            School("Christelijke Basisschool De Wegwijzer", 330, 370),
            School("Montessorischool Demodorp", 620, 400),
            School("Stedelijk Gymnasium Demodorp", 1180, 650),
            School("Jenaplanschool De Boomgaard", 1180, 740));
        Assert.Empty(KaartGeometrie.Botsingen(svg));
        Assert.Equal(6, KaartGeometrie.Labels(svg).Count);
    }

    [Fact]
    public void A_school_under_a_marker_is_lettered_on_the_map_and_named_in_the_legend()
    {
        var (svg, kaart) = Render([Plek(1, 600, 400)], School("OBS De Springplank", 600, 400), School("CBS De Ark", 200, 200));
        Assert.Empty(KaartGeometrie.Botsingen(svg));
        var labels = KaartGeometrie.Labels(svg);
        var letter = Assert.Single(labels, l => l.Letter);
        Assert.Equal(("OBS De Springplank", "A"), (letter.School, letter.Tekst));
        Assert.Equal([("A", "OBS De Springplank")], kaart.Legenda.Select(l => (l.Letter!, l.School.Naam)));
        Assert.Contains(labels, l => l is { Tekst: "CBS De Ark", Letter: false });
    }
}
