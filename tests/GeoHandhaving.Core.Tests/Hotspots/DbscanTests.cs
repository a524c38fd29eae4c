using GeoHandhaving.Core.Hotspots;
using NetTopologySuite.Geometries;

namespace GeoHandhaving.Core.Tests.Hotspots;

public class DbscanTests
{
    private static List<(double X, double Y)> Blob(Random random, double cx, double cy, int count, double radius) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var angle = random.NextDouble() * 2 * Math.PI;
            var r = radius * Math.Sqrt(random.NextDouble());
            return (cx + r * Math.Cos(angle), cy + r * Math.Sin(angle));
        })];

    [Fact]
    public void Two_dense_blobs_become_two_clusters_and_isolated_points_are_noise()
    {
        var random = new Random(7);
        var points = Blob(random, 0, 0, 60, 40).Concat(Blob(random, 1000, 500, 60, 40)).ToList();
        (double, double)[] isolated = [(500, -500), (-800, 800), (2000, 0)];
        points.AddRange(isolated);

        var clusters = Dbscan.Clusters(points, epsilon: 30, minPoints: 5);
        var labels = Dbscan.Labels(points, epsilon: 30, minPoints: 5);

        Assert.Equal(2, clusters.Count);
        Assert.All(labels[^3..], label => Assert.Equal(Dbscan.Noise, label));
        Assert.Contains(clusters, c => c.Polygon.Contains(new Point(0, 0)));
        Assert.Contains(clusters, c => c.Polygon.Contains(new Point(1000, 500)));
        Assert.Equal(120, clusters.Sum(c => c.Members.Length));
    }

    [Fact]
    public void Points_sparser_than_epsilon_form_no_cluster()
    {
        var grid = Enumerable.Range(0, 100).Select(i => (i % 10 * 100.0, i / 10 * 100.0)).ToList();
        Assert.Empty(Dbscan.Clusters(grid, epsilon: 50, minPoints: 2));
    }
}
