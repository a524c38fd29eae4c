using System.Diagnostics;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Union;

namespace GeoHandhaving.Core.Districting;

/// <summary>
/// Proposes a wijkindeling: contiguous groups of buurten with balanced workload and compact shapes.
/// Region growing from seeds that a recursive bisection of the workload spreads evenly (deterministic for the seed), then
/// recombination of adjacent pairs along random spanning trees (moves whole boundaries, evens out
/// the workload), then simulated annealing over boundary moves that keep both wijken contiguous (polishes the shapes);
/// the best partition seen is returned. Up to <see cref="DistrictingOptions.Starts"/> starts run until one is within the
/// tolerance; then <see cref="BalanceOutcome"/> says why not, if none is. Locked buurten never move; a wijk whose locked buurten cannot be joined is
/// reported not contiguous. Progress is reported per phase; cancellation is honoured between steps.
/// </summary>
public static class WijkProposer
{
    private const double StartTemperature = 0.01;
    private const double EndTemperature = 0.000001;
    private const int StepsPerProgressReport = 4096;

    public static DistrictingResult Propose(IReadOnlyList<Buurt> buurten, IReadOnlyList<double> workload, DistrictingOptions options,
        IProgress<DistrictingProgress>? progress = null, CancellationToken cancellation = default)
    {
        progress?.Report(new DistrictingProgress(DistrictingPhase.Adjacency, 0, 1, 1, options.Starts));
        var graph = BuurtGraph.Build(buurten, options.BoundaryToleranceM, options.MinSharedBoundaryM);
        return Propose(graph, workload, options, progress, cancellation);
    }

    public static DistrictingResult Propose(BuurtGraph graph, IReadOnlyList<double> workload, DistrictingOptions options,
        IProgress<DistrictingProgress>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var locked = LockedWijken(graph, options);
        Validate(graph, workload, options, locked);
        var load = workload.ToArray();
        var (currentIndex, currentCodes) = CurrentWijkIndexes(graph, options.CurrentWijkByBuurt);
        var tolerance = options.BalanceTolerance;
        Attempt? best = null;
        var starts = 0;
        while (starts < options.Starts && (best is null || best.MaxDeviation > tolerance))
        {
            var attempt = Search(graph, load, locked, currentIndex, options, starts++, options.Starts, progress, cancellation);
            best = best is null || attempt.Objective < best.Objective ? attempt : best;
        }

        progress?.Report(new DistrictingProgress(DistrictingPhase.Summarising, 0, 1, starts, starts));
        var codes = Enumerable.Range(1, options.WijkCount)
            .Select(i => options.CodePrefix + i.ToString(options.WijkCount >= 100 ? "000" : "00")).ToArray();
        var wijken = Summarise(graph, load, best!.Assignment, codes);
        var stats = DistrictingStats.Of(wijken);
        var current = options.CurrentWijkByBuurt is null ? null : CompareWithCurrent(graph, load, currentIndex, currentCodes);
        var islands = new IslandReport("bridge: each unconnected component joined to its nearest buurt by a virtual edge",
            graph.ComponentCountBeforeBridging, graph.VirtualEdges.ToList());
        var wijkByBuurt = Enumerable.Range(0, graph.Count).ToDictionary(b => graph.Buurten[b].Code, b => codes[best.Assignment[b]]);
        var balance = AssessBalance(graph, load, locked, codes, tolerance, stats,
            $"{starts} start(s) of {options.RecombinationBudget} recombination steps and {options.Iterations} single-buurt moves");
        progress?.Report(new DistrictingProgress(DistrictingPhase.Summarising, 1, 1, starts, starts));
        return new DistrictingResult(wijken, wijkByBuurt, stats, islands, current, stopwatch.Elapsed, balance, starts,
            options.RecombinationBudget, best.RecombinationsKept, options.Iterations, best.AcceptedMoves);
    }

    /// <summary>One start's outcome: the best assignment it saw, its objective and max deviation.</summary>
    private sealed record Attempt(int[] Assignment, double Objective, double MaxDeviation, int RecombinationsKept, int AcceptedMoves);

