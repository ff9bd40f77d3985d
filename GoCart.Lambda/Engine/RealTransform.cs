namespace GoCart.Lambda.Engine;

/// <summary>
/// DCT-II, DCT-III and DST-III of one power-of-two length, computed two real sequences at a time through one
/// complex FFT of the same length (Makhoul 1980 reordering; the two sequences ride in the real and imaginary
/// parts and are separated by Hermitian symmetry).
/// </summary>
internal sealed class RealTransform
{
    private readonly int _length;
    private readonly ComplexFft _fft;

    // cos/sin of πk/(2n), the quarter-wave twiddles of the DCT.
    private readonly double[] _quarterCos;
    private readonly double[] _quarterSin;

    public RealTransform(int length)
    {
        _length = length;
        _fft = new ComplexFft(length);
        _quarterCos = new double[length];
        _quarterSin = new double[length];
        for (var k = 0; k < length; k++)
        {
            var angle = Math.PI * k / (2.0 * length);
            _quarterCos[k] = Math.Cos(angle);
            _quarterSin[k] = Math.Sin(angle);
        }
    }

    public int Length => _length;

    /// <summary>Transforms <paramref name="a"/> and <paramref name="b"/> in place; scratch spans need the transform length.</summary>
    public void ApplyPair(TransformKind kind, Span<double> a, Span<double> b, Span<double> scratchRe, Span<double> scratchIm)
    {
        switch (kind)
        {
            case TransformKind.Dct2:
                Dct2Pair(a, b, scratchRe, scratchIm);
                break;
            case TransformKind.Dct3:
                Dct3Pair(a, b, scratchRe, scratchIm, reverseInput: false);
                break;
            case TransformKind.Dst3:
                // DST-III(X)_k = (−1)^k · DCT-III(Z)_k with Z_m = X_{n−1−m} (substitute m = n−1−j in the sine sum).
                Dct3Pair(a, b, scratchRe, scratchIm, reverseInput: true);
                for (var k = 1; k < _length; k += 2)
                {
                    a[k] = -a[k];
                    b[k] = -b[k];
                }

                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }

    private void Dct2Pair(Span<double> a, Span<double> b, Span<double> re, Span<double> im)
    {
        var n = _length;
        var halfN = n / 2;
        for (var j = 0; j < halfN; j++)
        {
            re[j] = a[2 * j];
            im[j] = b[2 * j];
            re[n - 1 - j] = a[(2 * j) + 1];
            im[n - 1 - j] = b[(2 * j) + 1];
        }

        _fft.Forward(re, im);

        // Separate the two spectra: V^a_k = (Z_k + conj Z_{n−k})/2, V^b_k = (Z_k − conj Z_{n−k})/(2i),
        // then Y_k = 2 Re(e^(−iπk/2n) V_k).
        a[0] = 2 * re[0];
        b[0] = 2 * im[0];
        for (var k = 1; k < n; k++)
        {
            var zr = re[k];
            var zi = im[k];
            var wr = re[n - k];
            var wi = im[n - k];
            var aRe = 0.5 * (zr + wr);
            var aIm = 0.5 * (zi - wi);
            var bRe = 0.5 * (zi + wi);
            var bIm = -0.5 * (zr - wr);
            var c = _quarterCos[k];
            var s = _quarterSin[k];
            a[k] = 2 * ((c * aRe) + (s * aIm));
            b[k] = 2 * ((c * bRe) + (s * bIm));
        }
    }

    private void Dct3Pair(Span<double> a, Span<double> b, Span<double> re, Span<double> im, bool reverseInput)
    {
        var n = _length;

        // With W_j = c_j X_j e^(iπj/2n) (c_0 = 1, else 2), Y_{2m} = Re Σ W_j e^(2πijm/n) and Y_{2m+1} = the same at
        // n−1−m. The Hermitian part H_j = (W_j + conj W_{n−j})/2 has a real inverse DFT equal to that real part,
        // so the two sequences travel as H^a + i·H^b through one inverse FFT.
        re[0] = reverseInput ? a[n - 1] : a[0];
        im[0] = reverseInput ? b[n - 1] : b[0];
        for (var j = 1; j < n; j++)
        {
            double aj, an, bj, bn;
            if (reverseInput)
            {
                aj = a[n - 1 - j];
                an = a[j - 1];
                bj = b[n - 1 - j];
                bn = b[j - 1];
            }
            else
            {
                aj = a[j];
                an = a[n - j];
                bj = b[j];
                bn = b[n - j];
            }

            var c = _quarterCos[j];
            var s = _quarterSin[j];
            var haRe = (aj * c) + (an * s);
            var haIm = (aj * s) - (an * c);
            var hbRe = (bj * c) + (bn * s);
            var hbIm = (bj * s) - (bn * c);
            re[j] = haRe - hbIm;
            im[j] = haIm + hbRe;
        }

        _fft.Inverse(re, im);

        var halfN = n / 2;
        for (var m = 0; m < halfN; m++)
        {
            a[2 * m] = re[m];
            b[2 * m] = im[m];
            a[(2 * m) + 1] = re[n - 1 - m];
            b[(2 * m) + 1] = im[n - 1 - m];
        }
    }
}
