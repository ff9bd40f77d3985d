using System.Diagnostics;
using NetTopologySuite.Geometries;

namespace GoCart.Lambda.Engine;

/// <summary>
/// The flow-based cartogram (Gastner, Seguy &amp; More, PNAS 115(10) E2156–E2164, 2018), on planar polygons.
/// Each integration rasterises the current map's densities, solves for the flow and moves every vertex along
/// it from t = 0 to 1; integrations repeat until every region's area is within the requested error. The blur
/// narrows as the map converges; when the error stops improving the lattice doubles (cartogram-cpp's rule).
/// </summary>
public static class CartogramEngine
{
    private const double StallRatio = 0.8;
    private const int IntegrationsBeforeStallCheck = 3;
    private const int MaxBlurRetries = 8;

    public static EngineResult Run(
        IReadOnlyList<Geometry> regions,
        IReadOnlyList<double?> values,
        EngineSettings settings,
        IProgress<EngineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        if (regions.Count == 0)
        {
            throw new ArgumentException("The map has no regions.", nameof(regions));
        }

        var clock = Stopwatch.StartNew();
        var envelope = new Envelope();
        foreach (var region in regions)
        {
            envelope.ExpandToInclude(region.EnvelopeInternal);
        }

        var initialLattice = Lattice.Around(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY, settings.GridSize);
        var map = RingMap.Build(regions, initialLattice, settings.MaxEdgeLength);
        var run = new CartogramRun(map, initialLattice, settings, progress, clock, cancellation);
        var status = run.Iterate(values);
        return run.ToResult(status, regions.Count);
    }

    private sealed class CartogramRun(RingMap map, Lattice initialLattice, EngineSettings settings, IProgress<EngineProgress>? progress, Stopwatch clock, CancellationToken cancellation)
    {
        private readonly double[] _originalX = (double[])map.X.Clone();
        private readonly double[] _originalY = (double[])map.Y.Clone();
        private readonly double[] _x = (double[])map.X.Clone();
        private readonly double[] _y = (double[])map.Y.Clone();
        private readonly double[] _areas = new double[map.RegionCount];
        private readonly double[] _errors = new double[map.RegionCount];
        private readonly FlowIntegrator _integrator = new(settings.DegreeOfParallelism);
        private readonly Lattice _initialLattice = initialLattice;
        private Lattice _lattice = initialLattice;
        private double[] _targets = [];
        private double _initialTotalArea;
        private int _integrations;
        private int _steps;
        private double _firstError = double.NaN;
        private double _reportedFraction;

        public CartogramStatus Iterate(IReadOnlyList<double?> values)
        {
            map.RegionAreas(_x, _y, _areas);
            for (var i = 0; i < _areas.Length; i++)
            {
                if (!(_areas[i] > 0))
                {
                    throw new ArgumentException($"Region {i} has no area.", nameof(values));
                }
            }

            _initialTotalArea = _areas.Sum();
            _targets = TargetAreas.Compute(values, _areas);

            var grid = NewGrid();
            var previousError = double.PositiveInfinity;
            var stalledOnFinestGrid = 0;
            var blurRetries = 0;
            while (true)
            {
                var maxError = MeasureErrors();
                Report(maxError, grid);
                if (maxError <= settings.MaxAreaError)
                {
                    return CartogramStatus.Converged;
                }

                if (_integrations >= settings.MaxIntegrations)
                {
                    return CartogramStatus.IntegrationCapReached;
                }

                if (settings.TimeBudget is { } budget && clock.Elapsed >= budget)
                {
                    return CartogramStatus.TimeBudgetExceeded;
                }

                if (_integrations > IntegrationsBeforeStallCheck && maxError >= StallRatio * previousError)
                {
                    if (2 * Math.Max(_lattice.Lx, _lattice.Ly) <= settings.MaxGridSize)
                    {
                        DoubleLattice();
                        grid = NewGrid();
                    }
                    else if (++stalledOnFinestGrid >= 5)
                    {
                        return CartogramStatus.Stalled;
                    }
                }

                previousError = maxError;
                var blur = BlurWidth(blurRetries);
                if (IntegrateOnce(grid, blur))
                {
                    _integrations++;
                    blurRetries = 0;
                }
                else if (++blurRetries > MaxBlurRetries)
                {
                    return CartogramStatus.Stalled;
                }
            }
        }

