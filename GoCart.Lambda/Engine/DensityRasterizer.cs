namespace GoCart.Lambda.Engine;

/// <summary>
/// Fills the lattice with density by exact area coverage: each cell gets the sea density plus, for every region,
/// (ρ_region − ρ_sea) × the area of the cell that the region covers. Coverage is accumulated edge by edge as
/// signed area deltas along strips of the grid and summed once per strip (the accumulation-buffer technique of
/// anti-aliased font rasterisers), so the cost is O(edges + cells) and holes subtract themselves through their
/// clockwise orientation. This is more accurate than sampling cell centres (go_cart) for regions that cover
/// only a few cells, and needs no clipping.
/// </summary>
internal sealed class DensityRasterizer
{
    private readonly int _lx;
    private readonly int _ly;
    private readonly int _stride;
    private readonly double[] _accumulation;

    public DensityRasterizer(int lx, int ly)
    {
        _lx = lx;
        _ly = ly;
        _stride = ly + 2;
        _accumulation = new double[lx * _stride];
    }

    /// <summary>Writes the density of every cell into <paramref name="density"/> (index m·ly + n).</summary>
    public void Fill(RingMap map, double[] x, double[] y, double[] regionDensity, double seaDensity, double[] density)
    {
        Array.Clear(_accumulation);
        for (var r = 0; r < map.RingCount; r++)
        {
            var weight = regionDensity[map.RingRegion[r]] - seaDensity;
            if (weight == 0)
            {
                continue;
            }

            var start = map.RingStart[r];
            var end = map.RingStart[r + 1];
            var previous = map.RingPoints[end - 1];
            for (var k = start; k < end; k++)
            {
                var current = map.RingPoints[k];
                AddEdge(x[previous], y[previous], x[current], y[current], weight);
                previous = current;
            }
        }

        for (var m = 0; m < _lx; m++)
        {
            var strip = _accumulation.AsSpan(m * _stride, _ly);
            var cells = density.AsSpan(m * _ly, _ly);
            double covered = 0;
            for (var n = 0; n < strip.Length; n++)
            {
                covered += strip[n];
                cells[n] = seaDensity + covered;
            }
        }
    }

    /// <summary>
    /// Adds the signed coverage of the edge (x0,y0)→(x1,y1) to the strips x ∈ [m, m+1) that it crosses. Within a
    /// strip the covered length dx is spread over the cells between the edge's lowest and highest y there,
    /// in proportion to the area on the far side of the edge; the running sum along the strip turns these
    /// deltas into coverage.
    /// </summary>
    private void AddEdge(double x0, double y0, double x1, double y1, double weight)
    {
        if (x0 == x1)
        {
            return;
        }

        var sign = weight;
        if (x0 > x1)
        {
            (x0, x1) = (x1, x0);
            (y0, y1) = (y1, y0);
            sign = -weight;
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
            var line = m * _stride;
            var lowFloor = Math.Floor(low);
            var lowCell = (int)lowFloor;
            var highCeil = Math.Ceiling(high);
            var highCell = (int)highCeil;
            if (highCell <= lowCell + 1)
            {
                // The edge stays inside one cell of this strip: split d at its mean y.
                var mid = (0.5 * (low + high)) - lowFloor;
                _accumulation[line + lowCell] += d * (1 - mid);
                _accumulation[line + lowCell + 1] += d * mid;
            }
            else
            {
                var inverse = 1 / (high - low);
                var lowFraction = low - lowFloor;
                var first = 0.5 * inverse * (1 - lowFraction) * (1 - lowFraction);
                var highFraction = high - highCeil + 1;
                var last = 0.5 * inverse * highFraction * highFraction;
                _accumulation[line + lowCell] += d * first;
                if (highCell == lowCell + 2)
                {
                    _accumulation[line + lowCell + 1] += d * (1 - first - last);
                }
                else
                {
                    var second = inverse * (1.5 - lowFraction);
                    _accumulation[line + lowCell + 1] += d * (second - first);
                    for (var n = lowCell + 2; n < highCell - 1; n++)
                    {
                        _accumulation[line + n] += d * inverse;
                    }

                    var beforeLast = second + ((highCell - lowCell - 3) * inverse);
                    _accumulation[line + highCell - 1] += d * (1 - beforeLast - last);
                }

                _accumulation[line + highCell] += d * last;
            }

            y = yNext;
        }
    }
}
