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
    /// Most the step grows after an accepted step and least it shrinks after a rejected one. Within these bounds
    /// the next step follows the error estimate: the midpoint–Euler difference grows as dt², so the step that
    /// would just meet the tolerance is dt·(tolerance/error²)^¼. cartogram-cpp grows by a fixed 1.5 and halves,
    /// which rejected a third of all attempted steps; following the estimate takes 9–15% fewer velocity
    /// evaluations on the shipped maps (counted), with the same integrations.
    /// </summary>
    public double StepIncrease { get; init; } = 1.5;

    public double StepDecrease { get; init; } = 0.6;

    public double MinimumStep { get; init; } = 1e-4;

    public int MaxSteps { get; init; } = 300;
}
