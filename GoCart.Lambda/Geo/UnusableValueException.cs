namespace GoCart.Lambda.Geo;

/// <summary>
/// The data could be read but its numbers cannot make a cartogram: a negative or infinite value, a total too
/// large to compute with, or no positive value at all. The JSON API answers these with 422.
/// </summary>
public sealed class UnusableValueException : MapInputException
{
    public UnusableValueException()
    {
    }

    public UnusableValueException(string message)
        : base(message)
    {
    }

    public UnusableValueException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
