using GoCart.Lambda.Engine;

namespace GoCart.Site.Tests.Engine;

public class FlowIntegratorTests
{
    [Fact]
    public void A_uniform_density_moves_nothing_in_one_step()
    {
        var field = Field(64, 32, _ => 1.0);
        double[] startX = [3.5, 20.25, 40.0];
        double[] startY = [1.5, 16.0, 30.75];
        var x = (double[])startX.Clone();
        var y = (double[])startY.Clone();

        var steps = new FlowIntegrator(1).Integrate(field, x, y, new IntegrationSettings(), CancellationToken.None);

        Assert.Equal(1, steps);
        for (var p = 0; p < x.Length; p++)
        {
            Assert.Equal(startX[p], x[p], 1e-9);
            Assert.Equal(startY[p], y[p], 1e-9);
        }
    }

    [Fact]
    public void Points_follow_the_flow_as_a_fine_fixed_step_integration_does()
    {
        // ρ = 1 + 0.5·cos(πx/lx): dense on the left, so points move right, and fastest in the middle.
        const int lx = 64;
        var field = Field(lx, 32, m => 1 + (0.5 * Math.Cos(Math.PI * (m + 0.5) / lx)));
        double[] x = [8.0, 32.0, 50.0];
        double[] y = [16.0, 16.0, 16.0];
        var expected = x.Select(x0 => Reference(field, x0, 16.0)).ToArray();

        var steps = new FlowIntegrator(2).Integrate(field, x, y, new IntegrationSettings(), CancellationToken.None);

        Assert.True(steps > 1, $"{steps} step(s)");
        for (var p = 0; p < x.Length; p++)
        {
            Assert.True(x[p] > expected[p] - 0.05 && x[p] < expected[p] + 0.05, $"point {p}: {x[p]} against {expected[p]}");
            Assert.Equal(16.0, y[p], 1e-6);
        }
    }

    /// <summary>Classic RK4 with 2000 fixed steps from t = 0 to 1.</summary>
    private static double Reference(FlowField field, double x, double y)
    {
        const int steps = 2000;
        const double h = 1.0 / steps;
        for (var k = 0; k < steps; k++)
        {
            var t = k * h;
            field.Velocity(x, y, 1 - t, out var ax, out var ay);
            field.Velocity(x + (0.5 * h * ax), y + (0.5 * h * ay), 1 - t - (0.5 * h), out var bx, out var by);
            field.Velocity(x + (0.5 * h * bx), y + (0.5 * h * by), 1 - t - (0.5 * h), out var cx, out var cy);
            field.Velocity(x + (h * cx), y + (h * cy), 1 - t - h, out var dx, out var dy);
            x += h / 6 * (ax + (2 * bx) + (2 * cx) + dx);
            y += h / 6 * (ay + (2 * by) + (2 * cy) + dy);
        }

        return x;
    }

    private static FlowField Field(int lx, int ly, Func<int, double> densityOfColumn)
    {
        var field = new FlowField(lx, ly, 1);
        for (var m = 0; m < lx; m++)
        {
            field.Density.AsSpan(m * field.Stride, ly).Fill(densityOfColumn(m));
        }

        field.Compute(blurWidth: 0);
        return field;
    }
}
