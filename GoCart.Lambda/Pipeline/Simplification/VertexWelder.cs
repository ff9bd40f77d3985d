using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// Gives one id to the points that lie within <see cref="WeldShare"/> of the map's larger side of each other in both
/// maps. The engine moves the two rings along a shared border separately, so their points can differ in the last
/// digits (about 1e-14 of the map, measured on Algeria): read as exact keys they would be two twin borders that cross
/// each other at every point, and a removal on one twin could sweep its region over the other's (Alger/Blida,
/// Thailand/Myanmar). Welded, the border is one arc, thinned once on both sides. The tolerance is a tenth of the
/// output's rounding step (<see cref="Geo.OutputPrecision"/>), so no welded point is drawn anywhere else.
/// Expected linear time: a hash of tolerance-sized cells, each lookup reads the 3 × 3 cells around the point.
/// </summary>
internal sealed class VertexWelder
{
    public const double WeldShare = 1e-9;

    private readonly double _cartogramTolerance;
    private readonly double _equalAreaTolerance;
    private readonly Dictionary<(long, long), int> _cellHead;
    private readonly int[] _nextInCell;
    private readonly double[] _cx;
    private readonly double[] _cy;
    private readonly double[] _ex;
    private readonly double[] _ey;

    /// <param name="cartogram">The cartogram's extent.</param>
    /// <param name="equalArea">The equal-area map's extent.</param>
    /// <param name="capacity">At most how many points will be asked for.</param>
    public VertexWelder(Envelope cartogram, Envelope equalArea, int capacity)
    {
        _cartogramTolerance = Tolerance(cartogram);
        _equalAreaTolerance = Tolerance(equalArea);
        _cellHead = new Dictionary<(long, long), int>(capacity);
        _nextInCell = new int[capacity];
        _cx = new double[capacity];
        _cy = new double[capacity];
        _ex = new double[capacity];
        _ey = new double[capacity];
    }

    public int Count { get; private set; }

    /// <summary>
    /// The id of the vertex at this place in both maps, new if none is within the tolerance; never
    /// <paramref name="previous"/> or <paramref name="wrapping"/> (the ring's neighbours), so no ring repeats a point.
    /// </summary>
    public int Vertex(double cx, double cy, double ex, double ey, int previous, int wrapping)
    {
        var column = Cell(cx);
        var row = Cell(cy);
        for (var j = row - 1; j <= row + 1; j++)
        {
            for (var i = column - 1; i <= column + 1; i++)
            {
                if (!_cellHead.TryGetValue((i, j), out var v))
                {
                    continue;
                }

                for (; v >= 0; v = _nextInCell[v])
                {
                    if (v != previous && v != wrapping
                        && Math.Abs(_cx[v] - cx) <= _cartogramTolerance && Math.Abs(_cy[v] - cy) <= _cartogramTolerance
                        && Math.Abs(_ex[v] - ex) <= _equalAreaTolerance && Math.Abs(_ey[v] - ey) <= _equalAreaTolerance)
                    {
                        return v;
                    }
                }
            }
        }

        var id = Count++;
        (_cx[id], _cy[id], _ex[id], _ey[id]) = (cx, cy, ex, ey);
        _nextInCell[id] = _cellHead.TryGetValue((column, row), out var head) ? head : -1;
        _cellHead[(column, row)] = id;
        return id;
    }

    /// <summary>The vertices' positions, trimmed to <see cref="Count"/>.</summary>
    public (double[] CX, double[] CY, double[] EX, double[] EY) Positions() =>
        (_cx[..Count], _cy[..Count], _ex[..Count], _ey[..Count]);

    private long Cell(double coordinate) => (long)Math.Floor(coordinate / _cartogramTolerance);

    private static double Tolerance(Envelope extent)
    {
        var side = extent.IsNull ? 0 : Math.Max(extent.Width, extent.Height);
        return side > 0 && double.IsFinite(side) ? side * WeldShare : 1;
    }
}
