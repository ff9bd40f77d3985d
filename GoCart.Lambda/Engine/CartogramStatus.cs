namespace GoCart.Lambda.Engine;

/// <summary>How a run ended.</summary>
public enum CartogramStatus
{
    /// <summary>Every region is within the requested area error.</summary>
    Converged,

    /// <summary>The integration cap was reached first; the result is the best so far.</summary>
    IntegrationCapReached,

    /// <summary>The error stopped improving on the finest allowed grid; the result is the best so far.</summary>
    Stalled,

    /// <summary>The time budget ran out; the result is the best so far.</summary>
    TimeBudgetExceeded,
}