        public EngineResult ToResult(CartogramStatus status, int regionCount)
        {
            var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
            RescaleToInitialArea();
            var maxError = MeasureErrors();
            var cartogram = new Geometry[regionCount];
            var equalArea = new Geometry[regionCount];
            var shares = new double[regionCount];
            var targetTotal = _targets.Sum();
            for (var i = 0; i < regionCount; i++)
            {
                cartogram[i] = map.ToGeometry(i, _x, _y, (u, v) => new Coordinate(_lattice.FromLatticeX(u), _lattice.FromLatticeY(v)), factory);
                equalArea[i] = map.ToGeometry(i, _originalX, _originalY, (u, v) => new Coordinate(_initialLattice.FromLatticeX(u), _initialLattice.FromLatticeY(v)), factory);
                shares[i] = _targets[i] / targetTotal;
            }

            var meanError = _errors.Average(Math.Abs);
            var statistics = new EngineStatistics(_integrations, _steps, _lattice.Lx, _lattice.Ly, map.PointCount, maxError, meanError, clock.Elapsed);
            return new EngineResult(status, cartogram, equalArea, shares, (double[])_errors.Clone(), statistics);
        }

        /// <summary>σ_k = 2^(1 + log₂(L/256) − k/2 + F) cells: about 4 cells at first on a 512 lattice, narrowing by √2 per integration (cartogram-cpp's schedule).</summary>
        private double BlurWidth(int retries)
        {
            var longSide = Math.Max(_lattice.Lx, _lattice.Ly);
            return Math.Pow(2, 1 + Math.Log2(longSide / 256.0) - (0.5 * _integrations) + retries);
        }

        private GridState NewGrid() => new(_lattice, settings.DegreeOfParallelism, _x.Length, _areas.Length);

        private bool IntegrateOnce(GridState grid, double blur)
        {
            var totalArea = _areas.Sum();
            var targetTotal = _targets.Sum();
            for (var i = 0; i < _areas.Length; i++)
            {
                grid.RegionDensity[i] = _targets[i] * (totalArea / targetTotal) / _areas[i];
            }

            grid.Rasterizer.Fill(map, _x, _y, grid.RegionDensity, 1.0, grid.Density);
            grid.Field.Compute(grid.Density, blur);
            Array.Copy(_x, grid.SavedX, _x.Length);
            Array.Copy(_y, grid.SavedY, _y.Length);
            var steps = _integrator.Integrate(grid.Field, _x, _y, new IntegrationSettings(), cancellation);
            if (steps < 0)
            {
                Array.Copy(grid.SavedX, _x, _x.Length);
                Array.Copy(grid.SavedY, _y, _y.Length);
                return false;
            }

            _steps += steps;
            return true;
        }

        private double MeasureErrors()
        {
            map.RegionAreas(_x, _y, _areas);
            var ratio = _areas.Sum() / _targets.Sum();
            var maxError = 0.0;
            for (var i = 0; i < _areas.Length; i++)
            {
                _errors[i] = (_areas[i] / (_targets[i] * ratio)) - 1;
                maxError = Math.Max(maxError, Math.Abs(_errors[i]));
            }

            return maxError;
        }

        private void DoubleLattice()
        {
            _lattice = _lattice.Doubled();
            for (var p = 0; p < _x.Length; p++)
            {
                _x[p] *= 2;
                _y[p] *= 2;
            }
        }

        /// <summary>Scales the map about the lattice centre so that its total area is the input's again.</summary>
        private void RescaleToInitialArea()
        {
            map.RegionAreas(_x, _y, _areas);
            var initialArea = _initialTotalArea * Math.Pow(_lattice.Lx / (double)_initialLattice.Lx, 2);
            var scale = Math.Sqrt(initialArea / _areas.Sum());
            var cx = 0.5 * _lattice.Lx;
            var cy = 0.5 * _lattice.Ly;
            for (var p = 0; p < _x.Length; p++)
            {
                _x[p] = cx + ((_x[p] - cx) * scale);
                _y[p] = cy + ((_y[p] - cy) * scale);
            }
        }

        private void Report(double maxError, GridState grid)
        {
            if (double.IsNaN(_firstError))
            {
                _firstError = maxError;
            }

            var fraction = maxError <= settings.MaxAreaError || _firstError <= settings.MaxAreaError
                ? 1.0
                : Math.Clamp(Math.Log(_firstError / maxError) / Math.Log(_firstError / settings.MaxAreaError), 0, 0.99);
            _reportedFraction = Math.Max(_reportedFraction, fraction);
            progress?.Report(new EngineProgress(_integrations, maxError, _reportedFraction, grid.Lattice.Lx, grid.Lattice.Ly));
            cancellation.ThrowIfCancellationRequested();
        }

        private sealed class GridState(Lattice lattice, int workers, int points, int regions)
        {
            public Lattice Lattice { get; } = lattice;

            public DensityRasterizer Rasterizer { get; } = new(lattice.Lx, lattice.Ly);

            public FlowField Field { get; } = new(lattice.Lx, lattice.Ly, workers);

            public double[] Density { get; } = new double[lattice.Lx * lattice.Ly];

            public double[] RegionDensity { get; } = new double[regions];

            public double[] SavedX { get; } = new double[points];

            public double[] SavedY { get; } = new double[points];
        }
    }
}
