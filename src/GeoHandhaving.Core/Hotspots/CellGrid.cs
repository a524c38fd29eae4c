using System.Numerics;
using System.Runtime.CompilerServices;
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
    /// Per cell the sum of <paramref name="values"/> over the offsets that fall inside the grid: one shifted, vectorised
    /// row-slice addition per offset instead of a neighbour walk per cell (the grids of a recompute hold tens of
    /// thousands of cells and every window × category group sums over them).
    /// </summary>
    public double[] SumOver(ReadOnlySpan<double> values, IReadOnlyList<(int Dx, int Dy)> offsets)
    {
        var sums = new double[CellCount];
        foreach (var (dx, dy) in offsets)
        {
            int firstColumn = Math.Max(0, -dx), width = Math.Min(Columns, Columns - dx) - firstColumn;
            for (var row = Math.Max(0, -dy); width > 0 && row < Math.Min(Rows, Rows - dy); row++)
            {
                ref var target = ref sums[row * Columns + firstColumn];
                ref readonly var source = ref values[(row + dy) * Columns + firstColumn + dx];
                var i = 0;
                for (; i <= width - Vector<double>.Count; i += Vector<double>.Count)
                {
                    (Vector.LoadUnsafe(ref target, (nuint)i) + Vector.LoadUnsafe(in source, (nuint)i)).StoreUnsafe(ref target, (nuint)i);
                }
                for (; i < width; i++)
                {
                    Unsafe.Add(ref target, i) += Unsafe.Add(ref Unsafe.AsRef(in source), i);
                }
            }
        }
        return sums;
    }

    /// <summary>Per cell how many of the offsets fall inside the grid (the Gi* weight W of an edge cell is smaller).</summary>
    public int[] CountOver(IReadOnlyList<(int Dx, int Dy)> offsets)
    {
        var counts = new int[CellCount];
        foreach (var (dx, dy) in offsets)
        {
            int firstColumn = Math.Max(0, -dx), lastColumn = Math.Min(Columns, Columns - dx);
            for (var row = Math.Max(0, -dy); row < Math.Min(Rows, Rows - dy); row++)
            {
                for (var column = firstColumn; column < lastColumn; column++)
                {
                    counts[row * Columns + column]++;
                }
            }
        }
        return counts;
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
