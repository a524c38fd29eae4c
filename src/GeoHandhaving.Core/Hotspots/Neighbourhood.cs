namespace GeoHandhaving.Core.Hotspots;

/// <summary>
/// Which cells count as neighbours of a cell, itself included (Gi* is the "star" statistic): queen contiguity (the 3×3 block)
/// or a distance band (all cells whose centres lie within <see cref="BandMetres"/>).
/// </summary>
public sealed record Neighbourhood(double? BandMetres)
{
    public static Neighbourhood Queen { get; } = new((double?)null);

    public static Neighbourhood DistanceBand(double metres) =>
        metres > 0 ? new(metres) : throw new ArgumentOutOfRangeException(nameof(metres), "distance band must be positive");

    public (int Dx, int Dy)[] Offsets(double cellSize)
    {
        var reach = BandMetres is { } band ? (int)Math.Floor(band / cellSize) : 1;
        var offsets = new List<(int, int)>();
        for (var dy = -reach; dy <= reach; dy++)
        {
            for (var dx = -reach; dx <= reach; dx++)
            {
                if (BandMetres is not { } metres || Math.Sqrt(dx * dx + dy * dy) * cellSize <= metres)
                {
                    offsets.Add((dx, dy));
                }
            }
        }
        return [.. offsets];
    }
}
