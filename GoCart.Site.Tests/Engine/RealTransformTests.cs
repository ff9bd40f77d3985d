using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class RealTransformTests
{
    public static TheoryData<int, TransformKind> Cases()
    {
        var data = new TheoryData<int, TransformKind>();
        foreach (var n in new[] { 2, 4, 8, 64, 256 })
        {
            foreach (var kind in Enum.GetValues<TransformKind>())
            {
                data.Add(n, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fast_transform_matches_the_naive_definition_on_random_data(int n, TransformKind kind)
    {
        var random = new Random(n * 31 + (int)kind);
        var a = RandomVector(random, n);
        var b = RandomVector(random, n);
        var expectedA = Naive(kind, a);
        var expectedB = Naive(kind, b);

        var transform = new RealTransform(n);
        var actualA = (double[])a.Clone();
        var actualB = (double[])b.Clone();
        transform.ApplyPair(kind, actualA, actualB, new double[n], new double[n]);

        AssertClose(expectedA, actualA, 1e-9);
        AssertClose(expectedB, actualB, 1e-9);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1024)]
    public void Scalar_and_vectorised_ffts_agree(int n)
    {
        var random = new Random(n);
        var re = RandomVector(random, n);
        var im = RandomVector(random, n);
        var scalarRe = (double[])re.Clone();
        var scalarIm = (double[])im.Clone();

        new ComplexFft(n, vectorise: true).Forward(re, im);
        new ComplexFft(n, vectorise: false).Forward(scalarRe, scalarIm);

        AssertClose(scalarRe, re, 1e-9);
        AssertClose(scalarIm, im, 1e-9);
    }

    [Fact]
    public void Dct3_inverts_dct2_up_to_twice_the_length()
    {
        const int n = 128;
        var random = new Random(7);
        var a = RandomVector(random, n);
        var b = RandomVector(random, n);
        var transform = new RealTransform(n);
        var ta = (double[])a.Clone();
        var tb = (double[])b.Clone();
        transform.ApplyPair(TransformKind.Dct2, ta, tb, new double[n], new double[n]);
        transform.ApplyPair(TransformKind.Dct3, ta, tb, new double[n], new double[n]);

        AssertClose(a.Select(v => v * 2 * n).ToArray(), ta, 1e-9);
        AssertClose(b.Select(v => v * 2 * n).ToArray(), tb, 1e-9);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(0)]
    [InlineData(12)]
    public void Lengths_that_are_not_powers_of_two_are_refused(int n)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RealTransform(n));
    }

    internal static double[] RandomVector(Random random, int n) =>
        Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2) - 1).ToArray();

    internal static double[] Naive(TransformKind kind, double[] x) => kind switch
    {
        TransformKind.Dct2 => NaiveTransforms.Dct2(x),
        TransformKind.Dct3 => NaiveTransforms.Dct3(x),
        TransformKind.Dst3 => NaiveTransforms.Dst3(x),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static void AssertClose(double[] expected, double[] actual, double tolerance)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"index {i}: expected {expected[i]}, got {actual[i]}");
        }
    }
}
