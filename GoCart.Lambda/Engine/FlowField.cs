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
/// </summary>
internal sealed class FlowField
{
    private readonly int _lx;
    private readonly int _ly;
    private readonly GridTransform _transform;
    private readonly double[] _spectrum;
    private readonly double[] _fluxX;
    private readonly double[] _fluxY;
    private readonly double[] _blurred;
    private readonly double[] _field;
    private readonly int _paddedLy;
    private readonly int _stride;

    public FlowField(int lx, int ly, int degreeOfParallelism)
    {
        _lx = lx;
        _ly = ly;
        _transform = new GridTransform(lx, ly, degreeOfParallelism);
        _stride = _transform.Stride;
        _spectrum = new double[lx * _stride];
        _fluxX = new double[lx * _stride];
        _fluxY = new double[lx * _stride];
        _blurred = new double[lx * _stride];
        _paddedLy = ly + 2;
        _field = new double[(lx + 2) * _paddedLy * 3];
    }

    public int Lx => _lx;

    public int Ly => _ly;

    /// <summary>The grid mean ρ̄ of the density, sea included.</summary>
    public double MeanDensity { get; private set; }

    /// <summary>Computes J and the blurred ρ from <paramref name="density"/> with a Gaussian blur of width σ cells.</summary>
    public void Compute(double[] density, double blurWidth)
    {
        for (var m = 0; m < _lx; m++)
        {
            Array.Copy(density, m * _ly, _spectrum, m * _stride, _ly);
        }

        _transform.Apply(_spectrum, TransformKind.Dct2, TransformKind.Dct2);

        var normalisation = 1.0 / (4.0 * _lx * _ly);
        var blurX = GaussianFactors(_lx, blurWidth);
        var blurY = GaussianFactors(_ly, blurWidth);
        for (var i = 0; i < _lx; i++)
        {
            var row = _spectrum.AsSpan(i * _stride, _ly);
            var factor = normalisation * blurX[i];
            for (var j = 0; j < _ly; j++)
            {
                row[j] *= factor * blurY[j];
            }
        }

        MeanDensity = _spectrum[0];
        BuildFluxCoefficients();

        Array.Copy(_spectrum, _blurred, _spectrum.Length);
        _transform.Apply(_blurred, TransformKind.Dct3, TransformKind.Dct3);
        _transform.Apply(_fluxX, TransformKind.Dst3, TransformKind.Dct3);
        _transform.Apply(_fluxY, TransformKind.Dct3, TransformKind.Dst3);
        FillPaddedField();
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
        var index = ((i * _paddedLy) + j) * 3;
        var up = index + (_paddedLy * 3);
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
    /// With ρ = Σ c_i c_j ρ̂_ij cos(k_x x) cos(k_y y), Φ = −Σ ρ̂_ij/(k_x² + k_y²) … and J = ∇Φ has coefficients
    /// ρ̂_ij·k_x/(k_x² + k_y²) on sin(k_x x)cos(k_y y), stored shifted by one slot for DST-III (slot i holds
    /// frequency i + 1, the last slot is the Nyquist term and stays 0); likewise for J_y.
    /// </summary>
    private void BuildFluxCoefficients()
    {
        for (var i = 0; i < _lx; i++)
        {
            var kx = Math.PI * i / _lx;
            var kxNext = Math.PI * (i + 1) / _lx;
            var fluxXRow = _fluxX.AsSpan(i * _stride, _ly);
            var fluxYRow = _fluxY.AsSpan(i * _stride, _ly);
            var spectrumRow = _spectrum.AsSpan(i * _stride, _ly);
            var nextRow = i + 1 < _lx ? _spectrum.AsSpan((i + 1) * _stride, _ly) : default;
            for (var j = 0; j < _ly; j++)
            {
                var ky = Math.PI * j / _ly;
                fluxXRow[j] = i + 1 < _lx ? nextRow[j] * kxNext / ((kxNext * kxNext) + (ky * ky)) : 0;
                if (j + 1 < _ly)
                {
                    var kyNext = Math.PI * (j + 1) / _ly;
                    fluxYRow[j] = spectrumRow[j + 1] * kyNext / ((kx * kx) + (kyNext * kyNext));
                }
                else
                {
                    fluxYRow[j] = 0;
                }
            }
        }
    }

    private void FillPaddedField()
    {
        for (var p = 0; p < _lx + 2; p++)
        {
            // Ghost columns mirror the first/last cell column; J_x flips sign across the x walls.
            var m = Math.Clamp(p - 1, 0, _lx - 1);
            var xSign = p == 0 || p == _lx + 1 ? -1.0 : 1.0;
            for (var q = 0; q < _ly + 2; q++)
            {
                var n = Math.Clamp(q - 1, 0, _ly - 1);
                var ySign = q == 0 || q == _ly + 1 ? -1.0 : 1.0;
                var source = (m * _stride) + n;
                var target = ((p * _paddedLy) + q) * 3;
                _field[target] = xSign * _fluxX[source];
                _field[target + 1] = ySign * _fluxY[source];
                _field[target + 2] = _blurred[source];
            }
        }
    }

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
