namespace GoCart.Lambda.Geo;

/// <summary>The map or its data is wrong in a way the user can fix; the message says what and where.</summary>
public sealed class MapInputException : Exception
{
    public MapInputException()
    {
    }

    public MapInputException(string message)
        : base(message)
    {
    }

    public MapInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
