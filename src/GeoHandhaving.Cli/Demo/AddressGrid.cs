using NetTopologySuite.Geometries;

namespace GeoHandhaving.Cli.Demo;

/// <summary>Addresses bucketed in 100 m cells, for "nearest address to this point" and "addresses within r".</summary>
internal sealed class AddressGrid
{
    private const double CellSize = 100;
    private readonly Dictionary<(long, long), List<Address>> _cells = [];

    public AddressGrid(IEnumerable<Address> addresses)
    {
        foreach (var address in addresses)
        {
            var key = Cell(address.X, address.Y);
            if (!_cells.TryGetValue(key, out var list))
            {
                _cells[key] = list = [];
            }
            list.Add(address);
        }
    }

    public List<Address> Within(Coordinate centre, double radius)
    {
        var reach = (long)Math.Ceiling(radius / CellSize);
        var (cx, cy) = Cell(centre.X, centre.Y);
        var found = new List<Address>();
        for (var i = cx - reach; i <= cx + reach; i++)
        {
            for (var j = cy - reach; j <= cy + reach; j++)
            {
                if (_cells.TryGetValue((i, j), out var list))
                {
                    found.AddRange(list.Where(a => a.Location.Distance(centre) <= radius));
                }
            }
        }
        return found;
    }

    /// <summary>The nearest address; widens the search until one is found (the town has no empty area of kilometres).</summary>
    public Address Nearest(Coordinate point)
    {
        for (var radius = CellSize; ; radius *= 2)
        {
            var candidates = Within(point, radius);
            if (candidates.Count > 0)
            {
                return candidates.MinBy(a => a.Location.Distance(point))!;
            }
        }
    }

    private static (long, long) Cell(double x, double y) => ((long)Math.Floor(x / CellSize), (long)Math.Floor(y / CellSize));
}
