namespace GoCart.Lambda.Pipeline.Simplification;

/// <summary>
/// The square cells of a bucket grid over a set of points: about two cells' width per item on average, at most
/// <c>maxCellsPerSide</c> cells along the longer side. Shared by <see cref="PointGrid"/> and <see cref="SegmentGrid"/>.
/// </summary>
internal readonly record struct BucketLattice(double MinX, double MinY, double Cell, int Nx, int Ny)
{
    public int Count => Nx * Ny;

    public static BucketLattice Over(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int items, int maxCellsPerSide)
    {
        double minX = 0, minY = 0, maxX = 0, maxY = 0;
        if (x.Length > 0)
        {
            (minX, maxX, minY, maxY) = (x[0], x[0], y[0], y[0]);
            for (var i = 1; i < x.Length; i++)
            {
                minX = Math.Min(minX, x[i]);
                maxX = Math.Max(maxX, x[i]);
                minY = Math.Min(minY, y[i]);
                maxY = Math.Max(maxY, y[i]);
            }
        }

        var width = Math.Max(maxX - minX, 1e-12);
        var height = Math.Max(maxY - minY, 1e-12);
        var cell = Math.Sqrt(width * height / Math.Max(1, items)) * 2;
        cell = Math.Max(cell, Math.Max(width, height) / maxCellsPerSide);
        return new BucketLattice(minX, minY, cell, (int)(width / cell) + 1, (int)(height / cell) + 1);
    }

    public int Column(double x) => Math.Clamp((int)((x - MinX) / Cell), 0, Nx - 1);

    public int Row(double y) => Math.Clamp((int)((y - MinY) / Cell), 0, Ny - 1);

    public int Index(int column, int row) => (row * Nx) + column;

    public int Index(double x, double y) => Index(Column(x), Row(y));
}
