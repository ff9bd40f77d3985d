namespace GoCart.Lambda.Engine;

/// <summary>Where a run spent its time: flattening the map, density fill, flow solve, integration, output.</summary>
public sealed record EngineTimings(TimeSpan Preparing, TimeSpan Rasterising, TimeSpan Solving, TimeSpan Integrating, TimeSpan Output);
