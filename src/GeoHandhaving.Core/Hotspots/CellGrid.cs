using System.Numerics;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>A square grid over a rectangle of a metric CRS; cells are numbered row by row from the south-west.</summary>
public sealed record CellGrid(double OriginX, double OriginY, double CellSize, int Columns, int Rows)
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Grids above this size would not fit comfortably in memory per window; use a larger cell instead.</summary>
    public const int MaxCells = 20_000_000;

    public int CellCount => Columns * Rows;
    public double CellArea => CellSize * CellSize;

    /// <summary>The grid covering all points, its origin snapped to a multiple of the cell size.</summary>
    public static CellGrid Covering(IEnumerable<(double X, double Y)> points, double cellSize)
    {
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x, y) in points)
        {
            minX = Math.Min(minX, x);
            minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x);
            maxY = Math.Max(maxY, y);
        }
        if (minX > maxX)
        {
            throw new ArgumentException("no points to cover", nameof(points));
        }
        var originX = Math.Floor(minX / cellSize) * cellSize;
        var originY = Math.Floor(minY / cellSize) * cellSize;
        var columns = (int)Math.Floor((maxX - originX) / cellSize) + 1;
        var rows = (int)Math.Floor((maxY - originY) / cellSize) + 1;
        if ((long)columns * rows > MaxCells)
        {
            throw new ArgumentException($"a {cellSize} m grid over this extent has {(long)columns * rows} cells (max {MaxCells}); use larger cells");
        }
        return new CellGrid(originX, originY, cellSize, columns, rows);
    }

    /// <summary>The cell holding (x, y), or -1 outside the grid.</summary>
    public int CellOf(double x, double y)
    {
        var column = (int)Math.Floor((x - OriginX) / CellSize);
        var row = (int)Math.Floor((y - OriginY) / CellSize);
        return column < 0 || row < 0 || column >= Columns || row >= Rows ? -1 : row * Columns + column;
    }

    public (double X, double Y) Centre(int cell) =>
        (OriginX + (cell % Columns + 0.5) * CellSize, OriginY + (cell / Columns + 0.5) * CellSize);

    public Polygon CellPolygon(int cell)
    {
        var x = OriginX + cell % Columns * CellSize;
        var y = OriginY + cell / Columns * CellSize;
        return Factory.CreatePolygon(
        [
            new Coordinate(x, y), new Coordinate(x + CellSize, y), new Coordinate(x + CellSize, y + CellSize),
            new Coordinate(x, y + CellSize), new Coordinate(x, y),
        ]);
    }

    /// <summary>Neighbouring cells (inside the grid) at the given column/row offsets.</summary>
    /// <summary>
    /// Per cell the sum of <paramref name="values"/> over the offsets that fall inside the grid, and how many did: one
    /// shifted row-slice addition per offset instead of a neighbour walk per cell (the grids of a recompute hold tens of
    /// thousands of cells and every window × category group sums over them).
    /// </summary>
    public (double[] Sums, int[] Counts) SumOver(ReadOnlySpan<double> values, IReadOnlyList<(int Dx, int Dy)> offsets)
    {
        var sums = new double[CellCount];
        var counts = new int[CellCount];
        foreach (var (dx, dy) in offsets)
        {
            int firstColumn = Math.Max(0, -dx), lastColumn = Math.Min(Columns, Columns - dx);
            if (firstColumn >= lastColumn)
            {
                continue;
            }
            for (var row = Math.Max(0, -dy); row < Math.Min(Rows, Rows - dy); row++)
            {
                var target = sums.AsSpan(row * Columns + firstColumn, lastColumn - firstColumn);
                var counted = counts.AsSpan(row * Columns + firstColumn, target.Length);
                var source = values.Slice((row + dy) * Columns + firstColumn + dx, target.Length);
                var i = 0;
                for (; i <= target.Length - Vector<double>.Count; i += Vector<double>.Count)
                {
                    (new Vector<double>(target[i..]) + new Vector<double>(source[i..])).CopyTo(target[i..]);
                }
                for (; i < target.Length; i++)
                {
                    target[i] += source[i];
                }
                for (i = 0; i <= counted.Length - Vector<int>.Count; i += Vector<int>.Count)
                {
                    (new Vector<int>(counted[i..]) + Vector<int>.One).CopyTo(counted[i..]);
                }
                for (; i < counted.Length; i++)
                {
                    counted[i]++;
                }
            }
        }
        return (sums, counts);
    }

    public IEnumerable<int> Neighbours(int cell, IEnumerable<(int Dx, int Dy)> offsets)
    {
        var column = cell % Columns;
        var row = cell / Columns;
        foreach (var (dx, dy) in offsets)
        {
            int c = column + dx, r = row + dy;
            if (c >= 0 && r >= 0 && c < Columns && r < Rows)
            {
                yield return r * Columns + c;
            }
        }
    }
}
