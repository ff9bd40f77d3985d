namespace GoCart.Lambda.Engine;

/// <summary>Where a run spent its time: flattening the map, density fill, flow solve, integration, output.</summary>
public sealed record EngineTimings(TimeSpan Preparing, TimeSpan Rasterising, TimeSpan Solving, TimeSpan Integrating, TimeSpan Output)
{
    /// <summary>Two runs' times together, phase by phase (a map with insets runs the engine once per inset group).</summary>
    public EngineTimings Plus(EngineTimings other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(Preparing + other.Preparing, Rasterising + other.Rasterising, Solving + other.Solving, Integrating + other.Integrating, Output + other.Output);
    }
}
