namespace GoCart.Lambda.Geo;

/// <summary>
/// The map or its data is wrong in a way the user can fix; the message says what and where. <see cref="Field"/>
/// and <see cref="Region"/> name the request field and the region concerned, when there is one.
/// </summary>
public class MapInputException : Exception
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

    /// <summary>The request field the problem is in ("csv", "values", "geometry", ...), or null.</summary>
    public string? Field { get; init; }

    /// <summary>The region (as the user named it) the problem concerns, or null.</summary>
    public string? Region { get; init; }
}
