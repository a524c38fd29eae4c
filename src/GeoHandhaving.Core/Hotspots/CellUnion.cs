using NetTopologySuite.Geometries;

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

    private static readonly GeometryFactory Factory = new();
    private static readonly (int Dx, int Dy)[] Steps = [(1, 0), (0, 1), (-1, 0), (0, -1)]; // east, north, west, south

    /// <summary>
    /// The outline of an edge-connected patch, traced along the cell edges that face outside the patch (no overlay needed).
    /// Edges run with the patch on their left, so the outer ring comes out counter-clockwise and holes clockwise. Where two
    /// patch cells touch only at a corner the trace turns right, hugging the empty cell: every ring then borders exactly one
    /// empty region and stays simple (a hole may touch the shell at that corner, which is valid).
    /// </summary>
    public static Polygon Dissolve(IReadOnlyCollection<int> patch, CellGrid grid)
    {
        var inPatch = new HashSet<int>(patch);
        var outgoing = new Dictionary<(int X, int Y), List<int>>(); // vertex -> unused edge directions leaving it
        foreach (var cell in patch)
        {
            int column = cell % grid.Columns, row = cell / grid.Columns;
            // Each side facing outside becomes an edge; its start corner is chosen so the cell lies to its left.
            AddIfOpen(row > 0 && inPatch.Contains(cell - grid.Columns), (column, row), 0);
            AddIfOpen(column < grid.Columns - 1 && inPatch.Contains(cell + 1), (column + 1, row), 1);
            AddIfOpen(row < grid.Rows - 1 && inPatch.Contains(cell + grid.Columns), (column + 1, row + 1), 2);
            AddIfOpen(column > 0 && inPatch.Contains(cell - 1), (column, row + 1), 3);
        }

        LinearRing? shell = null;
        var holes = new List<LinearRing>();
        // Start each ring at a corner with a single way out, so the first step cannot pick the wrong side of a pinch.
        while (outgoing.Where(v => v.Value.Count > 0).OrderBy(v => v.Value.Count).FirstOrDefault() is { Key: var start, Value.Count: > 0 })
        {
            var ring = Trace(start, outgoing, grid);
            if (NetTopologySuite.Algorithm.Orientation.IsCCW(ring.CoordinateSequence))
            {
                shell = ring;
            }
            else
            {
                holes.Add(ring);
            }
        }
        return Factory.CreatePolygon(shell ?? throw new ArgumentException("empty patch", nameof(patch)), [.. holes]);

        void AddIfOpen(bool neighbourInPatch, (int X, int Y) from, int direction)
        {
            if (neighbourInPatch)
            {
                return;
            }
            if (!outgoing.TryGetValue(from, out var list))
            {
                outgoing[from] = list = [];
            }
            list.Add(direction);
        }
    }

    private static LinearRing Trace((int X, int Y) start, Dictionary<(int X, int Y), List<int>> outgoing, CellGrid grid)
    {
        var coordinates = new List<Coordinate>();
        var vertex = start;
        var direction = -1;
        do
        {
            var choices = outgoing[vertex];
            var rightTurn = (direction + 3) % 4;
            var next = choices.Count > 1 && direction >= 0 && choices.Contains(rightTurn) ? rightTurn : choices[0];
            choices.Remove(next);
            if (next != direction)
            {
                coordinates.Add(new Coordinate(grid.OriginX + vertex.X * grid.CellSize, grid.OriginY + vertex.Y * grid.CellSize));
            }
            direction = next;
            vertex = (vertex.X + Steps[direction].Dx, vertex.Y + Steps[direction].Dy);
        }
        while (vertex != start);
        coordinates.Add(coordinates[0]);
        return Factory.CreateLinearRing([.. coordinates]);
    }
}
