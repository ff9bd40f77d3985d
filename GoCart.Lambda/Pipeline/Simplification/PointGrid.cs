namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// A bucket grid of points for one question: does any point other than the triangle's own corners lie in the closed
/// triangle? Removing a vertex sweeps its triangle; if the triangle holds no other point, no border and no place
/// changes side (the borders do not cross, so an edge entering the triangle would have to end inside it).
/// </summary>
internal sealed class PointGrid
{
    private const int MaxCellsPerSide = 4096;
    private readonly BucketLattice _lattice;
    private readonly List<int>?[] _cells;
    private readonly List<double> _x;
    private readonly List<double> _y;

    public PointGrid(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        _x = [.. x];
        _y = [.. y];
        _lattice = BucketLattice.Over(_x, _y, _x.Count, MaxCellsPerSide);
        _cells = new List<int>?[_lattice.Count];
        for (var i = 0; i < _x.Count; i++)
        {
            var index = Cell(_x[i], _y[i]);
            (_cells[index] ??= []).Add(i);
        }
    }

    public void Remove(int point) => _cells[Cell(_x[point], _y[point])]!.Remove(point);

    /// <summary>True when no point but <paramref name="a"/>, <paramref name="b"/> and <paramref name="c"/> lies in their closed triangle.</summary>
    public bool TriangleIsEmpty(int a, int b, int c)
    {
        double ax = _x[a], ay = _y[a], bx = _x[b], by = _y[b], cx = _x[c], cy = _y[c];
        var minX = Math.Min(ax, Math.Min(bx, cx));
        var maxX = Math.Max(ax, Math.Max(bx, cx));
        var minY = Math.Min(ay, Math.Min(by, cy));
        var maxY = Math.Max(ay, Math.Max(by, cy));
        var i0 = _lattice.Column(minX);
        var i1 = _lattice.Column(maxX);
        var j0 = _lattice.Row(minY);
        var j1 = _lattice.Row(maxY);
        for (var j = j0; j <= j1; j++)
        {
            for (var i = i0; i <= i1; i++)
            {
                if (_cells[_lattice.Index(i, j)] is not { } cell)
                {
                    continue;
                }

                foreach (var p in cell)
                {
                    if (p == a || p == b || p == c)
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

    private int Cell(double x, double y) => _lattice.Index(_lattice.Column(x), _lattice.Row(y));
}