    /// <summary>
    /// One start: its own random stream (start 0 uses the seed itself), region growing, recombination, annealing.
    /// Starts differ in the bisection angle and in every random choice after it.
    /// </summary>
    private static Attempt Search(BuurtGraph graph, double[] load, int[] locked, int[] currentIndex, DistrictingOptions options,
        int start, int starts, IProgress<DistrictingProgress>? progress, CancellationToken cancellation)
    {
        var random = new Random(unchecked(options.Seed + start * 1_000_003));
        void Report(DistrictingPhase phase, long step, long steps) =>
            progress?.Report(new DistrictingProgress(phase, step, steps, start + 1, starts));

        Report(DistrictingPhase.RegionGrowing, 0, 1);
        var grown = GrowRegions(graph, load, options.WijkCount, locked, random);
        var partition = new Partition(graph, load, currentIndex, grown, options.WijkCount, options.BalanceTolerance,
            options.CompactnessWeight, options.KeepCurrentWeight);
        var recombinationSteps = options.RecombinationBudget;
        var kept = new Recombination(graph, partition, locked, random).Run(recombinationSteps,
            step => Report(DistrictingPhase.Recombination, step, recombinationSteps), cancellation);
        var (best, objective, accepted) = Anneal(graph, partition, locked, options.Iterations, random,
            step => Report(DistrictingPhase.Annealing, step, options.Iterations), cancellation);
        var wijkLoad = new double[options.WijkCount];
        for (var b = 0; b < graph.Count; b++)
        {
            wijkLoad[best[b]] += load[b];
        }
        var mean = load.Sum() / options.WijkCount;
        var maxDeviation = mean == 0 ? 0 : wijkLoad.Max(l => Math.Abs(l - mean) / mean);
        return new Attempt(best, objective, maxDeviation, kept, accepted);
    }

    /// <summary>
    /// Whether the proposal met the tolerance and, when not, whether the input forbids it: a buurt heavier than
    /// mean × (1 + tolerance) on its own, or the buurten locked to one wijk together. Contiguity limits beyond these
    /// are not proven; then the reason says the search stopped short.
    /// </summary>
    private static BalanceOutcome AssessBalance(BuurtGraph graph, double[] load, int[] locked, string[] codes, double tolerance,
        DistrictingStats stats, string budget)
    {
        var mean = stats.MeanWorkload;
        var ceiling = mean * (1 + tolerance);
        var oversized = Enumerable.Range(0, graph.Count).Where(b => load[b] > ceiling).OrderByDescending(b => load[b]).ToList();
        var lockedLoad = Enumerable.Range(0, graph.Count).Where(b => locked[b] >= 0).GroupBy(b => locked[b])
            .Select(g => (Wijk: g.Key, Load: g.Sum(b => load[b]))).Where(w => w.Load > ceiling).OrderByDescending(w => w.Load).ToList();
        var bound = oversized.Select(b => load[b]).Concat(lockedLoad.Select(w => w.Load)).Select(l => (l - mean) / mean).DefaultIfEmpty(0).Max();
        var within = stats.MaxRelativeDeviation <= tolerance + 1e-9;
        var reasons = new List<string>();
        if (oversized.Count > 0)
        {
            reasons.Add($"{oversized.Count} buurt(en) alone exceed the mean workload by more than {tolerance:P0}: " +
                string.Join(", ", oversized.Take(5).Select(b => $"{graph.Buurten[b].Code} ({load[b] / mean:P0} of the mean)")));
        }
        if (lockedLoad.Count > 0)
        {
            reasons.Add("the buurten locked to " + string.Join(", ", lockedLoad.Select(w => $"{codes[w.Wijk]} hold {w.Load / mean:P0} of the mean")));
        }
        if (!within && reasons.Count == 0)
        {
            reasons.Add($"the search stopped at {stats.MaxRelativeDeviation:P1} after {budget}; the buurten do not prove " +
                "the tolerance impossible (another seed or a larger budget may reach it)");
        }
        return new BalanceOutcome(within, tolerance, bound, oversized.Select(b => graph.Buurten[b].Code).ToList(),
            lockedLoad.Select(w => codes[w.Wijk]).ToList(), within ? null : string.Join("; ", reasons));
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
    /// Locked buurten start in their wijk; every other wijk gets a seed: the buurt nearest the workload-weighted centre
    /// of its cell of a recursive bisection (see <see cref="Bisect"/>; the seed turns the axes).
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
        var floor = Math.Max(load.Average() * 0.01, 1e-9); // so buurten without workload still have a little weight
        var weight = load.Select(w => w + floor).ToArray();
        var angle = random.NextDouble() * Math.PI;
        var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
        var turned = centroids.Select(c => new Coordinate(c.X * cos - c.Y * sin, c.X * sin + c.Y * cos)).ToArray();
        var cells = new List<List<int>>();
        Bisect(Enumerable.Range(0, centroids.Length).ToList(), wijkCount, turned, weight, cells);

        // A wijk with locked buurten claims the cell that holds most of them; the other wijken seed the remaining cells.
        var claimed = new HashSet<int>();
        foreach (var wijk in Enumerable.Range(0, wijkCount).Where(locked.Contains))
        {
            var cell = Enumerable.Range(0, cells.Count).Where(c => !claimed.Contains(c))
                .MaxBy(c => cells[c].Count(b => locked[b] == wijk));
            claimed.Add(cell);
        }
        var free = Enumerable.Range(0, wijkCount).Where(w => !locked.Contains(w)).ToList();
        var open = Enumerable.Range(0, cells.Count).Where(c => !claimed.Contains(c)).ToList();
        var taken = new HashSet<int>();
        for (var i = 0; i < free.Count; i++)
        {
            var centre = WeightedMean(cells[open[i]], centroids, weight);
            var seed = Enumerable.Range(0, centroids.Length).Where(b => locked[b] < 0 && !taken.Contains(b))
                .MinBy(b => centroids[b].Distance(centre));
            taken.Add(seed);
            yield return (free[i], seed);
        }
    }

