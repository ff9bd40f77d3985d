namespace GoCart.Site.Tests.Cartograms;

/// <summary>How <see cref="FlakyProxy"/> misbehaves while it fails.</summary>
public enum LambdaFault
{
    /// <summary>503, as API Gateway answers when the function is throttled.</summary>
    ServiceUnavailable,

    /// <summary>500, as API Gateway answers when the function crashed.</summary>
    InternalServerError,

    /// <summary>No answer at all until the client gives up.</summary>
    Timeout,

    /// <summary>200 with an HTML page instead of JSON, as a misrouted proxy answers.</summary>
    NotJson,

    /// <summary>200 with the first half of the engine's real answer.</summary>
    TruncatedJson,

    /// <summary>200 with the engine's real answer, its region area errors turned into 1e999 (infinite once read).</summary>
    NotFiniteNumbers,
}
