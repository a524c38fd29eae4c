using GeoHandhaving.Core.Sampling;

namespace GeoHandhaving.Core.Districting;

/// <summary>
/// ReCom-style local search (as in GerryChain): two adjacent wijken are merged, a random spanning tree of their buurten
/// is drawn and cut at the edge that divides it best; both halves are connected by construction. Unlike single-buurt
/// moves it can shift a whole boundary at once, so excess workload diffuses across the city through chains of pairs,
/// and a wijk stuck in a light corner (Weesp behind Zuidoost) can move. Balance picks the candidate cuts, the full
/// objective (balance, compactness, keeping today's wijken) decides; a redivision is kept only when it improves.
/// </summary>
internal sealed class Recombination(BuurtGraph graph, Partition partition, int[] locked, Random random)
{
    // Cuts ranked by balance whose full objective is evaluated; more finds rounder halves, at a cost per step.
    private const int CandidateCuts = 8;
    private const int StepsPerProgressReport = 64;

    private readonly HashSet<int> _pair = [];
    private readonly Dictionary<int, int> _root = [];

    /// <summary>Runs <paramref name="steps"/> recombination steps; returns how many were kept.</summary>
    public int Run(int steps, Action<int> onStep, CancellationToken cancellation)
    {
        var kept = 0;
        for (var step = 0; step < steps; step++)
        {
            if (step % StepsPerProgressReport == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                onStep(step);
            }
            var a = PickWijk();
            var b = PickNeighbouringWijk(a);
            if (b >= 0 && TryRecombine(a, b))
            {
                kept++;
            }
        }
        onStep(steps);
        return kept;
    }

    /// <summary>A wijk drawn with chance ∝ its deviation (plus a floor, so balanced wijken get rounder too).</summary>
    private int PickWijk()
    {
        var weights = Enumerable.Range(0, partition.WijkCount).Select(w => partition.Deviation(w) + 0.01).ToArray();
        return random.NextWeighted(weights);
    }

    private int PickNeighbouringWijk(int wijk)
    {
        var neighbours = partition.MembersOf(wijk).SelectMany(graph.NeighboursOf).Select(partition.WijkOf)
            .Where(w => w != wijk).Distinct().Order().ToList();
        return neighbours.Count == 0 ? -1 : neighbours[random.Next(neighbours.Count)];
    }

    private bool TryRecombine(int a, int b)
    {
        var members = partition.MembersOf(a).Concat(partition.MembersOf(b)).ToList();
        var (order, parent, size) = RandomSpanningTree(members);
        if (order.Count != members.Count)
        {
            return false; // a wijk whose locked buurten cannot be joined: no tree spans the pair
        }
        var cuts = Cuts(a, b, order, parent, size);
        var best = (Objective: partition.Objective, NewA: (List<int>?)null, NewB: (List<int>?)null);
        foreach (var cut in cuts.OrderBy(c => c.BeyondTolerance).ThenBy(c => c.Inequality).Take(CandidateCuts))
        {
            var subtree = order.GetRange(cut.Position, size[order[cut.Position]]);
            var rest = order.Take(cut.Position).Concat(order.Skip(cut.Position + subtree.Count)).ToList();
            var (newA, newB) = cut.SubtreeToA ? (subtree, rest) : (rest, subtree);
            var objective = partition.ObjectiveAfterRecombination(a, b, newA, newB);
            if (objective < best.Objective - 1e-12)
            {
                best = (objective, newA, newB);
            }
        }
        if (best.NewA is null)
        {
            return false;
        }
        partition.Recombine(a, b, best.NewA, best.NewB!, best.Objective);
        return true;
    }

    private sealed record Cut(int Position, bool SubtreeToA, double BeyondTolerance, double Inequality);

