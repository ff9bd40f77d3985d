namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// Visvalingam–Whyatt removal on shared arcs: the vertex whose triangle with its two neighbours is smallest (the
/// larger of its shares of the two maps' areas) goes first, from every ring through it at once (so shared borders
/// stay shared), until the map has at most the budget of vertices, then, with a tolerance, while the edge that
/// replaces a vertex passes within it of every engine point it stands for (whichever keeps fewer). A removal is skipped, in either map, when its
/// triangle holds any other vertex or fixed place, when any other edge meets its sides (twin borders drawn a
/// little apart cross each other), when a ring would keep fewer than <see cref="MinRingPoints"/> vertices, or when
/// it would move areas too far (<see cref="AreaLedger"/>): each removal changes the region on one side of its arc
/// by +t and the other by −t, so removals balance. In the cartogram a region's area error must also stay within its
/// allowance (0.8 of the requested maximum, or no worse than the engine left it). Measured on the world map
/// (41,466 points to 10,000): a drift limit of 0.1 % of a region's area stopped at 12,711 points; 0.5 % reaches
/// the budget.
/// </summary>
internal sealed class AreaAwareSimplifier
{
    public const int MinRingPoints = 4;
    private const int Passes = 4;

    private readonly MorphTopology _map;
    private readonly PointGrid _cartogramPoints;
    private readonly PointGrid _equalAreaPoints;
    private readonly SegmentGrid _cartogramEdges;
    private readonly SegmentGrid _equalAreaEdges;
    private readonly Func<int, (int From, int To)> _ends;
    private readonly int[] _prev;
    private readonly int[] _next;
    private readonly int[] _positionRing;
    private readonly int[] _ringLive;
    private readonly double[] _cartogramOrientation;
    private readonly double[] _equalAreaOrientation;
    private readonly int[] _occurrenceStart;
    private readonly int[] _occurrences;
    private readonly bool[] _removable;
    private readonly bool[] _removed;
    private readonly int[] _version;
    private readonly AreaLedger _cartogramAreas;
    private readonly AreaLedger _equalAreaAreas;
    private readonly double[] _error;
    private readonly double[] _allowance;

    public AreaAwareSimplifier(MorphTopology map, IReadOnlyList<double> areaErrors, double maxAreaError,
        IReadOnlyList<(double X, double Y)> cartogramFixed, IReadOnlyList<(double X, double Y)> equalAreaFixed)
    {
        _map = map;
        _cartogramPoints = new PointGrid([.. map.CX, .. cartogramFixed.Select(p => p.X)], [.. map.CY, .. cartogramFixed.Select(p => p.Y)]);
        _equalAreaPoints = new PointGrid([.. map.EX, .. equalAreaFixed.Select(p => p.X)], [.. map.EY, .. equalAreaFixed.Select(p => p.Y)]);
        var positions = map.PositionCount;
        _prev = new int[positions];
        _next = new int[positions];
        _positionRing = new int[positions];
        _ringLive = new int[map.RingCount];
        _cartogramOrientation = new double[map.RingCount];
        _equalAreaOrientation = new double[map.RingCount];
        var cartogramAreas = new double[areaErrors.Count];
        var equalAreaAreas = new double[areaErrors.Count];
        for (var r = 0; r < map.RingCount; r++)
        {
            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            _ringLive[r] = end - start;
            for (var p = start; p < end; p++)
            {
                _positionRing[p] = r;
                _prev[p] = p == start ? end - 1 : p - 1;
                _next[p] = p == end - 1 ? start : p + 1;
            }

            var region = map.RingRegion[r];
            (_cartogramOrientation[r], var cartogramArea) = Orientation(r, map.CX, map.CY);
            (_equalAreaOrientation[r], var equalArea) = Orientation(r, map.EX, map.EY);
            cartogramAreas[region] += cartogramArea;
            equalAreaAreas[region] += equalArea;
        }

        _cartogramAreas = new AreaLedger(cartogramAreas);
        _equalAreaAreas = new AreaLedger(equalAreaAreas);
        _error = [.. areaErrors];
        _allowance = [.. _error.Select(e => Math.Abs(e) > 0.8 * maxAreaError ? Math.Abs(e) - (2 * AreaLedger.MaxTotalDrift) : 0.8 * maxAreaError)];
        _cartogramEdges = new SegmentGrid(map.CX, map.CY, positions);
        _equalAreaEdges = new SegmentGrid(map.EX, map.EY, positions);
        _ends = q => (_map.PositionVertex[q], _map.PositionVertex[_next[q]]);
        for (var p = 0; p < positions; p++)
        {
            var (from, to) = _ends(p);
            _cartogramEdges.Add(p, from, to);
            _equalAreaEdges.Add(p, from, to);
        }

        (_occurrenceStart, _occurrences) = Occurrences(map);
        _removable = new bool[map.VertexCount];
        _removed = new bool[map.VertexCount];
        _version = new int[map.VertexCount];
        for (var v = 0; v < map.VertexCount; v++)
        {
            _removable[v] = InsideAnArc(v);
        }
    }

