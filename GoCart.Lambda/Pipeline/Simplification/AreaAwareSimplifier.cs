namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// Visvalingam–Whyatt removal on shared arcs: the vertex whose triangle with its two neighbours is smallest goes
/// first, from every ring through it at once (so shared borders stay shared), until the map has at most the budget
/// of vertices. A removal is skipped when its triangle holds any other vertex or fixed point in either map (it would
/// make borders cross or move a place across a border), when a ring would keep fewer than
/// <see cref="MinRingPoints"/> vertices, or when it would push a region's area too far: each removal changes the
/// region on one side of its arc by +t and the other by −t, and the drift of each region is kept within
/// <see cref="MaxRegionDrift"/> of its area and its area error within its allowance (0.8 of the requested maximum,
/// or no worse than the engine left it), so removals balance. Measured on the world map (41,466 points to 10,000):
/// a drift limit of 0.1 % stopped at 12,711 points; 0.5 % reaches the budget with the largest error 0.71 %.
/// </summary>
internal sealed class AreaAwareSimplifier
{
    public const int MinRingPoints = 4;
    public const double MaxRegionDrift = 5e-3;
    public const double MaxTotalDrift = 1e-4;
    private const int Passes = 4;

    private readonly MorphTopology _map;
    private readonly PointGrid _cartogramGrid;
    private readonly PointGrid _equalAreaGrid;
    private readonly int[] _prev;
    private readonly int[] _next;
    private readonly int[] _positionRing;
    private readonly int[] _ringLive;
    private readonly double[] _ringOrientation;
    private readonly int[] _occurrenceStart;
    private readonly int[] _occurrences;
    private readonly bool[] _removable;
    private readonly bool[] _removed;
    private readonly int[] _version;
    private readonly double[] _area;
    private readonly double[] _drift;
    private readonly double[] _error;
    private readonly double[] _allowance;
    private readonly double _totalArea;
    private double _totalDrift;

