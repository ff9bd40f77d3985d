using System.Text.Json;
using Microsoft.Extensions.Http.Resilience;
using Polly.Retry;

namespace GoCart.Site.Cartograms;

/// <summary>
/// What to make of a 200 from API Gateway. A body that is not complete JSON (a proxy's HTML error page, a
/// connection cut mid-answer) is a transient fault worth another attempt; a complete document that still is not
/// a cartogram will not improve on retrying and becomes an error message at once.
/// </summary>
public static class LambdaAnswer
{
    /// <summary>The retry strategy's predicate: the usual transient failures (5xx, 408, 429, network, timeouts) and 200s that are not JSON.</summary>
    public static async ValueTask<bool> ShouldRetryAsync(RetryPredicateArguments<HttpResponseMessage> arguments)
    {
        if (HttpClientResiliencePredicates.IsTransient(arguments.Outcome))
        {
            return true;
        }

        if (arguments.Outcome.Result is not { IsSuccessStatusCode: true } response)
        {
            return false;
        }

        try
        {
            // Buffers the body: the invoker reads the same bytes afterwards.
            return !IsCompleteJson(await response.Content.ReadAsByteArrayAsync(arguments.Context.CancellationToken));
        }
        catch (HttpRequestException)
        {
            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>One complete JSON value and nothing after it, checked without building a document.</summary>
    public static bool IsCompleteJson(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return false;
        }

        var reader = new Utf8JsonReader(body);
        try
        {
            while (reader.Read())
            {
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// True when the body is complete JSON with the engine's statistics, which the job reads at once; both checks
    /// read through the bytes without building a document (a world map's answer is 2.4 MB).
    /// </summary>
    public static bool IsCartogram(byte[] body)
    {
        if (!IsCompleteJson(body))
        {
            return false;
        }

        try
        {
            CartogramResult.ReadStatistics(body);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }
}
