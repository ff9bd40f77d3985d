namespace GoCart.Lambda.Engine;

/// <summary>
/// The velocity field of one integration (ALGORITHM.md §2.6–2.8). From the rasterised density ρ it solves
/// ∇²Φ = ρ − ρ̄ spectrally (cosine basis: no flux through the box walls) and keeps, at the cell centres, the mass
/// flux J = ∇Φ and the blurred density ρ. The velocity at time t is v = J / ρ_t with
/// ρ_t = ρ̄ + (1 − t)(ρ − ρ̄) (Gastner, Seguy &amp; More 2018, eq. 5), so J and ρ are computed once per
/// integration and every velocity evaluation is three bilinear interpolations and a division.
/// The three fields are stored interleaved on a grid padded by one ghost cell on each side, filled by odd
/// reflection for the normal flux component (zero on the wall) and even reflection otherwise (zero normal
/// derivative), which reproduces the boundary rules of §2.8 with a branch-free bilinear interpolation.
/// Memory is what bounds the largest lattice (2048² cells): the density is rasterised straight into the
/// transform grid and transformed in place, one scratch grid takes each flux component in turn, and the padded
/// field is single precision (its 7 significant digits are far below the integrator's tolerance).
/// </summary>
internal sealed class FlowField
{
    private const int Components = 3;

    private readonly int _lx;
    private readonly int _ly;
    private readonly int _workers;
    private readonly GridTransform _transform;
    private readonly double[] _grid;
    private readonly double[] _scratch;
    private readonly float[] _field;
    private readonly int _paddedLy;
    private readonly int _stride;

    // k_y² = (πj/ly)², k_y' = π(j+1)/ly and k_y'², shared by every spectral row.
    private readonly double[] _kySquared;
    private readonly double[] _kyNext;
    private readonly double[] _kyNextSquared;

    public FlowField(int lx, int ly, int degreeOfParallelism)
    {
        _lx = lx;
        _ly = ly;
        _workers = Math.Max(1, degreeOfParallelism);
        _transform = new GridTransform(lx, ly, degreeOfParallelism);
        _stride = _transform.Stride;
        _grid = new double[lx * _stride];
        _scratch = new double[lx * _stride];
        _paddedLy = ly + 2;
        _field = new float[(lx + 2) * _paddedLy * Components];
        _kySquared = new double[ly];
        _kyNext = new double[ly];
        _kyNextSquared = new double[ly];
        for (var j = 0; j < ly; j++)
        {
            var ky = Math.PI * j / ly;
            _kySquared[j] = ky * ky;
            _kyNext[j] = Math.PI * (j + 1) / ly;
            _kyNextSquared[j] = _kyNext[j] * _kyNext[j];
        }
    }

    public int Lx => _lx;

    public int Ly => _ly;

    /// <summary>
    /// Where the caller writes the density before <see cref="Compute"/>: cell (m, n) at m·<see cref="Stride"/> + n.
    /// Compute overwrites it.
    /// </summary>
    public double[] Density => _grid;

    public int Stride => _stride;

    /// <summary>The grid mean ρ̄ of the density, sea included.</summary>
    public double MeanDensity { get; private set; }

