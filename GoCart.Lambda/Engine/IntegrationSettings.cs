namespace GoCart.Lambda.Engine;

/// <summary>Step-size control of one flow integration (ALGORITHM.md §2.9).</summary>
internal sealed record IntegrationSettings
{
    /// <summary>Squared tolerance per point is this × min(lx, ly) cells² (go_cart's ABS_TOL).</summary>
    public double ToleranceFactor { get; init; } = 1e-6;

    public double InitialStep { get; init; } = 0.3;

    public double StepIncrease { get; init; } = 1.5;

    public double StepDecrease { get; init; } = 0.5;

    public double MinimumStep { get; init; } = 1e-4;

    public int MaxSteps { get; init; } = 300;
}
