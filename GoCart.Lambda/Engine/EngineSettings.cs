namespace GoCart.Lambda.Engine;

/// <summary>Everything the engine needs to know besides the map: accuracy, grid, limits, parallelism.</summary>
public sealed record EngineSettings
{
    /// <summary>Stop when every region's relative area error |A_i/T_i − 1| is at most this.</summary>
    public double MaxAreaError { get; init; } = 0.01;

    /// <summary>
    /// Cells along the long side of the first lattice (a power of two), or null to choose from the map: 256 for
    /// maps of up to <see cref="SmallMapRegions"/> regions (fewer cells, faster integrations; the lattice still
    /// doubles where regions need it), 512 for maps with more, smaller regions.
    /// </summary>
    public int? GridSize { get; init; }

    public const int SmallMapRegions = 300;

    public int InitialGridSize(int regions) => GridSize ?? (regions <= SmallMapRegions ? 256 : 512);

    /// <summary>The lattice doubles when convergence stalls, up to this long side.</summary>
    public int MaxGridSize { get; init; } = 2048;

    public int MaxIntegrations { get; init; } = 100;

    /// <summary>Edges longer than this many cells of the first lattice are split before integrating.</summary>
    public double MaxEdgeLength { get; init; } = 1.0;

    /// <summary>
    /// One integration moves a region at most this far towards its target density (ρ is clamped to
    /// [1/ratio, ratio] of the mean): extreme targets are reached over several gentle integrations instead of one
    /// violent flow that folds the map.
    /// </summary>
    public double MaxDensityRatio { get; init; } = 4;

    /// <summary>Regions smaller than this many cells weigh more in the cells they share, in inverse proportion to their area.</summary>
    public double SmallRegionCells { get; init; } = 10;

    /// <summary>Wall-clock budget; when it runs out the engine stops with <see cref="CartogramStatus.TimeBudgetExceeded"/>.</summary>
    public TimeSpan? TimeBudget { get; init; }

    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    public void Validate()
    {
        if (!(MaxAreaError > 0 && MaxAreaError < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAreaError), MaxAreaError, "The maximum area error must be between 0 and 1 (for example 0.01 for 1%).");
        }

        if (GridSize is { } grid && (grid < 16 || grid > MaxGridSize || (grid & (grid - 1)) != 0) || (MaxGridSize & (MaxGridSize - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(GridSize), GridSize, "Grid sizes must be powers of two, at least 16, with GridSize ≤ MaxGridSize.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIntegrations, 1, nameof(MaxIntegrations));
        ArgumentOutOfRangeException.ThrowIfLessThan(DegreeOfParallelism, 1, nameof(DegreeOfParallelism));
        if (!(MaxDensityRatio > 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDensityRatio), MaxDensityRatio, "The density ratio per integration must be greater than 1.");
        }

        if (!(SmallRegionCells >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(SmallRegionCells), SmallRegionCells, "The small-region size must be zero or positive.");
        }

        if (!(MaxEdgeLength > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEdgeLength), MaxEdgeLength, "The maximum edge length must be positive.");
        }
    }
}
