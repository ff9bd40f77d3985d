using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Infrastructure;
using Polly.Timeout;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Production: POSTs the request to API Gateway (CARTOGRAM_LAMBDA_URL) with the x-api-key header
/// (CARTOGRAM_LAMBDA_KEY), gzip both ways. Transient failures (5xx, timeouts, a 200 whose body is not JSON) are
/// retried with backoff by the resilience pipeline registered with this typed client; each final error becomes
/// a message a user understands. At most CARTOGRAM_LAMBDA_CONCURRENCY calls are open at once in this replica
/// (<see cref="LambdaConcurrency"/>); each call's final outcome is counted in the metrics. Progress arrives
/// separately, through the signed progress endpoint.
/// </summary>
public sealed class LambdaCartogramInvoker(HttpClient client, LambdaSettings settings, LambdaConcurrency concurrency) : ICartogramInvoker
{
    public const string UnreadableAnswer = "The cartogram service sent back an answer that could not be read. Please try again; if it keeps happening, tell us through the contact page.";

    public async Task<byte[]> InvokeAsync(CartogramRequest request, IProgress<ProgressUpdate>? progress, CancellationToken cancellation)
    {
        using var slot = await concurrency.EnterAsync(cancellation);
        try
        {
            var result = await CallAsync(request, cancellation);
            SiteMetrics.RecordLambdaCall("succeeded");
            return result;
        }
        catch (CartogramException exception)
        {
            SiteMetrics.RecordLambdaCall(Outcome(exception));
            throw;
        }
    }

    private async Task<byte[]> CallAsync(CartogramRequest request, CancellationToken cancellation)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(request, ContractJson.Default.CartogramRequest);
        using var message = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.Add("x-api-key", settings.Key);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(message, cancellation);
        }
        catch (HttpRequestException exception)
        {
            throw new CartogramException(CartogramErrorKind.EngineFailure, "The cartogram service cannot be reached right now. Please try again in a few minutes.", exception);
        }
        catch (Exception exception) when (exception is TimeoutRejectedException or TimeoutException || (exception is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            // Polly's timeouts (each attempt, all attempts) and, as a backstop, HttpClient's own.
            throw new CartogramException(CartogramErrorKind.TimeBudgetExceeded, "The cartogram service took too long to answer. Try again, or use a simpler map or fewer regions.", exception);
        }

        using (response)
        {
            var content = await response.Content.ReadAsByteArrayAsync(cancellation);
            if (response.IsSuccessStatusCode)
            {
                return LambdaAnswer.IsCartogram(content)
                    ? content
                    : throw new CartogramException(CartogramErrorKind.EngineFailure, UnreadableAnswer);
            }

            throw new CartogramException(Kind(response.StatusCode), Message(response.StatusCode, content));
        }
    }

    /// <summary>The metrics label of a failed call: what the engine said, or that it could not be reached or read.</summary>
    private static string Outcome(CartogramException exception) => exception.Message switch
    {
        UnreadableAnswer => "unreadable",
        _ when exception.InnerException is HttpRequestException => "unreachable",
        _ => exception.Kind switch
        {
            CartogramErrorKind.InvalidInput => "invalid_input",
            CartogramErrorKind.TooLarge => "too_large",
            CartogramErrorKind.TimeBudgetExceeded => "timed_out",
            _ => "engine_failure",
        },
    };

    private static CartogramErrorKind Kind(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => CartogramErrorKind.InvalidInput,
        HttpStatusCode.RequestEntityTooLarge => CartogramErrorKind.TooLarge,
        HttpStatusCode.GatewayTimeout => CartogramErrorKind.TimeBudgetExceeded,
        _ => CartogramErrorKind.EngineFailure,
    };

    private static string Message(HttpStatusCode status, byte[] content)
    {
        var detail = ErrorText(content);
        return status switch
        {
            HttpStatusCode.BadRequest => detail ?? "The map or the data could not be used; check them and try again.",
            HttpStatusCode.RequestEntityTooLarge => detail ?? "The map is too large for the cartogram service. Simplify its boundaries or use fewer regions.",
            HttpStatusCode.GatewayTimeout => detail ?? "The cartogram took too long to compute. Try a simpler map or fewer regions.",
            HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized => "The cartogram service is not available because of a configuration problem on our side. We have been notified; please try again later.",
            HttpStatusCode.TooManyRequests => "The cartogram service is busy. Please try again in a minute.",
            _ => "The cartogram service failed while computing this map. Please try again; if it keeps failing, contact us.",
        };
    }

    private static string? ErrorText(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize(content, ContractJson.Default.ErrorBody)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
