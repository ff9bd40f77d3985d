namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// A bucket grid of the rings' edges, each filed under every cell its bounding box covers, for one question: does a
/// proposed edge touch any edge but those that share its ends? Source maps often draw a border twice, a little
/// apart, and such twin borders cross each other, so an empty triangle alone does not prove a removal safe.
/// </summary>
internal sealed class SegmentGrid
{
    private const int MaxCellsPerSide = 2048;
    private readonly BucketLattice _lattice;
    private readonly List<int>?[] _cells;
    private readonly double[] _x;
    private readonly double[] _y;

    /// <param name="x">Vertex positions.</param>
    /// <param name="y">Vertex positions.</param>
    /// <param name="edges">How many edge slots there are (one per ring position).</param>
    public SegmentGrid(double[] x, double[] y, int edges)
    {
        _x = x;
        _y = y;
        _lattice = BucketLattice.Over(x, y, edges, MaxCellsPerSide);
        _cells = new List<int>?[_lattice.Count];
    }

    public void Add(int edge, int from, int to) => Visit(from, to, cell => (_cells[cell] ??= []).Add(edge));

    public void Remove(int edge, int from, int to) => Visit(from, to, cell => _cells[cell]!.Remove(edge));

    /// <summary>
    /// True when the closed segment from <paramref name="a"/> to <paramref name="c"/> meets no filed edge other than
    /// those with an end at <paramref name="a"/>, <paramref name="c"/> or <paramref name="v"/>.
    /// </summary>
    public bool IsClear(int a, int c, int v, Func<int, (int From, int To)> ends)
    {
        var clear = true;
        Visit(a, c, cell =>
        {
            if (!clear || _cells[cell] is not { } edges)
            {
                return;
            }

            foreach (var edge in edges)
            {
                var (p, q) = ends(edge);
                if (p == a || p == c || p == v || q == a || q == c || q == v)
                {
                    continue;
                }

                if (Meet(_x[a], _y[a], _x[c], _y[c], _x[p], _y[p], _x[q], _y[q]))
                {
                    clear = false;
                    return;
                }
            }
        });
        return clear;
    }

    private static bool Meet(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        if (Math.Max(ax, bx) < Math.Min(cx, dx) || Math.Max(cx, dx) < Math.Min(ax, bx) || Math.Max(ay, by) < Math.Min(cy, dy) || Math.Max(cy, dy) < Math.Min(ay, by))
        {
            return false;
        }

        var d1 = Math.Sign(Cross(cx, cy, dx, dy, ax, ay));
        var d2 = Math.Sign(Cross(cx, cy, dx, dy, bx, by));
        var d3 = Math.Sign(Cross(ax, ay, bx, by, cx, cy));
        var d4 = Math.Sign(Cross(ax, ay, bx, by, dx, dy));
        return d1 * d2 <= 0 && d3 * d4 <= 0;
    }

    private static double Cross(double ax, double ay, double bx, double by, double px, double py) =>
        ((bx - ax) * (py - ay)) - ((by - ay) * (px - ax));

    private void Visit(int from, int to, Action<int> action)
    {
        var i0 = _lattice.Column(Math.Min(_x[from], _x[to]));
        var i1 = _lattice.Column(Math.Max(_x[from], _x[to]));
        var j0 = _lattice.Row(Math.Min(_y[from], _y[to]));
        var j1 = _lattice.Row(Math.Max(_y[from], _y[to]));
        for (var j = j0; j <= j1; j++)
        {
            for (var i = i0; i <= i1; i++)
            {
                action(_lattice.Index(i, j));
            }
        }
    }
}
