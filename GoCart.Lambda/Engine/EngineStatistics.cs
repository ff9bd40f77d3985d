namespace GoCart.Lambda.Engine;

/// <summary>What a run did: integrations, steps, final grid, points moved, errors and time.</summary>
public sealed record EngineStatistics(
    int Integrations,
    int Steps,
    int GridLx,
    int GridLy,
    int Points,
    double MaxAreaError,
    double MeanAreaError,
    TimeSpan Elapsed,
    EngineTimings Timings);
