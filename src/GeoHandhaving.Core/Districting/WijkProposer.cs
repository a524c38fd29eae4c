using System.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Core.Districting;

/// <summary>
/// Proposes a wijkindeling: contiguous groups of buurten with balanced workload and compact shapes.
/// Region growing from seeds spread far apart by k-means++ sampling and workload-weighted Lloyd steps (deterministic
/// for the seed), then simulated annealing over boundary moves that keep both wijken contiguous; the best partition
/// seen is returned. Locked buurten never move; a wijk whose locked buurten cannot be joined is reported not contiguous.
/// </summary>
public static class WijkProposer
{
    private const double StartTemperature = 0.01;
    private const double EndTemperature = 0.000001;

    public static DistrictingResult Propose(IReadOnlyList<Buurt> buurten, IReadOnlyList<double> workload, DistrictingOptions options) =>
        Propose(BuurtGraph.Build(buurten, options.BoundaryToleranceM, options.MinSharedBoundaryM), workload, options);

    public static DistrictingResult Propose(BuurtGraph graph, IReadOnlyList<double> workload, DistrictingOptions options)
    {
        var stopwatch = Stopwatch.StartNew();
        var locked = LockedWijken(graph, options);
        Validate(graph, workload, options, locked);
        var load = workload.ToArray();
        var (currentIndex, currentCodes) = CurrentWijkIndexes(graph, options.CurrentWijkByBuurt);
        var random = new Random(options.Seed);

        var start = GrowRegions(graph, load, options.WijkCount, locked, random);
        var partition = new Partition(graph, load, currentIndex, start, options.WijkCount, options.BalanceTolerance,
            options.CompactnessWeight, options.KeepCurrentWeight);
        var (best, accepted) = Anneal(graph, partition, locked, options.Iterations, random);

        var codes = Enumerable.Range(1, options.WijkCount)
            .Select(i => options.CodePrefix + i.ToString(options.WijkCount >= 100 ? "000" : "00")).ToArray();
        var wijken = Summarise(graph, load, best, codes);
        var current = options.CurrentWijkByBuurt is null ? null : CompareWithCurrent(graph, load, currentIndex, currentCodes);
        var islands = new IslandReport("bridge: each unconnected component joined to its nearest buurt by a virtual edge",
            graph.ComponentCountBeforeBridging, graph.VirtualEdges.ToList());
        var wijkByBuurt = Enumerable.Range(0, graph.Count).ToDictionary(b => graph.Buurten[b].Code, b => codes[best[b]]);
        return new DistrictingResult(wijken, wijkByBuurt, DistrictingStats.Of(wijken), islands, current, stopwatch.Elapsed,
            options.Iterations, accepted);
    }

    /// <summary>Groups of buurten as wijken with their figures; for any assignment (proposed or current).</summary>
    public static IReadOnlyList<WijkSummary> Summarise(BuurtGraph graph, IReadOnlyList<double> workload, IReadOnlyList<int> assignment,
        IReadOnlyList<string> codes)
    {
        var members = Enumerable.Range(0, graph.Count).Where(b => assignment[b] >= 0).GroupBy(b => assignment[b])
            .ToDictionary(g => g.Key, g => g.ToList());
        return members.OrderBy(m => m.Key).Select(m =>
        {
            var union = UnaryUnionOp.Union(m.Value.Select(b => graph.Buurten[b].Geometry).ToList());
            var geometry = union.IsValid ? union : GeometryFixer.Fix(union);
            return new WijkSummary(codes[m.Key], m.Value.Select(b => graph.Buurten[b].Code).ToList(),
                m.Value.Sum(b => workload[b]), geometry.Area, geometry.Length,
                Partition.PolsbyPopper(geometry.Area, geometry.Length), IsConnected(graph, m.Value), geometry);
        }).ToList();
    }

    private static CurrentWijken CompareWithCurrent(BuurtGraph graph, double[] load, int[] currentIndex, IReadOnlyList<string> currentCodes)
    {
        var wijken = Summarise(graph, load, currentIndex, currentCodes);
        return new CurrentWijken(wijken, DistrictingStats.Of(wijken));
    }

    private static int[] LockedWijken(BuurtGraph graph, DistrictingOptions options) =>
        graph.Buurten.Select(b => options.LockedWijkByBuurt?.GetValueOrDefault(b.Code, -1) ?? -1).ToArray();

