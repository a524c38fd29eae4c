using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>Groups selected cells into edge-connected patches and dissolves each patch into one polygon.</summary>
public static class CellUnion
{
    private static readonly (int Dx, int Dy)[] EdgeNeighbours = [(1, 0), (-1, 0), (0, 1), (0, -1)];

    /// <summary>Edge-connected (rook) components: corner-only contact would make a polygon touch itself.</summary>
    public static IReadOnlyList<int[]> Patches(IReadOnlyCollection<int> cells, CellGrid grid)
    {
        var remaining = new HashSet<int>(cells);
        var patches = new List<int[]>();
        foreach (var seed in cells)
        {
            if (!remaining.Remove(seed))
            {
                continue;
            }
            var patch = new List<int> { seed };
            for (var i = 0; i < patch.Count; i++)
            {
                foreach (var neighbour in grid.Neighbours(patch[i], EdgeNeighbours))
                {
                    if (remaining.Remove(neighbour))
                    {
                        patch.Add(neighbour);
                    }
                }
            }
            patches.Add([.. patch]);
        }
        return patches;
    }

    public static NetTopologySuite.Geometries.Geometry Dissolve(IEnumerable<int> patch, CellGrid grid) =>
        CascadedPolygonUnion.Union([.. patch.Select(grid.CellPolygon)]);
}
