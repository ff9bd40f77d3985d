namespace GoCart.Lambda.Engine;

/// <summary>
/// Moves points along the flow from t = 0 to t = 1 (ALGORITHM.md §2.9): adaptive explicit midpoint steps whose
/// size is checked against the Euler step at every point. A step is accepted only if, for every point, the two
/// differ by at most √tolerance cells and the midpoint and end point stay inside the lattice; otherwise the
/// step shrinks. Points are independent, so each step is a parallel loop over bands of points that shares only
/// an any-failure flag; all buffers are allocated once.
/// </summary>
internal sealed class FlowIntegrator
{
    /// <summary>The next step aims at this fraction of the step the error estimate allows.</summary>
    private const double StepSafety = 0.9;

    /// <summary>A rejected step shrinks at least this much whatever the estimate says (it saw one failing point only).</summary>
    private const double LargestShrink = 0.2;

    private readonly int _workers;
    private double[] _k1X = [];
    private double[] _k1Y = [];
    private double[] _nextX = [];
    private double[] _nextY = [];
    private int _failed;
    private readonly Lock _errorLock = new();

    // The largest |midpoint − Euler|² / tolerance seen in the last attempted step (at the first failing point if it
    // failed the tolerance, +∞ if a point left the lattice).
    private double _errorRatio;

    public FlowIntegrator(int degreeOfParallelism)
    {
        _workers = Math.Max(1, degreeOfParallelism);
    }

    /// <summary>Integrates the points in place; returns the number of accepted steps, or −1 if the step size collapsed.</summary>
    public int Integrate(FlowField field, double[] x, double[] y, IntegrationSettings settings, CancellationToken cancellation)
    {
        var count = x.Length;
        EnsureCapacity(count);
        var lx = (double)field.Lx;
        var ly = (double)field.Ly;
        var tolerance = settings.ToleranceFactor * Math.Min(lx, ly);
        var t = 0.0;
        var dt = settings.InitialStep;
        var steps = 0;
        Evaluate(field, x, y, 1.0, count);
        while (t < 1.0)
        {
            cancellation.ThrowIfCancellationRequested();
            dt = Math.Min(dt, 1.0 - t);
            if (TryStep(field, x, y, t, dt, tolerance, lx, ly, count))
            {
                Array.Copy(_nextX, x, count);
                Array.Copy(_nextY, y, count);
                t = dt >= 1.0 - t ? 1.0 : t + dt;
                steps++;
                if (steps > settings.MaxSteps)
                {
                    return -1;
                }

                if (t < 1.0)
                {
                    Evaluate(field, x, y, 1.0 - t, count);
                }

                dt *= Math.Clamp(EstimatedScale(), 1, settings.StepIncrease);
            }
            else
            {
                dt *= double.IsFinite(_errorRatio) ? Math.Clamp(EstimatedScale(), LargestShrink, settings.StepDecrease) : settings.StepDecrease;
                if (dt < settings.MinimumStep)
                {
                    return -1;
                }
            }
        }

        return steps;
    }

    private void Evaluate(FlowField field, double[] x, double[] y, double timeFactor, int count)
    {
        var k1X = _k1X;
        var k1Y = _k1Y;
        ForBands(count, (first, last) =>
        {
            for (var p = first; p < last; p++)
            {
                field.Velocity(x[p], y[p], timeFactor, out k1X[p], out k1Y[p]);
            }
        });
    }

    private bool TryStep(FlowField field, double[] x, double[] y, double t, double dt, double tolerance, double lx, double ly, int count)
    {
        _failed = 0;
        _errorRatio = 0;
        var k1X = _k1X;
        var k1Y = _k1Y;
        var nextX = _nextX;
        var nextY = _nextY;
        var halfTimeFactor = 1.0 - (t + (0.5 * dt));
        ForBands(count, (first, last) =>
        {
            var largest = 0.0;
            for (var p = first; p < last; p++)
            {
                if ((p & 255) == 0 && Volatile.Read(ref _failed) != 0)
                {
                    return;
                }

                var hx = x[p] + (0.5 * dt * k1X[p]);
                var hy = y[p] + (0.5 * dt * k1Y[p]);
                if (!(hx >= 0 && hx <= lx && hy >= 0 && hy <= ly))
                {
                    Fail(double.PositiveInfinity);
                    return;
                }

                field.Velocity(hx, hy, halfTimeFactor, out var k2X, out var k2Y);
                var mx = x[p] + (dt * k2X);
                var my = y[p] + (dt * k2Y);
                var ex = dt * (k2X - k1X[p]);
                var ey = dt * (k2Y - k1Y[p]);
                var error = (ex * ex) + (ey * ey);
                if (error > tolerance || !(mx >= 0 && mx <= lx && my >= 0 && my <= ly))
                {
                    Fail(error > tolerance ? error / tolerance : double.PositiveInfinity);
                    return;
                }

                largest = Math.Max(largest, error);
                nextX[p] = mx;
                nextY[p] = my;
            }

            Record(largest / tolerance);
        });
        return _failed == 0;
    }

    /// <summary>
    /// The factor that would bring the largest midpoint–Euler difference to the tolerance: the difference grows as
    /// dt², its square (what <see cref="_errorRatio"/> compares) as dt⁴.
    /// </summary>
    private double EstimatedScale() => StepSafety * Math.Pow(_errorRatio, -0.25);

    private void Fail(double errorRatio)
    {
        Volatile.Write(ref _failed, 1);
        Record(errorRatio);
    }

    private void Record(double errorRatio)
    {
        lock (_errorLock)
        {
            _errorRatio = Math.Max(_errorRatio, errorRatio);
        }
    }

    private void ForBands(int count, Action<int, int> band)
    {
        var bands = Math.Min(_workers * 4, Math.Max(1, count / 1024));
        if (bands <= 1 || _workers == 1)
        {
            band(0, count);
            return;
        }

        Parallel.For(0, bands, new ParallelOptions { MaxDegreeOfParallelism = _workers }, b =>
            band((int)((long)count * b / bands), (int)((long)count * (b + 1) / bands)));
    }

    private void EnsureCapacity(int count)
    {
        if (_k1X.Length >= count)
        {
            return;
        }

        _k1X = new double[count];
        _k1Y = new double[count];
        _nextX = new double[count];
        _nextY = new double[count];
    }
}
