namespace GoCart.Lambda.Hosting;

/// <summary>
/// Size limits that the hosts share. AWS Lambda accepts and returns at most 6 MB per synchronous invocation
/// (the whole proxy event or response JSON, so a base64 body counts 4/3 of its size) and API Gateway at most
/// 10 MB; we stay under Lambda's, leaving room for the envelope, and say so in the error instead of letting AWS
/// answer with an opaque 502.
/// </summary>
public sealed record PayloadLimits
{
    public static PayloadLimits Lambda { get; } = new();

    /// <summary>Largest request body accepted, after any gzip decompression.</summary>
    public int MaxRequestBytes { get; init; } = 5_800_000;

    /// <summary>Largest response body returned, after compression and base64 when that applies.</summary>
    public int MaxResponseBytes { get; init; } = 5_800_000;

    /// <summary>A gzip request body may not inflate beyond this many bytes (zip-bomb guard).</summary>
    public int MaxInflatedRequestBytes { get; init; } = 50_000_000;
}
