using System.Globalization;
using GeoHandhaving.Core.Geometry;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace GeoHandhaving.Cli.Demo;

public sealed record Street(string Naam, string BuurtCode, MultiLineString Geometry);

/// <summary>One BAG-like address (nummeraanduiding); x/y in RD New rounded to cm and lon/lat to 1e-6° as in the BAG file.</summary>
public sealed record Address(
    string Straat, int Huisnummer, string Huisletter, string Toevoeging, string Postcode,
    double X, double Y, double Lon, double Lat, string BuurtCode, string WijkCode)
{
    /// <summary>The house number as written on the door and in DUO files: 12, 12A, 105-1, 20-H.</summary>
    public string Aanduiding => Huisnummer.ToString(CultureInfo.InvariantCulture) + Huisletter
                                + (Toevoeging.Length > 0 ? "-" + Toevoeging : "");

    public Coordinate Location => new(X, Y);
}

/// <summary>
/// Streets as a slightly rotated grid per buurt (the grid direction follows the wijk, so neighbouring buurten line up),
/// and houses along both sides: odd numbers left, even right, a new PC6 every 10–25 addresses of one street side.
/// </summary>
public static class DemoAddresses
{
    public const int AddressesAtScaleOne = 20_000;

    private const double HouseSetback = 10;
    private const double StreetMargin = 15;
    private const double MinimumStreetLength = 40;

    public static (List<Street> Streets, List<Address> Addresses) Build(DemoTown town, double scale, Random rng)
    {
        var streets = DrawStreets(town, rng);
        var density = town.Buurten.ToDictionary(b => b.Code, b => (b.WijkCode == "WK999900" ? 1.3 : 1.0) * (0.6 + 0.8 * rng.NextDouble()));
        var weightedLength = streets.Sum(s => s.Geometry.Length * density[s.BuurtCode]);
        const double addressesPerHouse = 1.3;
        var baseSpacing = 2 * weightedLength * addressesPerHouse / (AddressesAtScaleOne * scale);

        var locator = new BuurtLocator(town);
        var postcodes = new PostcodeAllocator(rng);
        var addresses = new List<Address>();
        foreach (var street in streets)
        {
            var wijkIndex = int.Parse(street.BuurtCode.AsSpan(6, 2), CultureInfo.InvariantCulture);
            foreach (var side in new[] { 1, -1 })
            {
                var houses = HousePoints(street, side, baseSpacing / density[street.BuurtCode], rng)
                    .Where(p => town.Landmarks.All(l => l.Location.Distance(p) > l.Radius))
                    .Select(p => (Point: p, Buurt: locator.Find(p)))
                    .Where(h => h.Buurt is not null)
                    .ToList();
                var pc = postcodes.Next(wijkIndex);
                var inPostcode = 0;
                var limit = rng.Next(10, 26);
                for (var i = 0; i < houses.Count; i++)
                {
                    if (inPostcode >= limit)
                    {
                        (pc, inPostcode, limit) = (postcodes.Next(wijkIndex), 0, rng.Next(10, 26));
                    }
                    var number = side == 1 ? 2 * i + 1 : 2 * i + 2;
                    foreach (var (letter, toevoeging, shift) in Units(street.BuurtCode.StartsWith("BU999900", StringComparison.Ordinal), rng))
                    {
                        var point = new Coordinate(Math.Round(houses[i].Point.X + shift, 2), Math.Round(houses[i].Point.Y, 2));
                        // A letter a few metres on may cross the gemeente boundary: that house simply has fewer letters.
                        if (locator.Find(point) is { } buurt)
                        {
                            addresses.Add(Make(street.Naam, number, letter, toevoeging, pc, point, buurt));
                            inPostcode++;
                        }
                    }
                }
            }
        }
        return (streets, addresses);
    }

