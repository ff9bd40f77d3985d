namespace GoCart.Lambda.Engine;

/// <summary>Step-size control of one flow integration (ALGORITHM.md §2.9).</summary>
internal sealed record IntegrationSettings
{
    /// <summary>Squared tolerance per point is this × min(lx, ly) cells² (go_cart's ABS_TOL).</summary>
    public double ToleranceFactor { get; init; } = 1e-6;

    /// <summary>
    /// The first step tries the whole integration (cartogram-cpp starts at 0.3): late integrations move points
    /// so little that one or two steps pass the tolerance, and a violent early flow only costs a few halvings
    /// (about 10% fewer steps on the world and county maps, the same integrations).
    /// </summary>
    public double InitialStep { get; init; } = 1.0;

    /// <summary>
    /// Growth after an accepted step and shrinkage after a rejected one. cartogram-cpp uses 1.5 and 0.5; gentler
    /// factors reject fewer steps (a third of all attempts were rejections) for 5–8% fewer velocity passes on the
    /// shipped maps, with the same integrations.
    /// </summary>
    public double StepIncrease { get; init; } = 1.3;

    public double StepDecrease { get; init; } = 0.6;

    public double MinimumStep { get; init; } = 1e-4;

    public int MaxSteps { get; init; } = 300;
}
