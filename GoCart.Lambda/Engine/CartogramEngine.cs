using System.Diagnostics;
using System.Runtime;
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
    /// <summary>
    /// The lattice doubles only when an integration gains less than 5% on the largest error. cartogram-cpp uses 20%,
    /// but a finer lattice costs four times as much per integration: on the world maps many cheap integrations on
    /// 1024×512 beat fewer dear ones on 2048×1024 (world 2.2 s against 4.9 s), and every shipped map still converges.
    /// </summary>
    /// <remarks>
    /// Measured over the last two integrations (less than 1 − 0.95² gained in both together): a region whose
    /// over-relaxed gain overshot drops back to gain 1 and stalls for one integration without needing a finer
    /// lattice.
    /// </remarks>
    private const double StallRatio = 0.95;
    private const int IntegrationsBeforeStallCheck = 3;
    private const double MinimumProgress = 0.02;
    private const int IntegrationsWithoutProgress = 6;
    private const int MaxBlurRetries = 8;
    private const int MaxLoopRemovalRounds = 8;
    private const long LargeLatticeCells = 2048 * 1024;

    public static EngineResult Run(
        IReadOnlyList<Geometry> regions,
        IReadOnlyList<double?> values,
        EngineSettings settings,
        IProgress<EngineProgress>? progress = null,
        CancellationToken cancellation = default) =>
        Run(regions, values, [], settings, progress, cancellation);

    /// <summary>
    /// As above, also moving <paramref name="layerPaths"/> (points and polylines in the regions' planar units, all
    /// inside the regions' bounding box) with exactly the transformation the regions get: see <see cref="LayerTracks"/>.
    /// </summary>
    public static EngineResult Run(
        IReadOnlyList<Geometry> regions,
        IReadOnlyList<double?> values,
        IReadOnlyList<Coordinate[]> layerPaths,
        EngineSettings settings,
        IProgress<EngineProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(layerPaths);
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

        var initialLattice = Lattice.Around(envelope.MinX, envelope.MinY, envelope.MaxX, envelope.MaxY, settings.InitialGridSize(regions.Count));
        var map = RingMap.Build(regions, initialLattice, settings.MaxEdgeLength);
        var layers = LayerTracks.Build(layerPaths, initialLattice, map.PointCount, settings.MaxEdgeLength);
        var preparing = clock.Elapsed;
        var run = new CartogramRun(map, layers, initialLattice, settings, progress, clock, cancellation);
        var status = run.Iterate(values);
        return run.ToResult(status, regions.Count, preparing);
    }

    private sealed class CartogramRun(RingMap map, LayerTracks layers, Lattice initialLattice, EngineSettings settings, IProgress<EngineProgress>? progress, Stopwatch clock, CancellationToken cancellation)
    {
        private RingMap _map = map;
        private double[] _originalX = [.. map.X, .. layers.InitialX];
        private double[] _originalY = [.. map.Y, .. layers.InitialY];
        private double[] _x = [.. map.X, .. layers.InitialX];
        private double[] _y = [.. map.Y, .. layers.InitialY];
        private double[] _savedX = [];
        private double[] _savedY = [];
        private readonly double[] _areas = new double[map.RegionCount];
        private readonly double[] _errors = new double[map.RegionCount];
        private readonly FlowIntegrator _integrator = new(settings.DegreeOfParallelism);
        private readonly RegionGains _gains = new(map.RegionCount);
        private readonly Lattice _initialLattice = initialLattice;
        private Lattice _lattice = initialLattice;
        private double[] _targets = [];
        private bool[] _floored = [];
        private double _initialTotalArea;
        private int _integrations;
        private bool _capped;
        private TimeSpan _rasterising;
        private TimeSpan _solving;
        private TimeSpan _integrating;
        private int _steps;
        private double _firstError = double.NaN;
        private double _reportedFraction;

        public CartogramStatus Iterate(IReadOnlyList<double?> values)
        {
            _map.RegionAreas(_x, _y, _areas);
            for (var i = 0; i < _areas.Length; i++)
            {
                if (!(_areas[i] > 0))
                {
                    throw new ArgumentException($"Region {i} has no area.", nameof(values));
                }
            }

            _initialTotalArea = _areas.Sum();
            _floored = new bool[_areas.Length];
            _targets = TargetAreas.Compute(values, _areas, _floored);

            var grid = new GridState(_lattice, settings.DegreeOfParallelism, _areas.Length);
            var previousError = double.PositiveInfinity;
            var errorTwoAgo = double.PositiveInfinity;
            var bestError = double.PositiveInfinity;
            var withoutProgress = 0;
            var blurRetries = 0;
            var integrated = false;
            while (true)
            {
                var maxError = MeasureErrors();
                if (integrated)
                {
                    _gains.Adapt(_errors, maxError);
                }

                Report(maxError);
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

                // Slow progress on a coarse lattice means the lattice cannot resolve the regions that are off:
                // refine it (a capped integration is slow by design, not stalled).
                if (_integrations > IntegrationsBeforeStallCheck && !_capped && maxError >= StallRatio * StallRatio * errorTwoAgo
                    && 2 * Math.Max(_lattice.Lx, _lattice.Ly) <= settings.MaxGridSize)
                {
                    DoubleLattice();
                    ReplaceGrid(ref grid);
                    _gains.Reset();
                }

                // Give up only when the best error has not improved by a meaningful step for a while.
                if (maxError < (1 - MinimumProgress) * bestError)
                {
                    bestError = maxError;
                    withoutProgress = 0;
                }
                else if (++withoutProgress >= IntegrationsWithoutProgress)
                {
                    return CartogramStatus.Stalled;
                }

                errorTwoAgo = previousError;
                previousError = maxError;
                RemoveLoops();
                Densify();
                var blur = BlurWidth(blurRetries);
                integrated = IntegrateOnce(grid, blur);
                CollectOnLargeLattice();
                if (integrated)
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

        public EngineResult ToResult(CartogramStatus status, int regionCount, TimeSpan preparing)
        {
            var outputStarted = clock.Elapsed;
            RemoveLoops();

            var factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory();
            RescaleToInitialArea();
            var maxError = MeasureErrors();
            var cartogram = new Geometry[regionCount];
            var equalArea = new Geometry[regionCount];
            var shares = new double[regionCount];
            var targetTotal = _targets.Sum();
            for (var i = 0; i < regionCount; i++)
            {
                cartogram[i] = _map.ToGeometry(i, _x, _y, (u, v) => new Coordinate(_lattice.FromLatticeX(u), _lattice.FromLatticeY(v)), factory);
                equalArea[i] = _map.ToGeometry(i, _originalX, _originalY, (u, v) => new Coordinate(_initialLattice.FromLatticeX(u), _initialLattice.FromLatticeY(v)), factory);
                shares[i] = _targets[i] / targetTotal;
            }

            var movedLayers = layers.Paths(_x, _y, (u, v) => new Coordinate(_lattice.FromLatticeX(u), _lattice.FromLatticeY(v)));
            var equalAreaLayers = layers.Paths(_originalX, _originalY, (u, v) => new Coordinate(_initialLattice.FromLatticeX(u), _initialLattice.FromLatticeY(v)));
            var crossings = EdgeCrossings.Pairs(_map, _x, _y).Count;
            var meanError = _errors.Average(Math.Abs);
            var timings = new EngineTimings(preparing, _rasterising, _solving, _integrating, clock.Elapsed - outputStarted);
            var statistics = new EngineStatistics(_integrations, _steps, _lattice.Lx, _lattice.Ly, _map.PointCount, maxError, meanError, clock.Elapsed, timings);
            return new EngineResult(status, cartogram, equalArea, shares, (double[])_errors.Clone(), _floored, crossings, statistics)
            {
                LayerPaths = movedLayers,
                EqualAreaLayerPaths = equalAreaLayers,
            };
        }

        /// <summary>σ_k = 2^(1 + log₂(L/256) − k/2 + F) cells: about 4 cells at first on a 512 lattice, narrowing by √2 per integration (cartogram-cpp's schedule).</summary>
        private double BlurWidth(int retries)
        {
            var longSide = Math.Max(_lattice.Lx, _lattice.Ly);
            return Math.Pow(2, 1 + Math.Log2(longSide / 256.0) - (0.5 * _integrations) + retries);
        }

        /// <summary>
        /// On a lattice of 2048×1024 cells or more, one integration leaves 20–40 MB of large-object garbage (point
        /// arrays grown by densification, loop-removal scratch) that the GC would let pile up to hundreds of MB
        /// before a full collection; collecting it at once costs a few milliseconds against a few hundred for the
        /// integration, and keeps the peak near the live set.
        /// </summary>
        private void CollectOnLargeLattice()
        {
            if ((long)_lattice.Lx * _lattice.Ly >= LargeLatticeCells)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
            }
        }

        /// <summary>
        /// The grids of the doubled lattice. The old ones are freed and the large-object heap compacted first, so the
        /// process never holds both sets (about 170 MB at 2048²); a lattice doubles at most a few times per run.
        /// </summary>
        private void ReplaceGrid(ref GridState grid)
        {
            grid = null!;
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            grid = new GridState(_lattice, settings.DegreeOfParallelism, _areas.Length);
        }

        /// <summary>
        /// Cuts off the sub-cell loops where a squeezed sliver crossed itself, so areas stay measurable and folds
        /// cannot grow in later integrations. Removing a loop from one ring shortcuts the neighbour's copy of that
        /// border too, which can expose another crossing there: repeat until clean (a few rounds in practice).
        /// </summary>
        private void RemoveLoops()
        {
            for (var round = 0; round < MaxLoopRemovalRounds; round++)
            {
                var islets = new HashSet<int>();
                var loops = RingLoopRemover.LoopPoints(_map, _x, _y, islets);
                if (loops.Count == 0 && islets.Count == 0)
                {
                    break;
                }

                _map = _map.Without(loops);
                if (islets.Count > 0)
                {
                    _map = _map.WithoutRings(islets);
                }
            }

            var crossing = RingLoopRemover.CrossingRings(_map, _x, _y);
            if (crossing.Count > 0)
            {
                _map = _map.WithoutRings(crossing);
            }
        }

        /// <summary>Keeps every edge within <see cref="EngineSettings.MaxEdgeLength"/> cells of the current lattice, so straight edges follow the curved flow.</summary>
        private void Densify()
        {
            var positions = new List<double[]> { _x, _y, _originalX, _originalY };
            if (_map.Densified(settings.MaxEdgeLength, _x, _y, positions) is { } densified)
            {
                _map = densified;
            }

            layers.Densify(settings.MaxEdgeLength, positions[0], positions[1], positions);
            (_x, _y, _originalX, _originalY) = (positions[0], positions[1], positions[2], positions[3]);
        }

        private bool IntegrateOnce(GridState grid, double blur)
        {
            var totalArea = _areas.Sum();
            var targetTotal = _targets.Sum();
            _capped = false;
            for (var i = 0; i < _areas.Length; i++)
            {
                var cap = settings.MaxDensityRatio;
                var wanted = _targets[i] * (totalArea / targetTotal) / _areas[i];
                _capped |= wanted < 1 / cap || wanted > cap;
                var density = Math.Clamp(Math.Pow(wanted, _gains[i]), 1 / cap, cap);
                grid.RegionDensity[i] = density;
                // A region far off its target, or smaller than a few cells, dominates the cells it shares.
                grid.RegionWeight[i] = Math.Max(density, 1 / density) * Math.Max(1, settings.SmallRegionCells / _areas[i]);
            }

            var started = clock.Elapsed;
            grid.Rasterizer.Fill(_map, _x, _y, grid.RegionDensity, grid.RegionWeight, 1.0, 1.0, grid.Field.Density, grid.Field.Stride);
            var rasterised = clock.Elapsed;
            grid.Field.Compute(blur);
            var solved = clock.Elapsed;
            if (_savedX.Length != _x.Length)
            {
                _savedX = new double[_x.Length];
                _savedY = new double[_y.Length];
            }

            Array.Copy(_x, _savedX, _x.Length);
            Array.Copy(_y, _savedY, _y.Length);
            var steps = _integrator.Integrate(grid.Field, _x, _y, new IntegrationSettings(), cancellation);
            _rasterising += rasterised - started;
            _solving += solved - rasterised;
            _integrating += clock.Elapsed - solved;
            if (steps < 0)
            {
                (_x, _savedX) = (_savedX, _x);
                (_y, _savedY) = (_savedY, _y);
                return false;
            }

            _steps += steps;
            return true;
        }

        private double MeasureErrors()
        {
            _map.RegionAreas(_x, _y, _areas);
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
            _map.RegionAreas(_x, _y, _areas);
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

        private void Report(double maxError)
        {
            if (double.IsNaN(_firstError))
            {
                _firstError = maxError;
            }

            var fraction = maxError <= settings.MaxAreaError || _firstError <= settings.MaxAreaError
                ? 1.0
                : Math.Clamp(Math.Log(_firstError / maxError) / Math.Log(_firstError / settings.MaxAreaError), 0, 0.99);
            _reportedFraction = Math.Max(_reportedFraction, fraction);
            progress?.Report(new EngineProgress(_integrations, maxError, _reportedFraction, _lattice.Lx, _lattice.Ly));
            cancellation.ThrowIfCancellationRequested();
        }

        private sealed class GridState(Lattice lattice, int workers, int regions)
        {
            public DensityRasterizer Rasterizer { get; } = new(lattice.Lx, lattice.Ly, workers);

            public FlowField Field { get; } = new(lattice.Lx, lattice.Ly, workers);

            public double[] RegionDensity { get; } = new double[regions];

            public double[] RegionWeight { get; } = new double[regions];
        }
    }
}
