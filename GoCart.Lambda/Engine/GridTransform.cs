namespace GoCart.Lambda.Engine;

/// <summary>
/// Separable 2-D real transforms on an lx × ly grid stored row-major with y contiguous (index m·stride + n).
/// Work is split into bands, one per worker, each with its own scratch, so a transform allocates nothing.
/// Columns are transformed a block at a time, gathered into scratch so that each grid row is read as one
/// contiguous run; a row stride a little longer than ly keeps those gathers off a single cache set (a
/// power-of-two stride would map every row of a column to the same set and thrash the cache).
/// </summary>
internal sealed class GridTransform
{
    private const int ColumnBlock = 8;

    private readonly int _lx;
    private readonly int _ly;
    private readonly int _stride;
    private readonly RealTransform _alongX;
    private readonly RealTransform _alongY;
    private readonly int _workers;
    private readonly double[][] _scratchRe;
    private readonly double[][] _scratchIm;
    private readonly double[][] _columns;

    public GridTransform(int lx, int ly, int degreeOfParallelism)
        : this(lx, ly, PaddedStride(ly), degreeOfParallelism)
    {
    }

    public GridTransform(int lx, int ly, int stride, int degreeOfParallelism)
    {
        if (ly < 2 || lx < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(lx), "A grid needs at least 2 cells along each axis.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(stride, ly, nameof(stride));
        _lx = lx;
        _ly = ly;
        _stride = stride;
        _alongX = new RealTransform(lx);
        _alongY = new RealTransform(ly);
        _workers = Math.Max(1, degreeOfParallelism);
        var longest = Math.Max(lx, ly);
        _scratchRe = new double[_workers][];
        _scratchIm = new double[_workers][];
        _columns = new double[_workers][];
        for (var w = 0; w < _workers; w++)
        {
            _scratchRe[w] = new double[longest];
            _scratchIm[w] = new double[longest];
            _columns[w] = new double[ColumnBlock * lx];
        }
    }

    public int Lx => _lx;

    public int Ly => _ly;

    /// <summary>Distance between the starts of consecutive rows in the grids this transform works on.</summary>
    public int Stride => _stride;

    /// <summary>A row stride for ly cells that is not a multiple of 512 bytes.</summary>
    public static int PaddedStride(int ly) => ly >= 64 ? ly + 8 : ly;

    /// <summary>Applies <paramref name="alongX"/> to every column and <paramref name="alongY"/> to every row, in place.</summary>
    public void Apply(double[] grid, TransformKind alongX, TransformKind alongY)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(grid.Length, _lx * _stride, nameof(grid));
        TransformRows(grid, alongY);
        TransformColumns(grid, alongX);
    }

    private void TransformRows(double[] grid, TransformKind kind)
    {
        var pairs = _lx / 2;
        WorkerBands.Run(_workers, pairs, (worker, first, last) =>
        {
            var re = _scratchRe[worker].AsSpan(0, _ly);
            var im = _scratchIm[worker].AsSpan(0, _ly);
            for (var p = first; p < last; p++)
            {
                var a = grid.AsSpan(2 * p * _stride, _ly);
                var b = grid.AsSpan(((2 * p) + 1) * _stride, _ly);
                _alongY.ApplyPair(kind, a, b, re, im);
            }
        });
    }

    private void TransformColumns(double[] grid, TransformKind kind)
    {
        var block = Math.Min(ColumnBlock, _ly);
        var blocks = _ly / block;
        WorkerBands.Run(_workers, blocks, (worker, first, last) =>
        {
            var re = _scratchRe[worker].AsSpan(0, _lx);
            var im = _scratchIm[worker].AsSpan(0, _lx);
            var columns = _columns[worker];
            for (var blk = first; blk < last; blk++)
            {
                var n0 = blk * block;

                // Gather a block of columns so that each grid row is read as one contiguous run.
                for (var m = 0; m < _lx; m++)
                {
                    var row = m * _stride;
                    for (var c = 0; c < block; c++)
                    {
                        columns[(c * _lx) + m] = grid[row + n0 + c];
                    }
                }

                for (var c = 0; c < block; c += 2)
                {
                    _alongX.ApplyPair(kind, columns.AsSpan(c * _lx, _lx), columns.AsSpan((c + 1) * _lx, _lx), re, im);
                }

                for (var m = 0; m < _lx; m++)
                {
                    var row = m * _stride;
                    for (var c = 0; c < block; c++)
                    {
                        grid[row + n0 + c] = columns[(c * _lx) + m];
                    }
                }
            }
        });
    }
}