    /// <summary>
    /// Every tree edge (a node and its parent) cut both ways round, keeping locked buurten on their wijk's side, with the
    /// balance of the two halves: the objective's penalty beyond the tolerance, then how unequal they are.
    /// </summary>
    private List<Cut> Cuts(int a, int b, List<int> order, Dictionary<int, int> parent, Dictionary<int, int> size)
    {
        var load = new Dictionary<int, double>();
        var lockedA = new Dictionary<int, int>();
        var lockedB = new Dictionary<int, int>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            load[node] = load.GetValueOrDefault(node) + partition.WorkloadOf(node);
            lockedA[node] = lockedA.GetValueOrDefault(node) + (locked[node] == a ? 1 : 0);
            lockedB[node] = lockedB.GetValueOrDefault(node) + (locked[node] == b ? 1 : 0);
            if (parent[node] >= 0)
            {
                load[parent[node]] = load.GetValueOrDefault(parent[node]) + load[node];
                lockedA[parent[node]] = lockedA.GetValueOrDefault(parent[node]) + lockedA[node];
                lockedB[parent[node]] = lockedB.GetValueOrDefault(parent[node]) + lockedB[node];
            }
        }
        var root = order[0];
        var cuts = new List<Cut>();
        for (var position = 1; position < order.Count; position++)
        {
            var node = order[position];
            var (inside, outside) = (load[node], load[root] - load[node]);
            if (lockedA[node] == lockedA[root] && lockedB[node] == 0)
            {
                cuts.Add(Balance(position, subtreeToA: true, inside, outside));
            }
            if (lockedB[node] == lockedB[root] && lockedA[node] == 0)
            {
                cuts.Add(Balance(position, subtreeToA: false, outside, inside));
            }
        }
        return cuts;
    }

    private Cut Balance(int position, bool subtreeToA, double loadA, double loadB) =>
        new(position, subtreeToA, partition.BeyondTolerance(loadA) + partition.BeyondTolerance(loadB),
            Math.Abs(loadA - loadB));

    /// <summary>
    /// A spanning tree of the buurten (Kruskal over randomly shuffled edges) in depth-first preorder, so every subtree is
    /// a contiguous range of the order, with each node's parent (−1 for the root) and subtree size.
    /// </summary>
    private (List<int> Order, Dictionary<int, int> Parent, Dictionary<int, int> Size) RandomSpanningTree(List<int> members)
    {
        _pair.Clear();
        _pair.UnionWith(members);
        _root.Clear();
        var edges = members.SelectMany(x => graph.NeighboursOf(x).Where(y => y > x && _pair.Contains(y)).Select(y => (x, y))).ToArray();
        random.Shuffle(edges);
        var tree = members.ToDictionary(m => m, _ => new List<int>());
        foreach (var (x, y) in edges)
        {
            var (rx, ry) = (Find(x), Find(y));
            if (rx != ry)
            {
                _root[rx] = ry;
                tree[x].Add(y);
                tree[y].Add(x);
            }
        }

        var order = new List<int>(members.Count);
        var parent = new Dictionary<int, int> { [members[0]] = -1 };
        var stack = new Stack<int>([members[0]]);
        while (stack.TryPop(out var node))
        {
            order.Add(node);
            foreach (var child in tree[node].Where(c => c != parent[node]))
            {
                parent[child] = node;
                stack.Push(child);
            }
        }
        var size = new Dictionary<int, int>();
        for (var i = order.Count - 1; i >= 0; i--)
        {
            size[order[i]] = size.GetValueOrDefault(order[i]) + 1;
            if (parent[order[i]] >= 0)
            {
                size[parent[order[i]]] = size.GetValueOrDefault(parent[order[i]]) + size[order[i]];
            }
        }
        return (order, parent, size);
    }

    private int Find(int node)
    {
        while (_root.TryGetValue(node, out var up))
        {
            if (_root.TryGetValue(up, out var grand))
            {
                _root[node] = grand; // path halving
            }
            node = up;
        }
        return node;
    }
}
