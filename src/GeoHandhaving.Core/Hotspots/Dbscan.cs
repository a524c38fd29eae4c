using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Hotspots;

/// <summary>A density cluster: its members, and the convex hull buffered by half ε as its polygon.</summary>
public sealed record DensityCluster(int Label, int[] Members, NetTopologySuite.Geometries.Geometry Polygon, Point Centroid);

/// <summary>
/// DBSCAN with a grid of ε-sized buckets, so a neighbour query looks only at the 3×3 buckets around a point
/// (about n·k work for k points per neighbourhood instead of n²).
/// </summary>
public static class Dbscan
{
    public const int Noise = -1;
    private static readonly GeometryFactory Factory = new();

    /// <summary>Cluster label per point (0, 1, …) or <see cref="Noise"/>. Core points have ≥ minPoints within ε (self included).</summary>
    public static int[] Labels(IReadOnlyList<(double X, double Y)> points, double epsilon, int minPoints)
    {
        var buckets = new Dictionary<(long, long), List<int>>();
        for (var i = 0; i < points.Count; i++)
        {
            var key = Bucket(points[i], epsilon);
            if (!buckets.TryGetValue(key, out var list))
            {
                buckets[key] = list = [];
            }
            list.Add(i);
        }

        var labels = Enumerable.Repeat(int.MinValue, points.Count).ToArray(); // MinValue: not yet visited
        var next = 0;
        var queue = new Queue<int>();
        for (var i = 0; i < points.Count; i++)
        {
            if (labels[i] != int.MinValue)
            {
                continue;
            }
            var neighbours = Neighbours(points, buckets, i, epsilon);
            if (neighbours.Count < minPoints)
            {
                labels[i] = Noise;
                continue;
            }
            var label = next++;
            labels[i] = label;
            neighbours.ForEach(queue.Enqueue);
            while (queue.TryDequeue(out var j))
            {
                if (labels[j] == Noise)
                {
                    labels[j] = label; // border point
                }
                if (labels[j] != int.MinValue)
                {
                    continue;
                }
                labels[j] = label;
                var reach = Neighbours(points, buckets, j, epsilon);
                if (reach.Count >= minPoints)
                {
                    reach.ForEach(queue.Enqueue);
                }
            }
        }
        return labels;
    }

    public static IReadOnlyList<DensityCluster> Clusters(IReadOnlyList<(double X, double Y)> points, double epsilon, int minPoints)
    {
        var labels = Labels(points, epsilon, minPoints);
        return
        [
            .. Enumerable.Range(0, points.Count)
                .Where(i => labels[i] != Noise)
                .GroupBy(i => labels[i])
                .Select(group =>
                {
                    var members = group.ToArray();
                    var hull = Factory.CreateMultiPointFromCoords([.. members.Select(i => new Coordinate(points[i].X, points[i].Y))]).ConvexHull();
                    return new DensityCluster(group.Key, members, hull.Buffer(epsilon / 2), hull.Centroid);
                }),
        ];
    }

    private static (long, long) Bucket((double X, double Y) p, double epsilon) =>
        ((long)Math.Floor(p.X / epsilon), (long)Math.Floor(p.Y / epsilon));

    private static List<int> Neighbours(IReadOnlyList<(double X, double Y)> points, Dictionary<(long, long), List<int>> buckets, int i, double epsilon)
    {
        var (bx, by) = Bucket(points[i], epsilon);
        var found = new List<int>();
        var squared = epsilon * epsilon;
        for (var dx = -1; dx <= 1; dx++)
        {
            for (var dy = -1; dy <= 1; dy++)
            {
                if (!buckets.TryGetValue((bx + dx, by + dy), out var list))
                {
                    continue;
                }
                foreach (var j in list)
                {
                    double ex = points[j].X - points[i].X, ey = points[j].Y - points[i].Y;
                    if (ex * ex + ey * ey <= squared)
                    {
                        found.Add(j);
                    }
                }
            }
        }
        return found;
    }
}
