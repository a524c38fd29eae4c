using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace GeoHandhaving.Core.Districting;

/// <summary>Two buurten that share a boundary, or a flagged virtual bridge between otherwise unconnected parts.</summary>
public sealed record BuurtEdge(string FromCode, string ToCode, double SharedLengthM, bool IsVirtual, double GapM);

/// <summary>
/// Rook adjacency of buurten: an edge only where boundaries run together for more than <c>minSharedLengthM</c>
/// (touching at a point is not adjacency). Boundaries within <c>toleranceM</c> count as shared, because real data
/// rounded to the millimetre leaves hairline gaps and overlaps.
/// Islands — components without a shared boundary to the rest, such as Zuidoost/Weesp apart from the main city —
/// are bridged: the smallest component is joined to its nearest buurt elsewhere by a virtual edge (shared length 0,
/// so it never makes a wijk look more compact), until the graph is connected. Virtual edges are reported.
/// </summary>
public sealed class BuurtGraph
{
    public const double DefaultToleranceM = 0.5;
    public const double DefaultMinSharedLengthM = 1.0;

    private readonly int[][] _neighbours;
    private readonly double[][] _sharedLengths;

    private BuurtGraph(IReadOnlyList<Buurt> buurten, int[][] neighbours, double[][] sharedLengths, int componentCount,
        IReadOnlyList<BuurtEdge> edges)
    {
        Buurten = buurten;
        _neighbours = neighbours;
        _sharedLengths = sharedLengths;
        ComponentCountBeforeBridging = componentCount;
        Edges = edges;
    }

    public IReadOnlyList<Buurt> Buurten { get; }

    /// <summary>All edges, real and virtual, each once.</summary>
    public IReadOnlyList<BuurtEdge> Edges { get; }

    public IEnumerable<BuurtEdge> VirtualEdges => Edges.Where(e => e.IsVirtual);

    public int ComponentCountBeforeBridging { get; }

    public int Count => Buurten.Count;

    public IReadOnlyList<int> NeighboursOf(int buurt) => _neighbours[buurt];

    /// <summary>Shared boundary length with the i-th neighbour of <paramref name="buurt"/> (0 for a virtual edge).</summary>
    internal IReadOnlyList<double> SharedLengthsOf(int buurt) => _sharedLengths[buurt];

    public bool AreAdjacent(int a, int b) => Array.IndexOf(_neighbours[a], b) >= 0;

    public static BuurtGraph Build(IReadOnlyList<Buurt> buurten, double toleranceM = DefaultToleranceM,
        double minSharedLengthM = DefaultMinSharedLengthM)
    {
        var n = buurten.Count;
        var adjacency = Enumerable.Range(0, n).Select(_ => new List<(int Other, double Length)>()).ToArray();
        var edges = new List<BuurtEdge>();
        var index = new STRtree<int>();
        for (var i = 0; i < n; i++)
        {
            index.Insert(Expanded(buurten[i].Geometry.EnvelopeInternal, toleranceM), i);
        }
        index.Build();

        for (var i = 0; i < n; i++)
        {
            var candidates = index.Query(Expanded(buurten[i].Geometry.EnvelopeInternal, toleranceM))
                .Where(j => j > i).Order().ToList();
            if (candidates.Count == 0)
            {
                continue;
            }
            // Quadrant segments 2: the buffer only has to catch nearby boundaries, not be round.
            var nearBoundary = buurten[i].Geometry.Boundary.Buffer(toleranceM, 2);
            foreach (var j in candidates)
            {
                // The buffer also catches the tolerance's worth of boundary beyond each end of the shared part.
                var length = nearBoundary.Intersection(buurten[j].Geometry.Boundary).Length - 2 * toleranceM;
                if (length > minSharedLengthM)
                {
                    adjacency[i].Add((j, length));
                    adjacency[j].Add((i, length));
                    edges.Add(new BuurtEdge(buurten[i].Code, buurten[j].Code, length, false, 0));
                }
            }
        }

        var componentCount = Bridge(buurten, adjacency, edges);
        return new BuurtGraph(buurten,
            adjacency.Select(a => a.Select(x => x.Other).ToArray()).ToArray(),
            adjacency.Select(a => a.Select(x => x.Length).ToArray()).ToArray(),
            componentCount, edges);
    }

    /// <summary>Joins components smallest-first to their nearest buurt elsewhere; returns the count before joining.</summary>
    private static int Bridge(IReadOnlyList<Buurt> buurten, List<(int Other, double Length)>[] adjacency, List<BuurtEdge> edges)
    {
        var component = Components(adjacency);
        var componentCount = component.Max() + 1;
        for (var remaining = componentCount; remaining > 1; remaining--)
        {
            var smallest = component.CountBy(c => c).OrderBy(g => g.Value).ThenBy(g => g.Key).First().Key;
            var inside = Enumerable.Range(0, buurten.Count).Where(b => component[b] == smallest).ToList();
            var outside = Enumerable.Range(0, buurten.Count).Where(b => component[b] != smallest).ToList();
            var (from, to, gap) = Nearest(buurten, inside, outside);
            adjacency[from].Add((to, 0));
            adjacency[to].Add((from, 0));
            edges.Add(new BuurtEdge(buurten[from].Code, buurten[to].Code, 0, true, gap));
            var absorbed = component[to];
            for (var b = 0; b < component.Length; b++)
            {
                if (component[b] == smallest)
                {
                    component[b] = absorbed;
                }
            }
        }
        return componentCount;
    }

    private static (int From, int To, double Gap) Nearest(IReadOnlyList<Buurt> buurten, List<int> inside, List<int> outside)
    {
        // Exact distances are costly: visit pairs by envelope distance and stop once no envelope can beat the best.
        var pairs = inside.SelectMany(i => outside.Select(o =>
                (From: i, To: o, Bound: buurten[i].Geometry.EnvelopeInternal.Distance(buurten[o].Geometry.EnvelopeInternal))))
            .OrderBy(p => p.Bound).ThenBy(p => p.From).ThenBy(p => p.To);
        var best = (From: -1, To: -1, Gap: double.PositiveInfinity);
        foreach (var pair in pairs)
        {
            if (pair.Bound >= best.Gap)
            {
                break;
            }
            var gap = buurten[pair.From].Geometry.Distance(buurten[pair.To].Geometry);
            if (gap < best.Gap)
            {
                best = (pair.From, pair.To, gap);
            }
        }
        return best;
    }

    private static int[] Components(List<(int Other, double Length)>[] adjacency)
    {
        var component = Enumerable.Repeat(-1, adjacency.Length).ToArray();
        var next = 0;
        for (var start = 0; start < adjacency.Length; start++)
        {
            if (component[start] >= 0)
            {
                continue;
            }
            var queue = new Queue<int>([start]);
            component[start] = next;
            while (queue.TryDequeue(out var b))
            {
                foreach (var (other, _) in adjacency[b].Where(x => component[x.Other] < 0))
                {
                    component[other] = next;
                    queue.Enqueue(other);
                }
            }
            next++;
        }
        return component;
    }

    private static Envelope Expanded(Envelope envelope, double by)
    {
        var copy = envelope.Copy();
        copy.ExpandBy(by);
        return copy;
    }
}
