namespace GoCart.Lambda.Contract;

/// <summary>Optional knobs of a request; every one has a sensible default.</summary>
public sealed record CartogramOptions
{
    /// <summary>Largest acceptable relative area error of any region (0.01 = 1%).</summary>
    public double? MaxAreaError { get; init; }

    /// <summary>Time budget in seconds; the engine answers with a time-budget error when it runs out.</summary>
    public double? MaxSeconds { get; init; }

    /// <summary>
    /// Most points per inset in the output (each point shared by neighbours counted once): null, the default, is
    /// 10,000; 0 writes every point the engine moved; otherwise at least 100. Rings keep at least 4 points, so a map
    /// with many regions may keep more.
    /// </summary>
    public int? MaxPoints { get; init; }

    /// <summary>
    /// A distance in the output's units (metres for a longitude/latitude map): points whose removal keeps the line
    /// within it of the engine's line go too, beyond <see cref="MaxPoints"/> (whichever keeps fewer points). Null: none.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>Where detached parts are drawn: region id → L, R, T, B, or C (main map, the default).</summary>
    public Dictionary<string, string>? Insets { get; init; }

    /// <summary>
    /// What to do with regions far from the main land mass (us-atlas's Alaska, Hawaii, Guam...): "keep" (the
    /// default: on the main map, with a warning naming them), "insets" (each an inset on the side it lies towards,
    /// unless <see cref="Insets"/> says otherwise) or "leave-out".
    /// </summary>
    public string? FarFlung { get; init; }

    /// <summary>Region ids to leave out of the map (the result's warnings name them).</summary>
    public IReadOnlyList<string>? LeaveOut { get; init; }

    /// <summary>"leave-out" drops the remote polygons of regions on the main map (France's Réunion on a map of the EU), naming them; "keep" (the default) keeps them.</summary>
    public string? FarParts { get; init; }
}
