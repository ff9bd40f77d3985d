namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Where a pipeline run spent its time outside the engine: reading and repairing the map and matching the values,
/// projecting each inset group, simplifying the output, and the validity check of every result.
/// </summary>
public sealed record PipelineTimings(TimeSpan Reading, TimeSpan Projecting, TimeSpan Simplifying, TimeSpan Checking);
