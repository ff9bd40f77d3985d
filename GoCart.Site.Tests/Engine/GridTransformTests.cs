using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class GridTransformTests
{
    [Theory]
    [InlineData(16, 8, TransformKind.Dct2, TransformKind.Dct2, 1)]
    [InlineData(8, 32, TransformKind.Dst3, TransformKind.Dct3, 2)]
    [InlineData(32, 16, TransformKind.Dct3, TransformKind.Dst3, 2)]
    [InlineData(4, 2, TransformKind.Dct3, TransformKind.Dct3, 3)]
    public void Separable_transform_matches_naive_rows_then_columns(int lx, int ly, TransformKind alongX, TransformKind alongY, int workers)
    {
        var random = new Random(lx * 1000 + ly);
        var grid = RealTransformTests.RandomVector(random, lx * ly);

        var expected = (double[])grid.Clone();
        for (var m = 0; m < lx; m++)
        {
            var row = RealTransformTests.Naive(alongY, expected.AsSpan(m * ly, ly).ToArray());
            row.CopyTo(expected, m * ly);
        }

        for (var n = 0; n < ly; n++)
        {
            var column = Enumerable.Range(0, lx).Select(m => expected[(m * ly) + n]).ToArray();
            var transformed = RealTransformTests.Naive(alongX, column);
            for (var m = 0; m < lx; m++)
            {
                expected[(m * ly) + n] = transformed[m];
            }
        }

        new GridTransform(lx, ly, workers).Apply(grid, alongX, alongY);

        RealTransformTests.AssertClose(expected, grid, 1e-9);
    }
}