    private static void Validate(BuurtGraph graph, IReadOnlyList<double> workload, DistrictingOptions options, int[] locked)
    {
        if (workload.Count != graph.Count)
        {
            throw new ArgumentException($"{workload.Count} workloads for {graph.Count} buurten", nameof(workload));
        }
        if (options.WijkCount < 1 || options.WijkCount > graph.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"wijk count {options.WijkCount} must be 1..{graph.Count}");
        }
        var unknown = options.LockedWijkByBuurt?.Keys.Except(graph.Buurten.Select(b => b.Code)).FirstOrDefault();
        if (unknown is not null)
        {
            throw new ArgumentException($"locked buurt {unknown} is not among the buurten", nameof(options));
        }
        if (locked.Any(w => w >= options.WijkCount))
        {
            throw new ArgumentException($"a locked wijk index is not below the wijk count {options.WijkCount}", nameof(options));
        }
    }

    private static (int[] Index, IReadOnlyList<string> Codes) CurrentWijkIndexes(BuurtGraph graph, IReadOnlyDictionary<string, string>? current)
    {
        if (current is null)
        {
            return (Enumerable.Repeat(-1, graph.Count).ToArray(), []);
        }
        var codes = current.Values.Distinct().Order(StringComparer.Ordinal).ToList();
        var indexOf = codes.Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i);
        return (graph.Buurten.Select(b => current.TryGetValue(b.Code, out var w) ? indexOf[w] : -1).ToArray(), codes);
    }

    /// <summary>
    /// Locked buurten start in their wijk; every other wijk gets a seed: centres are sampled k-means++ style
    /// (probability ∝ squared distance to the nearest centre × workload), refined by workload-weighted Lloyd steps so
    /// that they sit where the work is (otherwise remote, light parts such as Weesp catch several seeds, and the local
    /// search cannot empty a wijk to move it), and each seed is the free buurt nearest its centre.
    /// Then the lightest wijk that can still grow takes the frontier buurt it surrounds most (shared boundary / perimeter).
    /// </summary>
    private static int[] GrowRegions(BuurtGraph graph, double[] load, int wijkCount, int[] locked, Random random)
    {
        var assignment = (int[])locked.Clone();
        var centroids = graph.Buurten.Select(b => b.Geometry.Centroid.Coordinate).ToArray();
        foreach (var (wijk, seed) in Seeds(centroids, load, wijkCount, locked, random))
        {
            assignment[seed] = wijk;
        }

        var wijkLoad = new double[wijkCount];
        for (var b = 0; b < graph.Count; b++)
        {
            if (assignment[b] >= 0)
            {
                wijkLoad[assignment[b]] += load[b];
            }
        }
        var perimeters = graph.Buurten.Select(b => b.Geometry.Length).ToArray();
        var canGrow = Enumerable.Repeat(true, wijkCount).ToArray();
        var unassigned = assignment.Count(w => w < 0);
        while (unassigned > 0)
        {
            var wijk = Enumerable.Range(0, wijkCount).Where(w => canGrow[w]).MinBy(w => wijkLoad[w]);
            var next = Frontier(graph, assignment, wijk)
                .Select(f => (Buurt: f.Buurt, Enclosure: f.Shared / Math.Max(perimeters[f.Buurt], 1e-9)))
                .OrderByDescending(f => f.Enclosure).ThenBy(f => f.Buurt).Select(f => f.Buurt).FirstOrDefault(-1);
            if (next < 0)
            {
                canGrow[wijk] = false;
                continue;
            }
            assignment[next] = wijk;
            wijkLoad[wijk] += load[next];
            unassigned--;
        }
        return assignment;
    }

    private static IEnumerable<(int Wijk, int Seed)> Seeds(Coordinate[] centroids, double[] load, int wijkCount, int[] locked,
        Random random)
    {
        const int LloydSteps = 20;
        var floor = Math.Max(load.Average() * 0.01, 1e-9); // so buurten without workload still have a little pull
        var weight = load.Select(w => w + floor).ToArray();
        var lockedCentres = Enumerable.Range(0, wijkCount).Where(locked.Contains)
            .Select(w => WeightedMean(Enumerable.Range(0, centroids.Length).Where(b => locked[b] == w), centroids, weight)).ToList();
        var free = Enumerable.Range(0, wijkCount).Where(w => !locked.Contains(w)).ToList();
        var centres = new List<Coordinate>();
        foreach (var _ in free)
        {
            var all = lockedCentres.Concat(centres).ToList();
            var chance = centroids.Select((c, b) => all.Count == 0 ? weight[b] : weight[b] * Math.Pow(all.Min(c.Distance), 2)).ToArray();
            centres.Add(centroids[Sample(chance, random)]);
        }
        for (var step = 0; step < LloydSteps; step++)
        {
            var all = lockedCentres.Concat(centres).ToList();
            var nearest = centroids.Select(c => Enumerable.Range(0, all.Count).MinBy(i => c.Distance(all[i]))).ToArray();
            for (var i = 0; i < centres.Count; i++)
            {
                var members = Enumerable.Range(0, centroids.Length).Where(b => nearest[b] == lockedCentres.Count + i && locked[b] < 0).ToList();
                if (members.Count > 0)
                {
                    centres[i] = WeightedMean(members, centroids, weight);
                }
            }
        }
        var taken = new HashSet<int>();
        for (var i = 0; i < free.Count; i++)
        {
            var seed = Enumerable.Range(0, centroids.Length).Where(b => locked[b] < 0 && !taken.Contains(b))
                .MinBy(b => centroids[b].Distance(centres[i]));
            taken.Add(seed);
            yield return (free[i], seed);
        }
    }

    private static int Sample(double[] chance, Random random)
    {
        var pick = random.NextDouble() * chance.Sum();
        for (var b = 0; b < chance.Length; b++)
        {
            pick -= chance[b];
            if (pick < 0)
            {
                return b;
            }
        }
        return chance.Length - 1;
    }

    private static Coordinate WeightedMean(IEnumerable<int> buurten, Coordinate[] centroids, double[] weight)
    {
        double x = 0, y = 0, total = 0;
        foreach (var b in buurten)
        {
            x += centroids[b].X * weight[b];
            y += centroids[b].Y * weight[b];
            total += weight[b];
        }
        return new Coordinate(x / total, y / total);
    }

    /// <summary>Unassigned neighbours of the wijk with the boundary length they share with it.</summary>
    private static IEnumerable<(int Buurt, double Shared)> Frontier(BuurtGraph graph, int[] assignment, int wijk)
    {
        var shared = new Dictionary<int, double>();
        for (var b = 0; b < graph.Count; b++)
        {
            if (assignment[b] != wijk)
            {
                continue;
            }
            var neighbours = graph.NeighboursOf(b);
            var lengths = graph.SharedLengthsOf(b);
            for (var i = 0; i < neighbours.Count; i++)
            {
                if (assignment[neighbours[i]] < 0)
                {
                    shared[neighbours[i]] = shared.GetValueOrDefault(neighbours[i]) + lengths[i];
                }
            }
        }
        return shared.Select(kv => (kv.Key, kv.Value));
    }

    /// <summary>Simulated annealing over single-buurt boundary moves; returns the best assignment seen.</summary>
    private static (int[] Best, int Accepted) Anneal(BuurtGraph graph, Partition partition, int[] locked, int iterations, Random random)
    {
        var best = partition.Snapshot();
        var bestObjective = partition.Objective;
        var accepted = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var buurt = random.Next(graph.Count);
            var from = partition.WijkOf(buurt);
            if (locked[buurt] >= 0 || partition.MemberCount(from) == 1)
            {
                continue;
            }
            var to = NeighbouringWijk(graph, partition, buurt, random);
            if (to < 0)
            {
                continue;
            }
            var temperature = StartTemperature * Math.Pow(EndTemperature / StartTemperature, (double)iteration / iterations);
            var after = partition.ObjectiveAfterMove(buurt, to);
            var delta = after - partition.Objective;
            if ((delta <= 0 || random.NextDouble() < Math.Exp(-delta / temperature)) && partition.StaysConnectedWithout(buurt))
            {
                partition.Move(buurt, to, after);
                accepted++;
                if (after < bestObjective - 1e-12)
                {
                    bestObjective = after;
                    best = partition.Snapshot();
                }
            }
        }
        return (best, accepted);
    }

    private static int NeighbouringWijk(BuurtGraph graph, Partition partition, int buurt, Random random)
    {
        var neighbours = graph.NeighboursOf(buurt);
        if (neighbours.Count == 0)
        {
            return -1;
        }
        var own = partition.WijkOf(buurt);
        var offset = random.Next(neighbours.Count);
        for (var i = 0; i < neighbours.Count; i++)
        {
            var wijk = partition.WijkOf(neighbours[(offset + i) % neighbours.Count]);
            if (wijk != own)
            {
                return wijk;
            }
        }
        return -1;
    }

    private static bool IsConnected(BuurtGraph graph, List<int> members)
    {
        var inside = members.ToHashSet();
        var reached = new HashSet<int> { members[0] };
        var queue = new Queue<int>([members[0]]);
        while (queue.TryDequeue(out var b))
        {
            foreach (var n in graph.NeighboursOf(b).Where(n => inside.Contains(n) && reached.Add(n)))
            {
                queue.Enqueue(n);
            }
        }
        return reached.Count == members.Count;
    }
}
