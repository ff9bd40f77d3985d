namespace GoCart.Site.Tests.Engine;

/// <summary>The O(n²) definitions of the transforms, straight from FFTW's documentation, as a reference.</summary>
internal static class NaiveTransforms
{
    public static double[] Dct2(double[] x)
    {
        var n = x.Length;
        var y = new double[n];
        for (var k = 0; k < n; k++)
        {
            double sum = 0;
            for (var j = 0; j < n; j++)
            {
                sum += x[j] * Math.Cos(Math.PI * k * (j + 0.5) / n);
            }

            y[k] = 2 * sum;
        }

        return y;
    }

    public static double[] Dct3(double[] x)
    {
        var n = x.Length;
        var y = new double[n];
        for (var k = 0; k < n; k++)
        {
            var sum = x[0];
            for (var j = 1; j < n; j++)
            {
                sum += 2 * x[j] * Math.Cos(Math.PI * j * (k + 0.5) / n);
            }

            y[k] = sum;
        }

        return y;
    }

    public static double[] Dst3(double[] x)
    {
        var n = x.Length;
        var y = new double[n];
        for (var k = 0; k < n; k++)
        {
            var sum = (k % 2 == 0 ? 1 : -1) * x[n - 1];
            for (var j = 0; j < n - 1; j++)
            {
                sum += 2 * x[j] * Math.Sin(Math.PI * (j + 1) * (k + 0.5) / n);
            }

            y[k] = sum;
        }

        return y;
    }
}
