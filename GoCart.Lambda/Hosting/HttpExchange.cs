namespace GoCart.Lambda.Hosting;

/// <summary>An HTTP request as the engine's endpoint sees it, whoever delivered it (API Gateway or `gocart serve`).</summary>
public sealed record HttpExchangeRequest(string Method, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The endpoint's answer: status, headers and body bytes (already compressed when Content-Encoding says so).</summary>
public sealed record HttpExchangeResponse(int StatusCode, IReadOnlyDictionary<string, string> Headers, byte[] Body);
