using GoCart.Lambda.Engine;

namespace GoCart.Lambda.Pipeline;

/// <summary>Totals over every inset group's engine run; <see cref="Points"/> are the engine's, <see cref="OutputPoints"/> the distinct points delivered after simplification.</summary>
public sealed record CartogramRunStatistics(int Integrations, string Grid, int Points, double MaxAreaError, double MeanAreaError, double Seconds, int CrossingEdges, EngineTimings Timings)
{
    public int OutputPoints { get; init; }

    /// <summary>Time spent simplifying the output (part of <see cref="Seconds"/>).</summary>
    public double SimplificationSeconds { get; init; }

    /// <summary>The pipeline's own stages (the engine's are in <see cref="Timings"/>).</summary>
    public PipelineTimings? Stages { get; init; }
}
