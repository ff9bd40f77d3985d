using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// A custom Lambda runtime (provided.al2023) speaking the documented Runtime API
/// (https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html): fetch the next invocation, answer it with
/// /response or /error, and go on, whatever happened to the previous one. Each invocation's compute budget
/// ends a safety margin before Lambda-Runtime-Deadline-Ms, so a slow map gets a 504 answer instead of being
/// killed mid-computation.
/// </summary>
public sealed class LambdaRuntimeLoop(HttpClient client, string runtimeApi, Func<CartogramEndpoint> endpointFactory, Action<string> log)
{
    private const string Version = "2018-06-01";
    public static readonly TimeSpan DeadlineMargin = TimeSpan.FromSeconds(1.5);

    private readonly Uri _base = new($"http://{runtimeApi}/{Version}/runtime/");

    public async Task RunAsync(CancellationToken cancellation)
    {
        CartogramEndpoint endpoint;
        try
        {
            endpoint = endpointFactory();
        }
        catch (Exception exception) when (exception is InvalidOperationException or ArgumentException or FormatException)
        {
            log($"init failed: {exception.Message}");
            await PostErrorAsync(new Uri(_base, "init/error"), "Runtime.InitError", exception.Message, cancellation).ConfigureAwait(false);
            throw;
        }

        while (!cancellation.IsCancellationRequested)
        {
            using var next = await client.GetAsync(new Uri(_base, "invocation/next"), HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
            next.EnsureSuccessStatusCode();
            var requestId = Header(next, "Lambda-Runtime-Aws-Request-Id")
                ?? throw new InvalidOperationException("The Runtime API sent an invocation without Lambda-Runtime-Aws-Request-Id.");
            var trace = Header(next, "Lambda-Runtime-Trace-Id");
            if (trace is not null)
            {
                // The documented way to hand the X-Ray trace header to code that makes downstream calls.
                Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID", trace);
            }

            var budget = Budget(Header(next, "Lambda-Runtime-Deadline-Ms"));
            var eventBytes = await next.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            await HandleOneAsync(endpoint, requestId, eventBytes, budget, cancellation).ConfigureAwait(false);
        }
    }

    private async Task HandleOneAsync(CartogramEndpoint endpoint, string requestId, byte[] eventBytes, TimeSpan? budget, CancellationToken cancellation)
    {
        byte[] answer;
        try
        {
            var request = ApiGatewayProxy.ReadEvent(eventBytes);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
            if (budget is { } b)
            {
                deadline.CancelAfter(b + TimeSpan.FromMilliseconds(500));
            }

            var response = endpoint.Handle(request, budget, deadline.Token);
            answer = ApiGatewayProxy.WriteResponse(response);
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            log($"invocation {requestId}: unreadable event: {exception.Message}");
            await PostErrorAsync(new Uri(_base, $"invocation/{requestId}/error"), "Runtime.InvalidEvent", exception.Message, cancellation).ConfigureAwait(false);
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellation.IsCancellationRequested)
        {
            log($"invocation {requestId}: {exception.GetType().Name}: {exception.Message}");
            await PostErrorAsync(new Uri(_base, $"invocation/{requestId}/error"), "Runtime.UnhandledException", exception.Message, cancellation).ConfigureAwait(false);
            return;
        }

        using var content = new ByteArrayContent(answer);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var posted = await client.PostAsync(new Uri(_base, $"invocation/{requestId}/response"), content, cancellation).ConfigureAwait(false);
        if (!posted.IsSuccessStatusCode)
        {
            log($"invocation {requestId}: the Runtime API refused the response with {(int)posted.StatusCode}");
        }
    }

    private async Task PostErrorAsync(Uri url, string errorType, string message, CancellationToken cancellation)
    {
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", message);
            writer.WriteString("errorType", errorType);
            writer.WriteEndObject();
        }

        using var content = new ByteArrayContent(json.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        content.Headers.Add("Lambda-Runtime-Function-Error-Type", errorType);
        using var posted = await client.PostAsync(url, content, cancellation).ConfigureAwait(false);
        if (!posted.IsSuccessStatusCode)
        {
            log($"the Runtime API refused an error report with {(int)posted.StatusCode}");
        }
    }

    private static TimeSpan? Budget(string? deadlineHeader)
    {
        if (!long.TryParse(deadlineHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var deadlineMs))
        {
            return null;
        }

        var remaining = DateTimeOffset.FromUnixTimeMilliseconds(deadlineMs) - DateTimeOffset.UtcNow - DeadlineMargin;
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;
}