    private static List<Street> DrawStreets(DemoTown town, Random rng)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var streets = new List<Street>();
        foreach (var wijk in town.Wijken)
        {
            using var names = StreetNames.For(wijk.Naam, rng).Where(used.Add).GetEnumerator();
            var wijkAngle = rng.NextDouble() * Math.PI;
            var centrum = wijk.Index == 0;
            foreach (var buurt in town.Buurten.Where(b => b.WijkCode == wijk.Code))
            {
                var interior = buurt.Geometry.Buffer(-StreetMargin);
                var angle = wijkAngle + (rng.NextDouble() - 0.5) * 0.5;
                var spacing = centrum ? 80 : 95;
                var lines = GridLines(buurt.Geometry, angle, spacing, rng)
                    .Concat(GridLines(buurt.Geometry, angle + Math.PI / 2, spacing * (centrum ? 2 : 3), rng));
                foreach (var line in lines)
                {
                    var pieces = Pieces(line.Intersection(interior));
                    if (pieces.Length > 0)
                    {
                        names.MoveNext();
                        streets.Add(new Street(names.Current, buurt.Code, RdNew.RdFactory.CreateMultiLineString(pieces)));
                    }
                }
            }
        }
        return streets;
    }

    /// <summary>Parallel lines at <paramref name="spacing"/> over the whole polygon, with a random phase.</summary>
    private static IEnumerable<LineString> GridLines(Polygon area, double angle, double spacing, Random rng)
    {
        var centre = area.Centroid.Coordinate;
        var reach = area.EnvelopeInternal.Diameter / 2 + spacing;
        var (dx, dy) = (Math.Cos(angle), Math.Sin(angle));
        for (var t = -reach + rng.NextDouble() * spacing; t < reach; t += spacing)
        {
            var (mx, my) = (centre.X - dy * t, centre.Y + dx * t);
            yield return RdNew.RdFactory.CreateLineString(
                [DemoTown.RoundToMm(new Coordinate(mx - dx * reach, my - dy * reach)), DemoTown.RoundToMm(new Coordinate(mx + dx * reach, my + dy * reach))]);
        }
    }

    private static LineString[] Pieces(Geometry clipped) =>
        Enumerable.Range(0, clipped.NumGeometries)
            .Select(i => clipped.GetGeometryN(i))
            .OfType<LineString>()
            .Where(l => l.Length >= MinimumStreetLength)
            .ToArray();

    /// <summary>House positions along every piece of the street, set back on one side (1 = left, -1 = right).</summary>
    private static IEnumerable<Coordinate> HousePoints(Street street, int side, double spacing, Random rng)
    {
        foreach (var piece in street.Geometry.Geometries.Cast<LineString>())
        {
            var (a, b) = (piece.GetCoordinateN(0), piece.GetCoordinateN(piece.NumPoints - 1));
            var length = a.Distance(b);
            var (dx, dy) = ((b.X - a.X) / length, (b.Y - a.Y) / length);
            for (var s = spacing / 2; s < length; s += spacing * (0.85 + 0.3 * rng.NextDouble()))
            {
                yield return new Coordinate(a.X + dx * s - side * dy * HouseSetback, a.Y + dy * s + side * dx * HouseSetback);
            }
        }
    }

    /// <summary>
    /// The addresses of one house number: usually one; sometimes letters (12A, 12B, a few metres apart), sometimes
    /// apartments with toevoegingen on one point (20-H, 20-1, 20-2 or 105-1 … 105-6), more so in the centre.
    /// </summary>
    private static IEnumerable<(string Letter, string Toevoeging, double Shift)> Units(bool centrum, Random rng)
    {
        var draw = rng.NextDouble();
        var apartments = centrum ? 0.15 : 0.05;
        if (draw < apartments / 2)
        {
            var floors = rng.Next(1, 4);
            return new[] { "H" }.Concat(Enumerable.Range(1, floors).Select(f => f.ToString(CultureInfo.InvariantCulture))).Select(t => ("", t, 0.0));
        }
        if (draw < apartments)
        {
            return Enumerable.Range(1, rng.Next(2, 9)).Select(f => ("", f.ToString(CultureInfo.InvariantCulture), 0.0));
        }
        if (draw < apartments + 0.04)
        {
            return Enumerable.Range(0, rng.Next(2, 4)).Select(i => (((char)('A' + i)).ToString(), "", 3.0 * i));
        }
        return [("", "", 0.0)];
    }

    /// <param name="point">RD New, already rounded to the centimetre as written, so the buurt is that of the written point.</param>
    private static Address Make(string straat, int number, string letter, string toevoeging, string postcode, Coordinate point, Buurt buurt)
    {
        var (lon, lat) = RdNew.ToWgs84(point.X, point.Y);
        return new Address(straat, number, letter, toevoeging, postcode, point.X, point.Y, Math.Round(lon, 6), Math.Round(lat, 6), buurt.Code, buurt.WijkCode);
    }

    /// <summary>Point in polygon over the buurten; a point on a shared edge belongs to none and is not used.</summary>
    public sealed class BuurtLocator(DemoTown town)
    {
        private readonly (Buurt Buurt, IPreparedGeometry Shape)[] _buurten =
            town.Buurten.Select(b => (b, PreparedGeometryFactory.Prepare(b.Geometry))).ToArray();

        public Buurt? Find(Coordinate c)
        {
            var point = RdNew.RdFactory.CreatePoint(c);
            return _buurten.FirstOrDefault(b => b.Shape.ContainsProperly(point)).Buurt;
        }
    }

    /// <summary>PC6 codes: one PC4 per wijk (9991 = Centrum … 9998), letter pairs in order, never SA, SD or SS.</summary>
    private sealed class PostcodeAllocator(Random rng)
    {
        private static readonly string[] Forbidden = ["SA", "SD", "SS"];
        private readonly Dictionary<int, int> _nextPair = [];

        public string Next(int wijkIndex)
        {
            // Real PC6 series have gaps (codes retired or kept free); skipping a few keeps the demo from looking generated.
            var pair = _nextPair.GetValueOrDefault(wijkIndex) + (rng.NextDouble() < 0.1 ? 1 : 0);
            string letters;
            do
            {
                letters = $"{(char)('A' + pair / 26)}{(char)('A' + pair % 26)}";
                pair++;
            }
            while (Forbidden.Contains(letters));
            if (pair > 26 * 26)
            {
                throw new InvalidOperationException($"PC4 {9991 + wijkIndex} has no PC6 left: use a smaller --scale");
            }
            _nextPair[wijkIndex] = pair;
            return string.Create(CultureInfo.InvariantCulture, $"{9991 + wijkIndex}{letters}");
        }
    }
}
