namespace GoCart.Lambda.Contract;

/// <summary>A failure with a message meant for the person who sent the request.</summary>
public sealed class CartogramException : Exception
{
    public CartogramException(CartogramErrorKind kind, string message)
        : base(message)
    {
        Kind = kind;
    }

    public CartogramException(CartogramErrorKind kind, string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = kind;
    }

    public CartogramException()
        : this(CartogramErrorKind.EngineFailure, "The cartogram could not be computed.")
    {
    }

    public CartogramException(string message)
        : this(CartogramErrorKind.EngineFailure, message)
    {
    }

    public CartogramException(string message, Exception innerException)
        : this(CartogramErrorKind.EngineFailure, message, innerException)
    {
    }

    public CartogramErrorKind Kind { get; }

    public int StatusCode => Kind switch
    {
        CartogramErrorKind.InvalidInput => 400,
        CartogramErrorKind.TooLarge => 413,
        CartogramErrorKind.TimeBudgetExceeded => 504,
        _ => 500,
    };
}
