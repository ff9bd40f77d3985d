namespace GoCart.Lambda.Contract;

/// <summary>Optional knobs of a request; every one has a sensible default.</summary>
public sealed record CartogramOptions
{
    /// <summary>Largest acceptable relative area error of any region (0.01 = 1%).</summary>
    public double? MaxAreaError { get; init; }

    /// <summary>Time budget in seconds; the engine answers with a time-budget error when it runs out.</summary>
    public double? MaxSeconds { get; init; }

    /// <summary>Where detached parts are drawn: region id → L, R, T, B, or C (main map, the default).</summary>
    public Dictionary<string, string>? Insets { get; init; }
}
