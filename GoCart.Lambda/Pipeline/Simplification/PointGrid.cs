namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// A bucket grid of points for one question: does any point other than the triangle's own corners lie in the closed
/// triangle? Removing a vertex sweeps its triangle; if the triangle holds no other point, no border and no place
/// changes side (the borders do not cross, so an edge entering the triangle would have to end inside it). Built in
/// linear time as one array sorted by cell (a counting sort); a removed point is only marked.
/// </summary>
internal sealed class PointGrid
{
    private const int MaxCellsPerSide = 4096;
    private readonly BucketLattice _lattice;
    private readonly int[] _cellStart;
    private readonly int[] _points;
    private readonly bool[] _removed;
    private readonly double[] _x;
    private readonly double[] _y;

    /// <param name="x">The points' positions: the map's vertices first, then fixed places.</param>
    /// <param name="y">The points' positions.</param>
    public PointGrid(double[] x, double[] y)
    {
        _x = x;
        _y = y;
        _lattice = BucketLattice.Over(x, y, x.Length, MaxCellsPerSide);
        _cellStart = new int[_lattice.Count + 1];
        var cells = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            cells[i] = _lattice.Index(x[i], y[i]);
            _cellStart[cells[i] + 1]++;
        }

        for (var c = 0; c < _lattice.Count; c++)
        {
            _cellStart[c + 1] += _cellStart[c];
        }

        _points = new int[x.Length];
        var filled = _cellStart[..^1];
        for (var i = 0; i < x.Length; i++)
        {
            _points[filled[cells[i]]++] = i;
        }

        _removed = new bool[x.Length];
    }

    public void Remove(int point) => _removed[point] = true;

    /// <summary>True when no point but <paramref name="a"/>, <paramref name="b"/> and <paramref name="c"/> lies in their closed triangle.</summary>
    public bool TriangleIsEmpty(int a, int b, int c)
    {
        double ax = _x[a], ay = _y[a], bx = _x[b], by = _y[b], cx = _x[c], cy = _y[c];
        var minX = Math.Min(ax, Math.Min(bx, cx));
        var maxX = Math.Max(ax, Math.Max(bx, cx));
        var minY = Math.Min(ay, Math.Min(by, cy));
        var maxY = Math.Max(ay, Math.Max(by, cy));
        int i0 = _lattice.Column(minX), i1 = _lattice.Column(maxX);
        int j0 = _lattice.Row(minY), j1 = _lattice.Row(maxY);
        for (var j = j0; j <= j1; j++)
        {
            for (var i = i0; i <= i1; i++)
            {
                var cell = _lattice.Index(i, j);
                for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                {
                    var p = _points[k];
                    if (p == a || p == b || p == c || _removed[p])
                    {
                        continue;
                    }

                    double px = _x[p], py = _y[p];
                    if (px >= minX && px <= maxX && py >= minY && py <= maxY && InClosedTriangle(px, py, ax, ay, bx, by, cx, cy))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    private static bool InClosedTriangle(double px, double py, double ax, double ay, double bx, double by, double cx, double cy)
    {
        var d1 = ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));
        var d2 = ((cx - bx) * (py - by)) - ((cy - by) * (px - bx));
        var d3 = ((ax - cx) * (py - cy)) - ((ay - cy) * (px - cx));
        var negative = d1 < 0 || d2 < 0 || d3 < 0;
        var positive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(negative && positive);
    }
}
