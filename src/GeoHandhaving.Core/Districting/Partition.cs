namespace GeoHandhaving.Core.Districting;

/// <summary>
/// A mutable assignment of buurten to wijken with the per-wijk sums the objective needs, kept up to date per move,
/// so a move is evaluated in O(wijken + degree) instead of recomputing unions.
/// Wijk perimeter = Σ buurt perimeters − 2 × shared boundary inside the wijk (virtual edges share nothing).
/// Objective = 0.1 × (max |dev| + mean |dev|) + Σ (10 e + 100 e²), e = |dev| beyond the balance tolerance,
///           + compactness weight × (1 − mean Polsby–Popper)
///           + keep weight × (share of today's internal wijk boundary length that the proposal cuts).
/// </summary>
internal sealed class Partition
{
    // Steep enough that no compactness gain pays for leaving the tolerance; the square makes spreading an excess
    // over several wijken pay, so a wijk far off (Weesp walled in by Zuidoost) is repaired by chains of moves.
    private const double BeyondTolerancePenalty = 10;
    private const double BeyondToleranceSquaredPenalty = 100;

    // Within the tolerance, balance still counts, but a little, so compactness can win.
    private const double WithinToleranceBalanceWeight = 0.1;

    private readonly BuurtGraph _graph;
    private readonly double[] _workload;
    private readonly double[] _area;
    private readonly double[] _perimeter;
    private readonly int[] _current;
    private readonly double _meanWorkload;
    private readonly double _balanceTolerance;
    private readonly double _compactnessWeight;
    private readonly double _keepWeight;
    private readonly double _keepTotal;

    private readonly int[] _assignment;
    private readonly double[] _wijkLoad;
    private readonly double[] _wijkArea;
    private readonly double[] _wijkPerimeter;
    private readonly List<int>[] _members;
    private double _keepCut;

    private readonly int[] _visitedStamp;
    private int _stamp;
    private readonly Queue<int> _queue = new();

    // The side (wijk) each buurt of a recombined pair would get, valid where _sideStamp equals _sideRound.
    private readonly int[] _side;
    private readonly int[] _sideStamp;
    private int _sideRound;

    public Partition(BuurtGraph graph, double[] workload, int[] currentWijk, int[] assignment, int wijkCount,
        double balanceTolerance, double compactnessWeight, double keepWeight)
    {
        _graph = graph;
        _workload = workload;
        _area = graph.Buurten.Select(b => b.Geometry.Area).ToArray();
        _perimeter = graph.Buurten.Select(b => b.Geometry.Length).ToArray();
        _current = currentWijk;
        _meanWorkload = workload.Sum() / wijkCount;
        _balanceTolerance = balanceTolerance;
        _compactnessWeight = compactnessWeight;
        _keepWeight = keepWeight;
        _assignment = (int[])assignment.Clone();
        _wijkLoad = new double[wijkCount];
        _wijkArea = new double[wijkCount];
        _wijkPerimeter = new double[wijkCount];
        _members = Enumerable.Range(0, wijkCount).Select(_ => new List<int>()).ToArray();
        _visitedStamp = new int[graph.Count];
        _side = new int[graph.Count];
        _sideStamp = new int[graph.Count];

        for (var b = 0; b < graph.Count; b++)
        {
            var w = _assignment[b];
            _members[w].Add(b);
            _wijkLoad[w] += workload[b];
            _wijkArea[w] += _area[b];
            _wijkPerimeter[w] += _perimeter[b] - SharedWith(b, w);
            foreach (var (other, length) in RealNeighbours(b).Where(x => x.Other > b && SameCurrentWijk(b, x.Other)))
            {
                _keepTotal += length;
                _keepCut += _assignment[other] != w ? length : 0;
            }
        }
        Objective = Evaluate(-1, -1, 0, 0, 0, 0, 0, 0, _keepCut);
    }

    public double Objective { get; private set; }

    public int WijkOf(int buurt) => _assignment[buurt];

    public int[] Snapshot() => (int[])_assignment.Clone();

    /// <summary>Objective after moving <paramref name="buurt"/> into <paramref name="to"/> (not applied).</summary>
    public double ObjectiveAfterMove(int buurt, int to)
    {
        var from = _assignment[buurt];
        var (loadFrom, loadTo) = (_wijkLoad[from] - _workload[buurt], _wijkLoad[to] + _workload[buurt]);
        var (areaFrom, areaTo) = (_wijkArea[from] - _area[buurt], _wijkArea[to] + _area[buurt]);
        var perimeterFrom = _wijkPerimeter[from] - _perimeter[buurt] + 2 * SharedWith(buurt, from);
        var perimeterTo = _wijkPerimeter[to] + _perimeter[buurt] - 2 * SharedWith(buurt, to);
        return Evaluate(from, to, loadFrom, loadTo, areaFrom, areaTo, perimeterFrom, perimeterTo, _keepCut + KeepCutChange(buurt, to));
    }

