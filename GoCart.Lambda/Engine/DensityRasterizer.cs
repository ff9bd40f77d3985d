namespace GoCart.Lambda.Engine;

/// <summary>
/// Fills the lattice with density from exact area coverage. A cell shared by several regions (and the sea) gets
/// the mean of their densities weighted by covered area × each one's weight: with weights that grow with a
/// region's area error, a tiny region that is far off its target dominates the cells it touches, so it can
/// reach its size in a few integrations instead of being averaged away (cartogram-cpp weights mixed cells the
/// same way). With equal weights this is the plain area-weighted, mass-conserving fill.
/// Coverage is accumulated edge by edge as signed area deltas along strips of the grid and summed once per
/// strip (the accumulation-buffer technique of anti-aliased font rasterisers), so the cost is O(edges + cells),
/// holes subtract themselves through their clockwise orientation, and nothing needs clipping.
/// </summary>
internal sealed class DensityRasterizer
{
    private readonly int _lx;
    private readonly int _ly;
    private readonly int _stride;
    // Three running sums per cell: Σ c_i·w_i·ρ_i, Σ c_i·w_i and Σ c_i (c = covered area, w = weight). The deltas
    // are stored in single precision (half the memory on a 2048² lattice) and summed in double: a delta's
    // rounding error is 1e-7 of it, far below what the blur and the integrator resolve.
    private const int Sums = 3;

    // All zero between fills: the summing pass clears each strip after reading it.
    private readonly float[] _accumulation;
    private readonly int _workers;

    public DensityRasterizer(int lx, int ly, int degreeOfParallelism = 1)
    {
        _lx = lx;
        _ly = ly;
        _workers = Math.Max(1, degreeOfParallelism);
        _stride = (ly + 2) * Sums;
        _accumulation = new float[lx * _stride];
    }

    /// <summary>Writes the density of every cell into <paramref name="density"/> (index m·<paramref name="stride"/> + n).</summary>
    public void Fill(RingMap map, double[] x, double[] y, double[] regionDensity, double[] regionWeight, double seaDensity, double seaWeight, double[] density, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, _ly, nameof(stride));
        for (var r = 0; r < map.RingCount; r++)
        {
            var region = map.RingRegion[r];
            var weights = new EdgeWeights(regionWeight[region] * regionDensity[region], regionWeight[region]);
            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            var previous = map.RingPoints[end - 1];
            for (var k = start; k < end; k++)
            {
                var current = map.RingPoints[k];
                AddEdge(x[previous], y[previous], x[current], y[current], weights);
                previous = current;
            }
        }

        // Strips are independent: sum them in parallel bands.
        WorkerBands.Run(_workers, _lx, (_, first, last) => SumStrips(first, last, seaDensity, seaWeight, density, stride));
    }

    /// <summary>Turns the deltas of strips [first, last) into cell densities and clears them for the next fill.</summary>
    private void SumStrips(int first, int last, double seaDensity, double seaWeight, double[] density, int stride)
    {
        var seaMass = seaWeight * seaDensity;
        for (var m = first; m < last; m++)
        {
            var strip = _accumulation.AsSpan(m * _stride, _stride);
            var cells = density.AsSpan(m * stride, _ly);
            double mass = 0, weight = 0, covered = 0;
            for (var n = 0; n < cells.Length; n++)
            {
                mass += strip[Sums * n];
                weight += strip[(Sums * n) + 1];
                covered += strip[(Sums * n) + 2];
                var sea = Math.Max(0, 1 - covered);
                cells[n] = (mass + (sea * seaMass)) / (weight + (sea * seaWeight));
            }

            strip.Clear();
        }
    }

    /// <summary>
    /// Adds the signed coverage of the edge (x0,y0)→(x1,y1) to the strips x ∈ [m, m+1) that it crosses. Within a
    /// strip the covered length dx is spread over the cells between the edge's lowest and highest y there,
    /// in proportion to the area on the far side of the edge; the running sum along the strip turns these
    /// deltas into coverage.
    /// </summary>
    private void AddEdge(double x0, double y0, double x1, double y1, EdgeWeights weights)
    {
        if (x0 == x1)
        {
            return;
        }

        var sign = 1.0;
        if (x0 > x1)
        {
            (x0, x1) = (x1, x0);
            (y0, y1) = (y1, y0);
            sign = -1.0;
        }

        var slope = (y1 - y0) / (x1 - x0);
        var y = y0;
        var firstStrip = Math.Max(0, (int)Math.Floor(x0));
        var lastStrip = Math.Min(_lx, (int)Math.Ceiling(x1));
        if (x0 < firstStrip)
        {
            y += slope * (firstStrip - x0);
        }

        for (var m = firstStrip; m < lastStrip; m++)
        {
            var dx = Math.Min(m + 1, x1) - Math.Max(m, x0);
            var yNext = y + (slope * dx);
            var d = dx * sign;
            var (low, high) = y < yNext ? (y, yNext) : (yNext, y);
            low = Math.Clamp(low, 0, _ly);
            high = Math.Clamp(high, 0, _ly);
            var line = m * (_ly + 2);
            var lowFloor = Math.Floor(low);
            var lowCell = (int)lowFloor;
            var highCeil = Math.Ceiling(high);
            var highCell = (int)highCeil;
            if (highCell <= lowCell + 1)
            {
                // The edge stays inside one cell of this strip: split d at its mean y.
                var mid = (0.5 * (low + high)) - lowFloor;
                Add(line + lowCell, d * (1 - mid), weights);
                Add(line + lowCell + 1, d * mid, weights);
            }
            else
            {
                var inverse = 1 / (high - low);
                var lowFraction = low - lowFloor;
                var first = 0.5 * inverse * (1 - lowFraction) * (1 - lowFraction);
                var highFraction = high - highCeil + 1;
                var last = 0.5 * inverse * highFraction * highFraction;
                Add(line + lowCell, d * first, weights);
                if (highCell == lowCell + 2)
                {
                    Add(line + lowCell + 1, d * (1 - first - last), weights);
                }
                else
                {
                    var second = inverse * (1.5 - lowFraction);
                    Add(line + lowCell + 1, d * (second - first), weights);
                    for (var n = lowCell + 2; n < highCell - 1; n++)
                    {
                        Add(line + n, d * inverse, weights);
                    }

                    var beforeLast = second + ((highCell - lowCell - 3) * inverse);
                    Add(line + highCell - 1, d * (1 - beforeLast - last), weights);
                }

                Add(line + highCell, d * last, weights);
            }

            y = yNext;
        }
    }

    private void Add(int cell, double coverage, EdgeWeights weights)
    {
        var index = cell * Sums;
        _accumulation[index] += (float)(coverage * weights.Mass);
        _accumulation[index + 1] += (float)(coverage * weights.Weight);
        _accumulation[index + 2] += (float)coverage;
    }

    private readonly record struct EdgeWeights(double Mass, double Weight);
}
