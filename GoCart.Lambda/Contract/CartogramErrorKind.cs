namespace GoCart.Lambda.Contract;

/// <summary>Why a request failed; each maps to one HTTP status (400, 413, 500, 504).</summary>
public enum CartogramErrorKind
{
    /// <summary>The map, the values or the options are wrong; the message says what to fix (400).</summary>
    InvalidInput,

    /// <summary>The request or its result is larger than the service accepts or can return (413).</summary>
    TooLarge,

    /// <summary>The engine failed; not the user's fault (500).</summary>
    EngineFailure,

    /// <summary>The time budget ran out before the cartogram converged (504).</summary>
    TimeBudgetExceeded,
}
