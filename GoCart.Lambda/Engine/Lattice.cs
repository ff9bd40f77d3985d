namespace GoCart.Lambda.Engine;

/// <summary>
/// The integer lattice of lx × ly unit cells laid over the map (ALGORITHM.md §2.2): the map's bounding box is
/// enlarged about its centre by <see cref="Padding"/>, the long side gets <c>longSide</c> cells and the short
/// side the next power of two that covers it, so the map sits in the middle with a margin of sea around it.
/// </summary>
internal sealed record Lattice(int Lx, int Ly, double OriginX, double OriginY, double CellSize)
{
    public const double Padding = 1.5;

    public static Lattice Around(double minX, double minY, double maxX, double maxY, int longSide)
    {
        if (longSide < 8 || (longSide & (longSide - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(longSide), longSide, "The grid's long side must be a power of two, at least 8.");
        }

        var width = Math.Max(maxX - minX, 0);
        var height = Math.Max(maxY - minY, 0);
        if (!(width > 0) && !(height > 0))
        {
            throw new ArgumentException("The map has no extent: every point is the same.");
        }

        var centreX = 0.5 * (minX + maxX);
        var centreY = 0.5 * (minY + maxY);
        int lx, ly;
        double cell;
        if (width >= height)
        {
            lx = longSide;
            cell = Padding * width / lx;
            ly = ShortSide(Padding * height / cell, longSide);
        }
        else
        {
            ly = longSide;
            cell = Padding * height / ly;
            lx = ShortSide(Padding * width / cell, longSide);
        }

        return new Lattice(lx, ly, centreX - (0.5 * lx * cell), centreY - (0.5 * ly * cell), cell);
    }

    /// <summary>The same lattice with every cell split into four: twice the resolution, same origin.</summary>
    public Lattice Doubled() => new(2 * Lx, 2 * Ly, OriginX, OriginY, 0.5 * CellSize);

    public double ToLatticeX(double x) => (x - OriginX) / CellSize;

    public double ToLatticeY(double y) => (y - OriginY) / CellSize;

    public double FromLatticeX(double u) => OriginX + (u * CellSize);

    public double FromLatticeY(double v) => OriginY + (v * CellSize);

    private static int ShortSide(double cells, int longSide)
    {
        var side = 8;
        while (side < cells && side < longSide)
        {
            side <<= 1;
        }

        return side;
    }
}
