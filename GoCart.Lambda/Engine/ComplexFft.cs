using System.Numerics;
using System.Runtime.InteropServices;

namespace GoCart.Lambda.Engine;

/// <summary>
/// In-place radix-2 complex FFT of one fixed power-of-two length, on split real/imaginary arrays.
/// Unnormalised in both directions, as FFTW defines it: forward uses e^(−2πijk/n), inverse e^(+2πijk/n).
/// </summary>
internal sealed class ComplexFft
{
    private readonly int _length;
    private readonly int[] _bitReverse;

    // Twiddles of every stage side by side: entries [half, 2·half) hold e^(−2πik/(2·half)) for k < half.
    private readonly double[] _twiddleCos;
    private readonly double[] _twiddleSin;

    private readonly bool _vectorised;

    /// <param name="length">A power of two, at least 2.</param>
    /// <param name="vectorise">Use SIMD butterflies where the hardware has them; false forces the scalar path.</param>
    public ComplexFft(int length, bool vectorise = true)
    {
        if (length < 2 || (length & (length - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, "The FFT length must be a power of two, at least 2.");
        }

        _length = length;
        _vectorised = vectorise && Vector.IsHardwareAccelerated && length >= 4 * Vector<double>.Count;
        _bitReverse = new int[length];
        var bits = System.Numerics.BitOperations.Log2((uint)length);
        for (var i = 0; i < length; i++)
        {
            _bitReverse[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        }

        _twiddleCos = new double[length];
        _twiddleSin = new double[length];
        for (var half = 1; half < length; half <<= 1)
        {
            for (var k = 0; k < half; k++)
            {
                var angle = -Math.PI * k / half;
                _twiddleCos[half + k] = Math.Cos(angle);
                _twiddleSin[half + k] = Math.Sin(angle);
            }
        }
    }

    public int Length => _length;

    public void Forward(Span<double> re, Span<double> im) => Transform(re, im, 1.0);

    public void Inverse(Span<double> re, Span<double> im) => Transform(re, im, -1.0);

    private void Transform(Span<double> re, Span<double> im, double sinSign)
    {
        var n = _length;
        re = re[..n];
        im = im[..n];
        for (var i = 0; i < n; i++)
        {
            var j = _bitReverse[i];
            if (j > i)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        // Length-2 butterflies need no twiddle.
        for (var a = 0; a < n; a += 2)
        {
            var tr = re[a + 1];
            var ti = im[a + 1];
            re[a + 1] = re[a] - tr;
            im[a + 1] = im[a] - ti;
            re[a] += tr;
            im[a] += ti;
        }

        for (var half = 2; half < n; half <<= 1)
        {
            var cos = _twiddleCos.AsSpan(half, half);
            var sin = _twiddleSin.AsSpan(half, half);
            if (_vectorised && half >= Vector<double>.Count)
            {
                VectorStage(re, im, cos, sin, half, sinSign);
                continue;
            }

            for (var start = 0; start < n; start += 2 * half)
            {
                var reLow = re.Slice(start, half);
                var imLow = im.Slice(start, half);
                var reHigh = re.Slice(start + half, half);
                var imHigh = im.Slice(start + half, half);
                for (var k = 0; k < half; k++)
                {
                    var wr = cos[k];
                    var wi = sinSign * sin[k];
                    var tr = (wr * reHigh[k]) - (wi * imHigh[k]);
                    var ti = (wr * imHigh[k]) + (wi * reHigh[k]);
                    reHigh[k] = reLow[k] - tr;
                    imHigh[k] = imLow[k] - ti;
                    reLow[k] += tr;
                    imLow[k] += ti;
                }
            }
        }
    }

    /// <summary>One radix-2 stage with <see cref="Vector{T}"/>-wide butterflies (half is a multiple of the width).</summary>
    private void VectorStage(Span<double> re, Span<double> im, ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, int half, double sinSign)
    {
        var cosV = MemoryMarshal.Cast<double, Vector<double>>(cos);
        var sinV = MemoryMarshal.Cast<double, Vector<double>>(sin);
        var sign = new Vector<double>(sinSign);
        for (var start = 0; start < _length; start += 2 * half)
        {
            var reLow = MemoryMarshal.Cast<double, Vector<double>>(re.Slice(start, half));
            var imLow = MemoryMarshal.Cast<double, Vector<double>>(im.Slice(start, half));
            var reHigh = MemoryMarshal.Cast<double, Vector<double>>(re.Slice(start + half, half));
            var imHigh = MemoryMarshal.Cast<double, Vector<double>>(im.Slice(start + half, half));
            for (var k = 0; k < reLow.Length; k++)
            {
                var wr = cosV[k];
                var wi = sign * sinV[k];
                var tr = (wr * reHigh[k]) - (wi * imHigh[k]);
                var ti = (wr * imHigh[k]) + (wi * reHigh[k]);
                reHigh[k] = reLow[k] - tr;
                imHigh[k] = imLow[k] - ti;
                reLow[k] += tr;
                imLow[k] += ti;
            }
        }
    }

    private static uint ReverseBits(uint value)
    {
        value = ((value >> 1) & 0x55555555u) | ((value & 0x55555555u) << 1);
        value = ((value >> 2) & 0x33333333u) | ((value & 0x33333333u) << 2);
        value = ((value >> 4) & 0x0F0F0F0Fu) | ((value & 0x0F0F0F0Fu) << 4);
        value = ((value >> 8) & 0x00FF00FFu) | ((value & 0x00FF00FFu) << 8);
        return (value >> 16) | (value << 16);
    }
}
