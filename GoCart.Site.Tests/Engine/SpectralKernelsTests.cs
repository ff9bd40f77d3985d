using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

/// <summary>The SIMD kernels against their scalar formulas, on lengths that leave a scalar tail.</summary>
public class SpectralKernelsTests
{
    public static TheoryData<int> Lengths() => [1, 2, 3, 7, 8, 13, 64, 67];

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Scale_multiplies_each_entry_by_its_factor_and_the_scale(int length)
    {
        var row = Values(length, 1);
        var factors = Values(length, 2);
        var expected = row.Select((v, j) => v * (0.25 * factors[j])).ToArray();

        SpectralKernels.Scale(row, factors, 0.25);

        AssertClose(expected, row);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FluxX_is_the_next_rows_coefficient_times_k_over_the_squared_wave_number(int length)
    {
        var next = Values(length, 3);
        var kySquared = Values(length, 4);
        var flux = new double[length];
        const double k = 0.7;

        SpectralKernels.FluxX(next, flux, k, kySquared);

        AssertClose([.. next.Select((v, j) => v * k / ((k * k) + kySquared[j]))], flux);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void FluxY_shifts_by_one_slot_and_zeroes_the_Nyquist_slot(int length)
    {
        var row = Values(length, 5);
        var kyNext = Values(length, 6);
        var kyNextSquared = kyNext.Select(k => k * k).ToArray();
        var flux = Enumerable.Repeat(double.NaN, length).ToArray();
        const double kxSquared = 0.3;

        SpectralKernels.FluxY(row, flux, kxSquared, kyNext, kyNextSquared);

        var expected = new double[length];
        for (var j = 0; j + 1 < length; j++)
        {
            expected[j] = row[j + 1] * kyNext[j] / (kxSquared + kyNextSquared[j]);
        }

        AssertClose(expected, flux);
    }

    private static double[] Values(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => 0.1 + random.NextDouble())];
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 1e-14);
        }
    }
}