    public AreaAwareSimplifier(MorphTopology map, IReadOnlyList<double> areaErrors, double maxAreaError,
        IReadOnlyList<(double X, double Y)> cartogramFixed, IReadOnlyList<(double X, double Y)> equalAreaFixed)
    {
        _map = map;
        _cartogramGrid = new PointGrid([.. map.CX, .. cartogramFixed.Select(p => p.X)], [.. map.CY, .. cartogramFixed.Select(p => p.Y)]);
        _equalAreaGrid = new PointGrid([.. map.EX, .. equalAreaFixed.Select(p => p.X)], [.. map.EY, .. equalAreaFixed.Select(p => p.Y)]);
        var positions = map.PositionVertex.Count;
        _prev = new int[positions];
        _next = new int[positions];
        _positionRing = new int[positions];
        _ringLive = new int[map.RingCount];
        _ringOrientation = new double[map.RingCount];
        var regions = areaErrors.Count;
        _area = new double[regions];
        _drift = new double[regions];
        _error = [.. areaErrors];
        for (var r = 0; r < map.RingCount; r++)
        {
            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            _ringLive[r] = end - start;
            var signed = 0.0;
            for (var p = start; p < end; p++)
            {
                _positionRing[p] = r;
                _prev[p] = p == start ? end - 1 : p - 1;
                _next[p] = p == end - 1 ? start : p + 1;
                int a = map.PositionVertex[p], b = map.PositionVertex[_next[p]];
                signed += (map.CX[a] * map.CY[b]) - (map.CX[b] * map.CY[a]);
            }

            signed /= 2;
            _ringOrientation[r] = (map.RingIsHole[r] ? -1 : 1) * (signed < 0 ? -1 : 1);
            _area[map.RingRegion[r]] += _ringOrientation[r] * signed;
        }

        _totalArea = _area.Sum();
        _allowance = [.. _error.Select(e => Math.Abs(e) > 0.8 * maxAreaError ? Math.Abs(e) - (2 * MaxTotalDrift) : 0.8 * maxAreaError)];
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

    /// <summary>Removes vertices until at most <paramref name="budget"/> remain or no removal is allowed; returns how many remain.</summary>
    public int Simplify(int budget)
    {
        var live = _map.VertexCount;
        for (var pass = 0; pass < Passes && live > budget; pass++)
        {
            var queue = new PriorityQueue<(int Vertex, int Version), double>();
            for (var v = 0; v < _map.VertexCount; v++)
            {
                Enqueue(queue, v);
            }

            var removed = 0;
            while (live > budget && queue.TryDequeue(out var entry, out _))
            {
                if (entry.Version == _version[entry.Vertex] && !_removed[entry.Vertex] && TryRemove(entry.Vertex, queue))
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

    private void Enqueue(PriorityQueue<(int Vertex, int Version), double> queue, int v)
    {
        if (!_removable[v] || _removed[v])
        {
            return;
        }

        var p = _occurrences[_occurrenceStart[v]];
        int a = _map.PositionVertex[_prev[p]], c = _map.PositionVertex[_next[p]];
        queue.Enqueue((v, ++_version[v]), Math.Abs(Triangle(a, v, c)));
    }

    private bool TryRemove(int v, PriorityQueue<(int Vertex, int Version), double> queue)
    {
        var first = _occurrences[_occurrenceStart[v]];
        int a = _map.PositionVertex[_prev[first]], c = _map.PositionVertex[_next[first]];
        if (a == c || Adjacent(a, c))
        {
            return false;
        }

        Span<(int Region, double Change)> changes = stackalloc (int, double)[2];
        var changeCount = 0;
        for (var k = _occurrenceStart[v]; k < _occurrenceStart[v + 1]; k++)
        {
            var p = _occurrences[k];
            var ring = _positionRing[p];
            if (_ringLive[ring] <= MinRingPoints)
            {
                return false;
            }

            var change = -_ringOrientation[ring] * Triangle(_map.PositionVertex[_prev[p]], v, _map.PositionVertex[_next[p]]);
            changes[changeCount++] = (_map.RingRegion[ring], change);
        }

        if (changeCount == 2 && changes[0].Region == changes[1].Region)
        {
            changes[0].Change += changes[1].Change;
            changeCount = 1;
        }

        var totalDrift = _totalDrift;
        for (var k = 0; k < changeCount; k++)
        {
            totalDrift += changes[k].Change;
        }

        if (Math.Abs(totalDrift) > MaxTotalDrift * _totalArea && Math.Abs(totalDrift) >= Math.Abs(_totalDrift))
        {
            return false;
        }

        for (var k = 0; k < changeCount; k++)
        {
            var (region, change) = changes[k];
            if (!DriftAllowed(region, _drift[region] + change, totalDrift))
            {
                return false;
            }
        }

        if (!_cartogramGrid.TriangleIsEmpty(a, v, c) || !_equalAreaGrid.TriangleIsEmpty(a, v, c))
        {
            return false;
        }

        for (var k = _occurrenceStart[v]; k < _occurrenceStart[v + 1]; k++)
        {
            var p = _occurrences[k];
            _next[_prev[p]] = _next[p];
            _prev[_next[p]] = _prev[p];
            _ringLive[_positionRing[p]]--;
        }

        for (var k = 0; k < changeCount; k++)
        {
            _drift[changes[k].Region] += changes[k].Change;
        }

        _totalDrift = totalDrift;
        _removed[v] = true;
        _cartogramGrid.Remove(v);
        _equalAreaGrid.Remove(v);
        Enqueue(queue, a);
        Enqueue(queue, c);
        return true;
    }

    private bool DriftAllowed(int region, double drift, double totalDrift)
    {
        if (!(_area[region] > 0))
        {
            return false;
        }

        if (Math.Abs(drift) > MaxRegionDrift * _area[region] && Math.Abs(drift) >= Math.Abs(_drift[region]))
        {
            return false;
        }

        var error = Math.Abs(Error(region, drift, totalDrift));
        return error <= _allowance[region] || error <= Math.Abs(Error(region, _drift[region], _totalDrift));
    }

    /// <summary>e′ = (1 + e)(A + δ)/A · Σ/(Σ + Δ) − 1: the engine's error e with the region's and the total's drifts.</summary>
    private double Error(int region, double drift, double totalDrift) =>
        ((1 + _error[region]) * (1 + (drift / _area[region])) / (1 + (totalDrift / _totalArea))) - 1;

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

    /// <summary>Signed area of the triangle a, v, c in the cartogram.</summary>
    private double Triangle(int a, int v, int c) =>
        (((_map.CX[v] - _map.CX[a]) * (_map.CY[c] - _map.CY[a])) - ((_map.CY[v] - _map.CY[a]) * (_map.CX[c] - _map.CX[a]))) / 2;

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
        var positions = new int[map.PositionVertex.Count];
        for (var p = 0; p < map.PositionVertex.Count; p++)
        {
            positions[filled[map.PositionVertex[p]]++] = p;
        }

        return (start, positions);
    }
}