    public void Move(int buurt, int to, double objectiveAfter)
    {
        var from = _assignment[buurt];
        _wijkPerimeter[from] += -_perimeter[buurt] + 2 * SharedWith(buurt, from);
        _wijkPerimeter[to] += _perimeter[buurt] - 2 * SharedWith(buurt, to);
        _keepCut += KeepCutChange(buurt, to);
        _wijkLoad[from] -= _workload[buurt];
        _wijkLoad[to] += _workload[buurt];
        _wijkArea[from] -= _area[buurt];
        _wijkArea[to] += _area[buurt];
        _members[from].Remove(buurt);
        _members[to].Add(buurt);
        _assignment[buurt] = to;
        Objective = objectiveAfter;
    }

    public int MemberCount(int wijk) => _members[wijk].Count;

    public IReadOnlyList<int> MembersOf(int wijk) => _members[wijk];

    public int WijkCount => _wijkLoad.Length;

    public double WorkloadOf(int buurt) => _workload[buurt];

    /// <summary>|workload − mean| / mean of the wijk.</summary>
    public double Deviation(int wijk) => DeviationOf(_wijkLoad[wijk]);

    /// <summary>Objective after the buurten of wijken <paramref name="a"/> and <paramref name="b"/> are redivided (not applied).</summary>
    public double ObjectiveAfterRecombination(int a, int b, IReadOnlyList<int> newA, IReadOnlyList<int> newB)
    {
        MarkSides(a, b, newA, newB);
        var (loadA, areaA, perimeterA) = Figures(newA, a);
        var (loadB, areaB, perimeterB) = Figures(newB, b);
        return Evaluate(a, b, loadA, loadB, areaA, areaB, perimeterA, perimeterB, _keepCut + KeepCutChangeOfSides(newA, newB));
    }

    /// <summary>Redivides the buurten of wijken <paramref name="a"/> and <paramref name="b"/>.</summary>
    public void Recombine(int a, int b, IReadOnlyList<int> newA, IReadOnlyList<int> newB, double objectiveAfter)
    {
        MarkSides(a, b, newA, newB);
        _keepCut += KeepCutChangeOfSides(newA, newB);
        (_wijkLoad[a], _wijkArea[a], _wijkPerimeter[a]) = Figures(newA, a);
        (_wijkLoad[b], _wijkArea[b], _wijkPerimeter[b]) = Figures(newB, b);
        foreach (var buurt in newA)
        {
            _assignment[buurt] = a;
        }
        foreach (var buurt in newB)
        {
            _assignment[buurt] = b;
        }
        _members[a].Clear();
        _members[a].AddRange(newA);
        _members[b].Clear();
        _members[b].AddRange(newB);
        Objective = objectiveAfter;
    }

    private void MarkSides(int a, int b, IReadOnlyList<int> newA, IReadOnlyList<int> newB)
    {
        _sideRound++;
        foreach (var buurt in newA)
        {
            (_side[buurt], _sideStamp[buurt]) = (a, _sideRound);
        }
        foreach (var buurt in newB)
        {
            (_side[buurt], _sideStamp[buurt]) = (b, _sideRound);
        }
    }

    private int SideOf(int buurt) => _sideStamp[buurt] == _sideRound ? _side[buurt] : _assignment[buurt];

    /// <summary>Load, area and perimeter of <paramref name="buurten"/> as wijk <paramref name="wijk"/> after <see cref="MarkSides"/>.</summary>
    private (double Load, double Area, double Perimeter) Figures(IReadOnlyList<int> buurten, int wijk)
    {
        double load = 0, area = 0, perimeter = 0;
        foreach (var buurt in buurten)
        {
            load += _workload[buurt];
            area += _area[buurt];
            perimeter += _perimeter[buurt];
            var neighbours = _graph.NeighboursOf(buurt);
            var lengths = _graph.SharedLengthsOf(buurt);
            for (var i = 0; i < neighbours.Count; i++)
            {
                // Each shared boundary inside the wijk is seen from both sides, so once per side.
                perimeter -= SideOf(neighbours[i]) == wijk ? lengths[i] : 0;
            }
        }
        return (load, area, perimeter);
    }

