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

    [Fact]
    public void Velocity_between_cell_centres_is_the_bilinear_blend_of_the_centre_values()
    {
        // With 1 − t = 0 the density term is the constant mean, so v = J/ρ̄ and bilinear in J: exact for any data
        // given at the centres. The centre values are read back where the weights are (1, 0, 0, 0).
        var field = RandomField(lx: 16, ly: 8, out var mean);
        var jx = new double[16, 8];
        var jy = new double[16, 8];
        for (var m = 0; m < 16; m++)
        {
            for (var n = 0; n < 8; n++)
            {
                field.Velocity(m + 0.5, n + 0.5, timeFactor: 0, out var vx, out var vy);
                (jx[m, n], jy[m, n]) = (vx * mean, vy * mean);
            }
        }

        var random = new Random(11);
        for (var k = 0; k < 200; k++)
        {
            var x = 0.5 + (random.NextDouble() * 15);
            var y = 0.5 + (random.NextDouble() * 7);
            var (m, n) = ((int)Math.Floor(x - 0.5), (int)Math.Floor(y - 0.5));
            var (fx, fy) = (x - 0.5 - m, y - 0.5 - n);
            field.Velocity(x, y, timeFactor: 0, out var vx, out var vy);

            Assert.Equal(Bilinear(jx, m, n, fx, fy) / mean, vx, 1e-12);
            Assert.Equal(Bilinear(jy, m, n, fx, fy) / mean, vy, 1e-12);
        }
    }

    [Fact]
    public void Velocity_interpolates_a_known_flux_linearly_between_its_exact_centre_values()
    {
        // ρ = ρ̄ + a·cos(πx/lx) has the flux J_x = a(lx/π)·sin(πx/lx), J_y = 0 in closed form; the spectral solve
        // gives it exactly at the centres (to single precision), and with 1 − t = 0 the velocity J/ρ̄ is linear in x between them.
        const int lx = 32;
        const int ly = 8;
        const double a = 0.5;
        var density = new double[lx * ly];
        for (var m = 0; m < lx; m++)
        {
            for (var n = 0; n < ly; n++)
            {
                density[(m * ly) + n] = 1 + (a * Math.Cos(Math.PI * (m + 0.5) / lx));
            }
        }

        var field = WithDensity(lx, ly, 1, density);
        field.Compute(blurWidth: 0);
        double Flux(int m) => a * (lx / Math.PI) * Math.Sin(Math.PI * (m + 0.5) / lx);

        foreach (var x in new[] { 0.5, 3.5, 3.75, 10.1, 16.0, 30.9 })
        {
            var m = (int)Math.Floor(x - 0.5);
            var f = x - 0.5 - m;
            field.Velocity(x, 3.3, timeFactor: 0, out var vx, out var vy);

            // The padded field is stored in single precision: exact to about 1e-7 of the flux's scale a·lx/π.
            Assert.Equal(((1 - f) * Flux(m)) + (f * Flux(m + 1)), vx * field.MeanDensity, 1e-6 * a * lx / Math.PI);
            Assert.Equal(0, vy, 1e-12);
        }
    }

    [Fact]
    public void Half_cells_at_a_wall_take_the_normal_flow_linearly_to_zero_and_copy_the_tangential_flow()
    {
        // ALGORITHM.md §2.8: between the wall x = 0 and the first centre x = ½, J_x falls linearly to 0 (no flow
        // through the wall) while J_y keeps the first column's value (zero normal derivative).
        var field = RandomField(lx: 16, ly: 16, out _);
        field.Velocity(0.5, 7.5, 0, out var centreX, out var centreY);
        field.Velocity(0.25, 7.5, 0, out var halfX, out var halfY);
        field.Velocity(7.5, 15.75, 0, out var topX, out var topY);
        field.Velocity(7.5, 15.5, 0, out var topCentreX, out var topCentreY);

        Assert.Equal(0.5 * centreX, halfX, 1e-12);
        Assert.Equal(centreY, halfY, 1e-12);
        Assert.Equal(topCentreX, topX, 1e-12);
        Assert.Equal(0.5 * topCentreY, topY, 1e-12);
        Assert.NotEqual(0, centreX);
        Assert.NotEqual(0, topCentreY);
    }

    private static FlowField RandomField(int lx, int ly, out double mean)
    {
        var random = new Random(5);
        var density = Enumerable.Range(0, lx * ly).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var field = WithDensity(lx, ly, 1, density);
        field.Compute(blurWidth: 1);
        mean = field.MeanDensity;
        return field;
    }

    private static double Bilinear(double[,] values, int m, int n, double fx, double fy) =>
        ((1 - fx) * (1 - fy) * values[m, n]) + ((1 - fx) * fy * values[m, n + 1]) + (fx * (1 - fy) * values[m + 1, n]) + (fx * fy * values[m + 1, n + 1]);

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