    /// <summary>True for a position whose vertex was kept.</summary>
    public bool Kept(int position) => !_removed[_map.PositionVertex[position]];

    /// <summary>
    /// Removes vertices while more than <paramref name="budget"/> remain, then, with a <paramref name="tolerance"/>
    /// above 0, those whose new edge stays within it of every engine point it replaces (whichever keeps fewer
    /// points), as long as a removal is allowed; returns how many remain.
    /// </summary>
    public int Simplify(int budget, double tolerance)
    {
        var live = _map.VertexCount;
        for (var pass = 0; pass < Passes && (live > budget || tolerance > 0); pass++)
        {
            var queue = new PriorityQueue<(int Vertex, int Version), double>();
            for (var v = 0; v < _map.VertexCount; v++)
            {
                Enqueue(queue, v);
            }

            var removed = 0;
            while ((live > budget || tolerance > 0) && queue.TryDequeue(out var entry, out _))
            {
                if (entry.Version == _version[entry.Vertex] && !_removed[entry.Vertex]
                    && (live > budget || WithinTolerance(entry.Vertex, tolerance)) && TryRemove(entry.Vertex, queue))
                {
                    live--;
                    removed++;
                }
            }

            if (removed == 0)
            {
                break;
            }
        }

        return live;
    }

    /// <summary>
    /// True when the edge that would replace <paramref name="v"/> passes within <paramref name="tolerance"/> of v and
    /// of every engine point already removed between its neighbours, in both maps (the points between are the
    /// ring's original positions: removals only ever join neighbours).
    /// </summary>
    private bool WithinTolerance(int v, double tolerance)
    {
        var p = _occurrences[_occurrenceStart[v]];
        var ring = _positionRing[p];
        int start = _map.RingStart[ring], end = _map.RingStart[ring + 1];
        int a = _map.PositionVertex[_prev[p]], c = _map.PositionVertex[_next[p]];
        var squared = tolerance * tolerance;
        for (var q = _prev[p] == end - 1 ? start : _prev[p] + 1; q != _next[p]; q = q == end - 1 ? start : q + 1)
        {
            var u = _map.PositionVertex[q];
            if (SquaredDistance(_map.CX, _map.CY, u, a, c) > squared || SquaredDistance(_map.EX, _map.EY, u, a, c) > squared)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The squared distance from point u to the segment a–c.</summary>
    private static double SquaredDistance(double[] x, double[] y, int u, int a, int c)
    {
        double dx = x[c] - x[a], dy = y[c] - y[a];
        var length = (dx * dx) + (dy * dy);
        var t = length > 0 ? Math.Clamp((((x[u] - x[a]) * dx) + ((y[u] - y[a]) * dy)) / length, 0, 1) : 0;
        double ex = x[a] + (t * dx) - x[u], ey = y[a] + (t * dy) - y[u];
        return (ex * ex) + (ey * ey);
    }

    private (double Orientation, double Area) Orientation(int ring, double[] x, double[] y)
    {
        var signed = 0.0;
        for (var p = _map.RingStart[ring]; p < _map.RingStart[ring + 1]; p++)
        {
            int a = _map.PositionVertex[p], b = _map.PositionVertex[_next[p]];
            signed += (x[a] * y[b]) - (x[b] * y[a]);
        }

        signed /= 2;
        var orientation = (_map.RingIsHole[ring] ? -1 : 1) * (signed < 0 ? -1 : 1);
        return (orientation, orientation * signed);
    }

    private void Enqueue(PriorityQueue<(int Vertex, int Version), double> queue, int v)
    {
        if (!_removable[v] || _removed[v])
        {
            return;
        }

        var p = _occurrences[_occurrenceStart[v]];
        int a = _map.PositionVertex[_prev[p]], c = _map.PositionVertex[_next[p]];
        var share = Math.Max(Math.Abs(Triangle(_map.CX, _map.CY, a, v, c)) / _cartogramAreas.TotalArea,
            Math.Abs(Triangle(_map.EX, _map.EY, a, v, c)) / _equalAreaAreas.TotalArea);
        queue.Enqueue((v, ++_version[v]), share);
    }

    private bool TryRemove(int v, PriorityQueue<(int Vertex, int Version), double> queue)
    {
        var first = _occurrences[_occurrenceStart[v]];
        int a = _map.PositionVertex[_prev[first]], c = _map.PositionVertex[_next[first]];
        if (a == c || Adjacent(a, c))
        {
            return false;
        }

        Span<(int Region, double Change)> cartogram = stackalloc (int, double)[2];
        Span<(int Region, double Change)> equalArea = stackalloc (int, double)[2];
        var count = 0;
        for (var k = _occurrenceStart[v]; k < _occurrenceStart[v + 1]; k++, count++)
        {
            var p = _occurrences[k];
            var ring = _positionRing[p];
            if (_ringLive[ring] <= MinRingPoints)
            {
                return false;
            }

            int before = _map.PositionVertex[_prev[p]], after = _map.PositionVertex[_next[p]];
            cartogram[count] = (_map.RingRegion[ring], -_cartogramOrientation[ring] * Triangle(_map.CX, _map.CY, before, v, after));
            equalArea[count] = (_map.RingRegion[ring], -_equalAreaOrientation[ring] * Triangle(_map.EX, _map.EY, before, v, after));
        }

        cartogram = cartogram[..count];
        equalArea = equalArea[..count];
        if (!_cartogramAreas.Allows(cartogram) || !_equalAreaAreas.Allows(equalArea) || !ErrorsAllowed(cartogram))
        {
            return false;
        }

        if (!_cartogramPoints.TriangleIsEmpty(a, v, c) || !_equalAreaPoints.TriangleIsEmpty(a, v, c)
            || !TriangleIsUntouched(_cartogramEdges, a, v, c) || !TriangleIsUntouched(_equalAreaEdges, a, v, c))
        {
            return false;
        }

        for (var k = _occurrenceStart[v]; k < _occurrenceStart[v + 1]; k++)
        {
            var p = _occurrences[k];
            var before = _prev[p];
            File(before, add: false);
            File(p, add: false);
            _next[before] = _next[p];
            _prev[_next[p]] = before;
            File(before, add: true);
            _ringLive[_positionRing[p]]--;
        }

        _cartogramAreas.Apply(cartogram);
        _equalAreaAreas.Apply(equalArea);
        _removed[v] = true;
        _cartogramPoints.Remove(v);
        _equalAreaPoints.Remove(v);
        Enqueue(queue, a);
        Enqueue(queue, c);
        return true;
    }

    /// <summary>
    /// No other edge meets the triangle's sides: not the new edge a–c, and not a–v or v–c either, because a twin
    /// border crossing those would change sides over the swept triangle and its overlap would grow.
    /// </summary>
    private bool TriangleIsUntouched(SegmentGrid edges, int a, int v, int c) =>
        edges.IsClear(a, c, v, _ends) && edges.IsClear(a, v, c, _ends) && edges.IsClear(v, c, a, _ends);

    private void File(int position, bool add)
    {
        var (from, to) = _ends(position);
        if (add)
        {
            _cartogramEdges.Add(position, from, to);
            _equalAreaEdges.Add(position, from, to);
        }
        else
        {
            _cartogramEdges.Remove(position, from, to);
            _equalAreaEdges.Remove(position, from, to);
        }
    }

    private bool ErrorsAllowed(ReadOnlySpan<(int Region, double Change)> changes)
    {
        var totalDrift = _cartogramAreas.TotalDrift;
        foreach (var (_, change) in changes)
        {
            totalDrift += change;
        }

        var regionDrift = 0.0;
        for (var k = 0; k < changes.Length; k++)
        {
            var region = changes[k].Region;
            regionDrift = changes[k].Change + (k == 1 && changes[0].Region == region ? changes[0].Change : 0);
            var error = Math.Abs(Error(region, _cartogramAreas.Drift(region) + regionDrift, totalDrift));
            if (error > _allowance[region] && error > Math.Abs(Error(region, _cartogramAreas.Drift(region), _cartogramAreas.TotalDrift)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>e′ = (1 + e)(A + δ)/A · Σ/(Σ + Δ) − 1: the engine's error e with the region's and the total's drifts.</summary>
    private double Error(int region, double drift, double totalDrift) =>
        ((1 + _error[region]) * (1 + (drift / _cartogramAreas.Area(region))) / (1 + (totalDrift / _cartogramAreas.TotalArea))) - 1;

    private bool Adjacent(int a, int c)
    {
        for (var k = _occurrenceStart[a]; k < _occurrenceStart[a + 1]; k++)
        {
            var p = _occurrences[k];
            if (_map.PositionVertex[_prev[p]] == c || _map.PositionVertex[_next[p]] == c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two distinct neighbours, at most two rings through it, each once: a vertex inside one arc.</summary>
    private bool InsideAnArc(int v)
    {
        var count = _occurrenceStart[v + 1] - _occurrenceStart[v];
        if (count is < 1 or > 2)
        {
            return false;
        }

        var p = _occurrences[_occurrenceStart[v]];
        int a = _map.PositionVertex[_prev[p]], c = _map.PositionVertex[_next[p]];
        if (count == 2)
        {
            var q = _occurrences[_occurrenceStart[v] + 1];
            int qa = _map.PositionVertex[_prev[q]], qc = _map.PositionVertex[_next[q]];
            if (_positionRing[p] == _positionRing[q] || !((qa == a && qc == c) || (qa == c && qc == a)))
            {
                return false;
            }
        }

        return a != c && a != v && c != v;
    }

    /// <summary>Signed area of the triangle a, v, c.</summary>
    private static double Triangle(double[] x, double[] y, int a, int v, int c) =>
        (((x[v] - x[a]) * (y[c] - y[a])) - ((y[v] - y[a]) * (x[c] - x[a]))) / 2;

    private static (int[] Start, int[] Positions) Occurrences(MorphTopology map)
    {
        var start = new int[map.VertexCount + 1];
        foreach (var v in map.PositionVertex)
        {
            start[v + 1]++;
        }

        for (var v = 0; v < map.VertexCount; v++)
        {
            start[v + 1] += start[v];
        }

        var filled = start[..^1].ToArray();
        var positions = new int[map.PositionCount];
        for (var p = 0; p < map.PositionCount; p++)
        {
            positions[filled[map.PositionVertex[p]]++] = p;
        }

        return (start, positions);
    }
}
