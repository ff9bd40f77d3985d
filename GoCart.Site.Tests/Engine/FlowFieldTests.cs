using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class FlowFieldTests
{
    [Fact]
    public void Flow_points_away_from_the_dense_side_as_the_analytic_solution_says()
    {
        // ρ = ρ̄ + a·cos(πx/lx): the exact velocity at t = 0 is v_x = a(lx/π)·sin(πx/lx)/ρ, v_y = 0.
        const int lx = 64;
        const int ly = 32;
        const double mean = 1.0;
        const double a = 0.5;
        var density = new double[lx * ly];
        for (var m = 0; m < lx; m++)
        {
            for (var n = 0; n < ly; n++)
            {
                density[(m * ly) + n] = mean + (a * Math.Cos(Math.PI * (m + 0.5) / lx));
            }
        }

        var field = WithDensity(lx, ly, 2, density);
        field.Compute(blurWidth: 0);

        Assert.Equal(mean, field.MeanDensity, 12);
        foreach (var x in new[] { 0.5, 10.5, 31.5, 50.5 })
        {
            field.Velocity(x, 16.5, timeFactor: 1.0, out var vx, out var vy);
            var rho = mean + (a * Math.Cos(Math.PI * x / lx));
            var expected = a * (lx / Math.PI) * Math.Sin(Math.PI * x / lx) / rho;
            Assert.True(vx > 0);
            Assert.Equal(expected, vx, 1e-2 * expected);
            Assert.Equal(0, vy, 1e-9);
        }
    }

    [Fact]
    public void Normal_flow_vanishes_on_the_walls()
    {
        const int lx = 32;
        const int ly = 32;
        var random = new Random(3);
        var density = Enumerable.Range(0, lx * ly).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var field = WithDensity(lx, ly, 1, density);
        field.Compute(blurWidth: 1);

        field.Velocity(0, 13.2, 1.0, out var vxLeft, out _);
        field.Velocity(lx, 7.9, 1.0, out var vxRight, out _);
        field.Velocity(11.1, 0, 1.0, out _, out var vyBottom);
        field.Velocity(20.4, ly, 1.0, out _, out var vyTop);

        Assert.Equal(0, vxLeft, 12);
        Assert.Equal(0, vxRight, 12);
        Assert.Equal(0, vyBottom, 12);
        Assert.Equal(0, vyTop, 12);
    }

    /// <summary>A field whose density grid holds <paramref name="density"/> (row-major, ly per row).</summary>
    private static FlowField WithDensity(int lx, int ly, int workers, double[] density)
    {
        var field = new FlowField(lx, ly, workers);
        for (var m = 0; m < lx; m++)
        {
            density.AsSpan(m * ly, ly).CopyTo(field.Density.AsSpan(m * field.Stride, ly));
        }

        return field;
    }
}
