using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.Union;
using NetTopologySuite.Triangulate;

namespace GeoHandhaving.Cli.Demo;

public sealed record Buurt(string Code, string Naam, string WijkCode, Polygon Geometry);

public sealed record Wijk(string Code, string Naam, int Index, MultiPolygon Geometry);

/// <summary>A named place that draws meldingen (square, park, station); no addresses inside its radius.</summary>
public sealed record Landmark(string Naam, string Soort, Coordinate Location, double Radius);

/// <summary>
/// The fictional gemeente Demodorp (GM9999): an irregular boundary, Voronoi buurten clipped to it, wijken as unions of
/// buurten around eight wijk seeds, and the landmarks the meldingen model needs.
/// </summary>
public sealed class DemoTown
{
    public const string GemeenteCode = "GM9999";
    public const string GemeenteNaam = "Demodorp";
    public const string Woonplaats = "Demodorp";

    /// <summary>Veluwe, between Garderen and Voorthuizen: on land, in RD New; the town itself is fictional.</summary>
    public static readonly Coordinate Centre = new(186_000, 468_000);

    private const double Radius = 1_900;
    private const int BuurtCount = 50;

    /// <summary>Mm-precision overlay, so the edge two buurten share is computed once and rounded identically.</summary>
    private static readonly PrecisionModel Millimetre = new(1000);

    private static readonly string[] WijkNamen =
        ["Centrum", "Oud-Noord", "Hoogkamp", "Oosterhof", "De Velden", "Zuiderpark", "Molenwijk", "Westerbroek"];

    public required MultiPolygon Gemeente { get; init; }
    public required IReadOnlyList<Wijk> Wijken { get; init; }
    public required IReadOnlyList<Buurt> Buurten { get; init; }
    public required IReadOnlyList<Landmark> Landmarks { get; init; }

    public Landmark LandmarkNamed(string naam) => Landmarks.Single(l => l.Naam == naam);

    public IEnumerable<Landmark> Parks => Landmarks.Where(l => l.Soort == "park");

    public static DemoTown Build(Random rng)
    {
        // A concave boundary can cut a Voronoi cell in two; draw again until every buurt is one polygon.
        while (true)
        {
            var boundary = DrawBoundary(rng);
            var sites = DrawSites(rng, boundary);
            var cells = VoronoiCells(sites, boundary);
            if (cells.Any(c => c.Cell is not Polygon))
            {
                continue;
            }
            var wijkSeeds = WijkSeeds(rng);
            var wijkOf = cells.Select(c => NearestIndex(wijkSeeds, c.Site)).ToArray();
            if (Enumerable.Range(0, wijkSeeds.Length).Any(w => wijkOf.Count(x => x == w) < 2))
            {
                continue;
            }
            return Assemble(cells, wijkOf, wijkSeeds, rng);
        }
    }

