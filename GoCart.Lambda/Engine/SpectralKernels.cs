using System.Numerics;
using System.Runtime.InteropServices;

namespace GoCart.Lambda.Engine;

/// <summary>
/// The per-row arithmetic of the spectral solve (ALGORITHM.md §2.6–2.7), <see cref="Vector{T}"/>-wide with a
/// scalar loop for the tail (and for hardware without SIMD). Rows are one spectral row i, indexed by j.
/// </summary>
internal static class SpectralKernels
{
    /// <summary>row[j] *= scale · factors[j] (the Gaussian blur and the transform normalisation).</summary>
    public static void Scale(Span<double> row, ReadOnlySpan<double> factors, double scale)
    {
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var rowV = MemoryMarshal.Cast<double, Vector<double>>(row);
            var factorsV = MemoryMarshal.Cast<double, Vector<double>>(factors[..row.Length]);
            var scaleV = new Vector<double>(scale);
            for (var v = 0; v < rowV.Length; v++)
            {
                rowV[v] *= factorsV[v] * scaleV;
            }

            j = rowV.Length * Vector<double>.Count;
        }

        for (; j < row.Length; j++)
        {
            row[j] *= scale * factors[j];
        }
    }

    /// <summary>
    /// x-flux coefficients of one row: flux[j] = ρ̂[i+1][j]·k / (k² + k_y[j]²), with k = π(i+1)/lx the frequency
    /// that <paramref name="nextRow"/> (ρ̂ row i + 1) carries and k_y[j]² = <paramref name="kySquared"/>[j].
    /// </summary>
    public static void FluxX(ReadOnlySpan<double> nextRow, Span<double> flux, double k, ReadOnlySpan<double> kySquared)
    {
        var j = 0;
        var kSquared = k * k;
        if (Vector.IsHardwareAccelerated)
        {
            var nextV = MemoryMarshal.Cast<double, Vector<double>>(nextRow[..flux.Length]);
            var fluxV = MemoryMarshal.Cast<double, Vector<double>>(flux);
            var kySquaredV = MemoryMarshal.Cast<double, Vector<double>>(kySquared[..flux.Length]);
            var kV = new Vector<double>(k);
            var kSquaredV = new Vector<double>(kSquared);
            for (var v = 0; v < fluxV.Length; v++)
            {
                fluxV[v] = nextV[v] * kV / (kSquaredV + kySquaredV[v]);
            }

            j = fluxV.Length * Vector<double>.Count;
        }

        for (; j < flux.Length; j++)
        {
            flux[j] = nextRow[j] * k / (kSquared + kySquared[j]);
        }
    }

    /// <summary>
    /// y-flux coefficients of one row: flux[j] = ρ̂[i][j+1]·k_y'[j] / (k_x² + k_y'[j]²) with k_y'[j] = π(j+1)/ly
    /// (<paramref name="kyNext"/>), shifted one slot down for DST-III; the last slot (Nyquist) is 0.
    /// </summary>
    public static void FluxY(ReadOnlySpan<double> row, Span<double> flux, double kxSquared, ReadOnlySpan<double> kyNext, ReadOnlySpan<double> kyNextSquared)
    {
        var count = flux.Length - 1;
        var j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vectors = count / Vector<double>.Count;
            var kxSquaredV = new Vector<double>(kxSquared);
            for (var v = 0; v < vectors; v++, j += Vector<double>.Count)
            {
                var shifted = new Vector<double>(row.Slice(j + 1, Vector<double>.Count));
                var kyV = new Vector<double>(kyNext.Slice(j, Vector<double>.Count));
                var kySquaredV = new Vector<double>(kyNextSquared.Slice(j, Vector<double>.Count));
                (shifted * kyV / (kxSquaredV + kySquaredV)).CopyTo(flux.Slice(j, Vector<double>.Count));
            }
        }

        for (; j < count; j++)
        {
            flux[j] = row[j + 1] * kyNext[j] / (kxSquared + kyNextSquared[j]);
        }

        flux[count] = 0;
    }
}
