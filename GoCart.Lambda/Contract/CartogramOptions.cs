namespace GoCart.Lambda.Contract;

/// <summary>Optional knobs of a request; every one has a sensible default.</summary>
public sealed record CartogramOptions
{
    /// <summary>Largest acceptable relative area error of any region (0.01 = 1%).</summary>
    public double? MaxAreaError { get; init; }

    /// <summary>Time budget in seconds; the engine answers with a time-budget error when it runs out.</summary>
    public double? MaxSeconds { get; init; }

    /// <summary>
    /// Most points per inset in the output (each point shared by neighbours counted once; at least 100, for example
    /// 10,000; null, the default, writes every point the engine moved). Rings keep at least 4 points, so a map with many regions may keep more.
    /// </summary>
    public int? MaxPoints { get; init; }

    /// <summary>Where detached parts are drawn: region id → L, R, T, B, or C (main map, the default).</summary>
    public Dictionary<string, string>? Insets { get; init; }
}