    private static Polygon DrawBoundary(Random rng)
    {
        const int vertices = 96;
        var phases = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 2 * Math.PI).ToArray();
        var ring = new Coordinate[vertices + 1];
        for (var i = 0; i < vertices; i++)
        {
            var theta = 2 * Math.PI * i / vertices;
            var r = Radius * (1 + 0.14 * Math.Sin(2 * theta + phases[0]) + 0.07 * Math.Sin(3 * theta + phases[1])
                                + 0.04 * Math.Sin(7 * theta + phases[2]) + 0.015 * (rng.NextDouble() - 0.5));
            ring[i] = RoundToMm(new Coordinate(Centre.X + r * Math.Cos(theta), Centre.Y + r * Math.Sin(theta)));
        }
        ring[vertices] = ring[0].Copy();
        return RdNew.RdFactory.CreatePolygon(ring);
    }

    /// <summary>Buurt seeds, denser towards the centre (small old buurten, large outer ones), at least 150 m apart.</summary>
    private static List<Coordinate> DrawSites(Random rng, Polygon boundary)
    {
        var sites = new List<Coordinate> { Centre.Copy() };
        while (sites.Count < BuurtCount)
        {
            var r = 1.2 * Radius * Math.Pow(rng.NextDouble(), 0.8);
            var theta = rng.NextDouble() * 2 * Math.PI;
            var site = RoundToMm(new Coordinate(Centre.X + r * Math.Cos(theta), Centre.Y + r * Math.Sin(theta)));
            if (boundary.Contains(RdNew.RdFactory.CreatePoint(site)) && sites.All(s => s.Distance(site) >= 150))
            {
                sites.Add(site);
            }
        }
        return sites;
    }

    private static List<(Coordinate Site, Geometry Cell)> VoronoiCells(List<Coordinate> sites, Polygon boundary)
    {
        var builder = new VoronoiDiagramBuilder();
        builder.SetSites(sites);
        var clip = boundary.EnvelopeInternal.Copy();
        clip.ExpandBy(Radius);
        builder.ClipEnvelope = clip;
        var diagram = builder.GetDiagram(RdNew.RdFactory);
        var cells = new List<(Coordinate, Geometry)>();
        for (var i = 0; i < diagram.NumGeometries; i++)
        {
            var cell = (Geometry)diagram.GetGeometryN(i).Copy();
            cell.Apply(new RoundToMmFilter());
            cell.GeometryChanged();
            var clipped = OverlayNG.Overlay(cell, boundary, SpatialFunction.Intersection, Millimetre);
            cells.Add(((Coordinate)diagram.GetGeometryN(i).UserData, clipped));
        }
        // Order by the site, so codes do not depend on the triangulation's internal order.
        return cells.OrderBy(c => c.Item1.Y).ThenBy(c => c.Item1.X).ToList();
    }

    /// <summary>Centrum in the middle, seven wijken around it, named clockwise from the north.</summary>
    private static Coordinate[] WijkSeeds(Random rng)
    {
        var wobble = (rng.NextDouble() - 0.5) * 0.4;
        return
        [
            Centre.Copy(),
            .. Enumerable.Range(0, 7).Select(k =>
            {
                var theta = Math.PI / 2 - 2 * Math.PI * k / 7 + wobble;
                return new Coordinate(Centre.X + 0.65 * Radius * Math.Cos(theta), Centre.Y + 0.65 * Radius * Math.Sin(theta));
            }),
        ];
    }

    private static DemoTown Assemble(List<(Coordinate Site, Geometry Cell)> cells, int[] wijkOf, Coordinate[] wijkSeeds, Random rng)
    {
        var wijken = new List<Wijk>();
        var buurten = new List<Buurt>();
        for (var w = 0; w < wijkSeeds.Length; w++)
        {
            var wijkCode = $"WK9999{w:00}";
            var members = cells.Where((_, i) => wijkOf[i] == w).ToList();
            var names = BuurtNames.For(WijkNamen[w]);
            for (var b = 0; b < members.Count; b++)
            {
                var naam = b < names.Count ? names[b] : $"{WijkNamen[w]} {b + 1}";
                buurten.Add(new Buurt($"BU9999{w:00}{b:00}", naam, wijkCode, Orient((Polygon)members[b].Cell)));
            }
            var union = UnaryUnionOp.Union(members.Select(m => m.Cell).ToList());
            wijken.Add(new Wijk(wijkCode, WijkNamen[w], w, AsMultiPolygon(union)));
        }
        var gemeente = AsMultiPolygon(UnaryUnionOp.Union(buurten.Select(b => (Geometry)b.Geometry).ToList()));
        return new DemoTown
        {
            Gemeente = gemeente,
            Wijken = wijken,
            Buurten = buurten,
            Landmarks = PlaceLandmarks(wijkSeeds, rng),
        };
    }

    /// <summary>
    /// The market square in the centre, the station towards Hoogkamp, the Stadspark towards De Velden, and two parks in
    /// the wijken named after them: directions are fixed so that no two hotspots overlap by chance.
    /// </summary>
    private static List<Landmark> PlaceLandmarks(Coordinate[] wijkSeeds, Random rng)
    {
        Coordinate Towards(string wijknaam, double fraction)
        {
            var seed = wijkSeeds[Array.IndexOf(WijkNamen, wijknaam)];
            var theta = Math.Atan2(seed.Y - Centre.Y, seed.X - Centre.X) + (rng.NextDouble() - 0.5) * 0.6;
            var distance = fraction * Radius;
            return RoundToMm(new Coordinate(Centre.X + distance * Math.Cos(theta), Centre.Y + distance * Math.Sin(theta)));
        }
        return
        [
            new Landmark("Marktplein", "plein", Centre.Copy(), 35),
            new Landmark("Station Demodorp", "station", Towards("Hoogkamp", 0.3), 60),
            new Landmark("Stadspark", "park", Towards("De Velden", 0.45), 140),
            new Landmark("Zuiderpark", "park", Towards("Zuiderpark", 0.65), 160),
            new Landmark("Westerbos", "park", Towards("Westerbroek", 0.65), 120),
        ];
    }

    private static int NearestIndex(Coordinate[] seeds, Coordinate c) =>
        Enumerable.Range(0, seeds.Length).MinBy(i => seeds[i].Distance(c));

    /// <summary>RFC 7946 wants counter-clockwise outer rings; NTS does not guarantee an orientation.</summary>
    private static Polygon Orient(Polygon polygon)
    {
        var shell = polygon.Shell;
        return NetTopologySuite.Algorithm.Orientation.IsCCW(shell.CoordinateSequence)
            ? polygon
            : RdNew.RdFactory.CreatePolygon((LinearRing)shell.Reverse());
    }

    private static MultiPolygon AsMultiPolygon(Geometry geometry) => geometry switch
    {
        Polygon p => RdNew.RdFactory.CreateMultiPolygon([Orient(p)]),
        MultiPolygon m => RdNew.RdFactory.CreateMultiPolygon(
            Enumerable.Range(0, m.NumGeometries).Select(i => Orient((Polygon)m.GetGeometryN(i))).ToArray()),
        _ => throw new InvalidOperationException($"Expected a polygonal union, got {geometry.GeometryType}"),
    };

    public static Coordinate RoundToMm(Coordinate c) => new(Math.Round(c.X, 3), Math.Round(c.Y, 3));

    private sealed class RoundToMmFilter : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            seq.SetX(i, Math.Round(seq.GetX(i), 3));
            seq.SetY(i, Math.Round(seq.GetY(i), 3));
        }
    }
}