    /// <summary>
    /// Recursive coordinate bisection: splits the buurten across their longer extent where the workload divides in
    /// proportion to the wijken on each side, until one wijk per cell. Every cell holds about the mean workload, so
    /// sparse, spread-out parts (Westpoort, Weesp) get no more seeds than their workload asks for — unlike k-means,
    /// which spends centres on distance — and the local search does not have to move whole wijken across the city.
    /// </summary>
    private static void Bisect(List<int> buurten, int wijken, Coordinate[] at, double[] weight, List<List<int>> cells)
    {
        if (wijken == 1 || buurten.Count == 1)
        {
            cells.Add(buurten);
            return;
        }
        var alongX = buurten.Max(b => at[b].X) - buurten.Min(b => at[b].X) >= buurten.Max(b => at[b].Y) - buurten.Min(b => at[b].Y);
        var sorted = buurten.OrderBy(b => alongX ? at[b].X : at[b].Y).ThenBy(b => b).ToList();
        var left = wijken / 2;
        var target = sorted.Sum(b => weight[b]) * left / wijken;
        var (split, sum) = (0, 0.0);
        while (split < sorted.Count - (wijken - left) && (split < left || sum + weight[sorted[split]] / 2 < target))
        {
            sum += weight[sorted[split++]];
        }
        Bisect(sorted[..split], left, at, weight, cells);
        Bisect(sorted[split..], wijken - left, at, weight, cells);
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
    private static (int[] Best, double Objective, int Accepted) Anneal(BuurtGraph graph, Partition partition, int[] locked, int iterations, Random random,
        Action<int> onStep, CancellationToken cancellation)
    {
        var best = partition.Snapshot();
        var bestObjective = partition.Objective;
        var accepted = 0;
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            if (iteration % StepsPerProgressReport == 0)
            {
                cancellation.ThrowIfCancellationRequested();
                onStep(iteration);
            }
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
        onStep(iterations);
        return (best, bestObjective, accepted);
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