    private double KeepCutChangeOfSides(IReadOnlyList<int> newA, IReadOnlyList<int> newB)
    {
        if (_keepWeight == 0)
        {
            return 0;
        }
        var change = 0.0;
        foreach (var buurt in newA.Concat(newB))
        {
            foreach (var (other, length) in RealNeighbours(buurt).Where(x => SameCurrentWijk(buurt, x.Other)))
            {
                // An edge inside the pair is met from both ends: count it from the lower index only.
                if (_sideStamp[other] == _sideRound && other < buurt)
                {
                    continue;
                }
                var cutBefore = _assignment[other] != _assignment[buurt];
                var cutAfter = SideOf(other) != SideOf(buurt);
                change += (cutAfter ? length : 0) - (cutBefore ? length : 0);
            }
        }
        return change;
    }

    /// <summary>Whether the wijk of <paramref name="buurt"/> stays connected without it (BFS over the rest).</summary>
    public bool StaysConnectedWithout(int buurt)
    {
        var wijk = _assignment[buurt];
        var start = _graph.NeighboursOf(buurt).FirstOrDefault(n => _assignment[n] == wijk, -1);
        if (start < 0)
        {
            return false;
        }
        _stamp++;
        _visitedStamp[buurt] = _stamp;
        _visitedStamp[start] = _stamp;
        _queue.Enqueue(start);
        var reached = 1;
        while (_queue.TryDequeue(out var b))
        {
            foreach (var n in _graph.NeighboursOf(b))
            {
                if (_assignment[n] == wijk && _visitedStamp[n] != _stamp)
                {
                    _visitedStamp[n] = _stamp;
                    reached++;
                    _queue.Enqueue(n);
                }
            }
        }
        return reached == _members[wijk].Count - 1;
    }

    private double Evaluate(int from, int to, double loadFrom, double loadTo, double areaFrom, double areaTo,
        double perimeterFrom, double perimeterTo, double keepCut)
    {
        double maxDeviation = 0, sumDeviation = 0, sumBeyondTolerance = 0, sumPolsbyPopper = 0;
        for (var w = 0; w < _wijkLoad.Length; w++)
        {
            var (load, area, perimeter) = w == from ? (loadFrom, areaFrom, perimeterFrom)
                : w == to ? (loadTo, areaTo, perimeterTo)
                : (_wijkLoad[w], _wijkArea[w], _wijkPerimeter[w]);
            var deviation = DeviationOf(load);
            maxDeviation = Math.Max(maxDeviation, deviation);
            sumDeviation += deviation;
            sumBeyondTolerance += BeyondTolerance(load);
            sumPolsbyPopper += PolsbyPopper(area, perimeter);
        }
        var k = _wijkLoad.Length;
        var keepPenalty = _keepTotal == 0 ? 0 : keepCut / _keepTotal;
        return WithinToleranceBalanceWeight * (maxDeviation + sumDeviation / k) + sumBeyondTolerance
            + _compactnessWeight * (1 - sumPolsbyPopper / k) + _keepWeight * keepPenalty;
    }

    /// <summary>The steep part of the objective for one wijk of workload <paramref name="load"/>: 10 e + 100 e².</summary>
    public double BeyondTolerance(double load)
    {
        var beyond = Math.Max(0, DeviationOf(load) - _balanceTolerance);
        return BeyondTolerancePenalty * beyond + BeyondToleranceSquaredPenalty * beyond * beyond;
    }

    private double DeviationOf(double load) => _meanWorkload == 0 ? 0 : Math.Abs(load - _meanWorkload) / _meanWorkload;

    internal static double PolsbyPopper(double area, double perimeter) =>
        perimeter <= 0 ? 0 : Math.Min(1, 4 * Math.PI * area / (perimeter * perimeter));

    private double SharedWith(int buurt, int wijk)
    {
        var neighbours = _graph.NeighboursOf(buurt);
        var lengths = _graph.SharedLengthsOf(buurt);
        var shared = 0.0;
        for (var i = 0; i < neighbours.Count; i++)
        {
            if (_assignment[neighbours[i]] == wijk && neighbours[i] != buurt)
            {
                shared += lengths[i];
            }
        }
        return shared;
    }

    private double KeepCutChange(int buurt, int to)
    {
        if (_keepWeight == 0)
        {
            return 0;
        }
        var from = _assignment[buurt];
        var change = 0.0;
        foreach (var (other, length) in RealNeighbours(buurt).Where(x => SameCurrentWijk(buurt, x.Other)))
        {
            var cutBefore = _assignment[other] != from;
            var cutAfter = _assignment[other] != to;
            change += (cutAfter ? length : 0) - (cutBefore ? length : 0);
        }
        return change;
    }

    private bool SameCurrentWijk(int a, int b) => _current[a] >= 0 && _current[a] == _current[b];

    private IEnumerable<(int Other, double Length)> RealNeighbours(int buurt) =>
        _graph.NeighboursOf(buurt).Zip(_graph.SharedLengthsOf(buurt), (other, length) => (Other: other, Length: length))
            .Where(x => x.Length > 0);
}
