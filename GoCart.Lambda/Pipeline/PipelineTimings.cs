namespace GoCart.Lambda.Pipeline;

/// <summary>
/// Where a pipeline run spent its time outside the engine's phases: reading and repairing the map and matching the
/// values, projecting each inset group, the engine runs as a whole (<see cref="Engine"/>, its phases and the work
/// between its integrations), simplifying the output, and the validity check of every result.
/// </summary>
public sealed record PipelineTimings(TimeSpan Reading, TimeSpan Projecting, TimeSpan Simplifying, TimeSpan Checking)
{
    /// <summary>The engine runs' whole time, summed over inset groups (their phases are in <see cref="CartogramRunStatistics.Timings"/>).</summary>
    public TimeSpan Engine { get; init; }
}