    /// <summary>Computes J and the blurred ρ from <see cref="Density"/> with a Gaussian blur of width σ cells.</summary>
    public void Compute(double blurWidth)
    {
        _transform.Apply(_grid, TransformKind.Dct2, TransformKind.Dct2);

        var normalisation = 1.0 / (4.0 * _lx * _ly);
        var blurX = GaussianFactors(_lx, blurWidth);
        var blurY = GaussianFactors(_ly, blurWidth);
        ForRows(_lx, i => SpectralKernels.Scale(_grid.AsSpan(i * _stride, _ly), blurY, normalisation * blurX[i]));
        MeanDensity = _grid[0];

        // With ρ = Σ c_i c_j ρ̂_ij cos(k_x x) cos(k_y y), Φ = −Σ ρ̂_ij/(k_x² + k_y²) … and J = ∇Φ has coefficients
        // ρ̂_ij·k_x/(k_x² + k_y²) on sin(k_x x)cos(k_y y), stored shifted by one slot for DST-III (slot i holds
        // frequency i + 1, the last slot is the Nyquist term and stays 0); likewise for J_y.
        ForRows(_lx, i =>
        {
            var flux = _scratch.AsSpan(i * _stride, _ly);
            if (i + 1 < _lx)
            {
                SpectralKernels.FluxX(_grid.AsSpan((i + 1) * _stride, _ly), flux, Math.PI * (i + 1) / _lx, _kySquared);
            }
            else
            {
                flux.Clear();
            }
        });
        _transform.Apply(_scratch, TransformKind.Dst3, TransformKind.Dct3);
        FillPadded(0, _scratch, oddAlongX: true, oddAlongY: false);

        ForRows(_lx, i =>
        {
            var kx = Math.PI * i / _lx;
            SpectralKernels.FluxY(_grid.AsSpan(i * _stride, _ly), _scratch.AsSpan(i * _stride, _ly), kx * kx, _kyNext, _kyNextSquared);
        });
        _transform.Apply(_scratch, TransformKind.Dct3, TransformKind.Dst3);
        FillPadded(1, _scratch, oddAlongX: false, oddAlongY: true);

        _transform.Apply(_grid, TransformKind.Dct3, TransformKind.Dct3);
        FillPadded(2, _grid, oddAlongX: false, oddAlongY: false);
    }

    /// <summary>
    /// Velocity at (x, y) ∈ [0, lx] × [0, ly] and time t. <paramref name="timeFactor"/> is 1 − t.
    /// </summary>
    public void Velocity(double x, double y, double timeFactor, out double vx, out double vy)
    {
        var u = x + 0.5;
        var w = y + 0.5;
        var i = (int)u;
        var j = (int)w;
        var fu = u - i;
        var fw = w - j;
        var index = ((i * _paddedLy) + j) * Components;
        var up = index + (_paddedLy * Components);
        var field = _field;
        var w00 = (1 - fu) * (1 - fw);
        var w01 = (1 - fu) * fw;
        var w10 = fu * (1 - fw);
        var w11 = fu * fw;
        var jx = (w00 * field[index]) + (w01 * field[index + 3]) + (w10 * field[up]) + (w11 * field[up + 3]);
        var jy = (w00 * field[index + 1]) + (w01 * field[index + 4]) + (w10 * field[up + 1]) + (w11 * field[up + 4]);
        var rho = (w00 * field[index + 2]) + (w01 * field[index + 5]) + (w10 * field[up + 2]) + (w11 * field[up + 5]);
        var mean = MeanDensity;
        var rhoT = mean + (timeFactor * (rho - mean));
        vx = jx / rhoT;
        vy = jy / rhoT;
    }

    /// <summary>
    /// Copies one component into the padded field. Ghost rows and columns mirror the nearest cells; the
    /// component normal to a wall flips sign across it (odd reflection), so it interpolates to 0 on the wall.
    /// </summary>
    private void FillPadded(int component, double[] source, bool oddAlongX, bool oddAlongY)
    {
        var xSign = oddAlongX ? -1.0 : 1.0;
        var ySign = oddAlongY ? -1.0 : 1.0;
        ForRows(_lx + 2, p =>
        {
            var m = Math.Clamp(p - 1, 0, _lx - 1);
            var sign = p == 0 || p == _lx + 1 ? xSign : 1.0;
            var row = source.AsSpan(m * _stride, _ly);
            var target = _field.AsSpan(p * _paddedLy * Components, _paddedLy * Components);
            target[component] = (float)(sign * ySign * row[0]);
            for (var n = 0; n < _ly; n++)
            {
                target[((n + 1) * Components) + component] = (float)(sign * row[n]);
            }

            target[((_ly + 1) * Components) + component] = (float)(sign * ySign * row[_ly - 1]);
        });
    }

    private void ForRows(int rows, Action<int> row) =>
        WorkerBands.Run(_workers, rows, (_, first, last) =>
        {
            for (var i = first; i < last; i++)
            {
                row(i);
            }
        });

    private static double[] GaussianFactors(int length, double blurWidth)
    {
        var factors = new double[length];
        for (var i = 0; i < length; i++)
        {
            var k = (double)i / length;
            factors[i] = Math.Exp(-0.5 * blurWidth * blurWidth * Math.PI * Math.PI * k * k);
        }

        return factors;
    }
}
