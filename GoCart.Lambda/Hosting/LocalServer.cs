using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace GoCart.Lambda.Hosting;

/// <summary>
/// `gocart serve`: a local stand-in for API Gateway + Lambda on 127.0.0.1, answering POST / with the same
/// <see cref="CartogramEndpoint"/> the Lambda uses. Like API Gateway with a required API key, it answers 403
/// to a missing or wrong x-api-key (compared in constant time) before reading the body.
/// </summary>
public sealed class LocalServer(CartogramEndpoint endpoint, string apiKey, PayloadLimits limits, Action<string> log) : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly byte[] _apiKeyHash = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));
    private readonly SemaphoreSlim _slots = new(Math.Max(1, Environment.ProcessorCount));

    public void Start(int port)
    {
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        log($"gocart serve: listening on http://127.0.0.1:{port}/ (POST a cartogram request with x-api-key)");
    }

    public async Task RunAsync(CancellationToken cancellation)
    {
        using var registration = cancellation.Register(_listener.Stop);
        while (!cancellation.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }

            _ = Task.Run(() => ServeAsync(context, cancellation), CancellationToken.None);
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _slots.Dispose();
    }

    private async Task ServeAsync(HttpListenerContext context, CancellationToken cancellation)
    {
        var response = context.Response;
        try
        {
            if (!KeyMatches(context.Request.Headers["x-api-key"]))
            {
                await DiscardBodyAsync(context.Request, cancellation).ConfigureAwait(false);
                await WriteAsync(response, new HttpExchangeResponse(403, JsonContent, """{"error":"Forbidden: missing or wrong x-api-key.","kind":"Forbidden"}"""u8.ToArray())).ConfigureAwait(false);
                return;
            }

            if (context.Request.ContentLength64 > limits.MaxRequestBytes)
            {
                await DiscardBodyAsync(context.Request, cancellation).ConfigureAwait(false);
                await WriteAsync(response, new HttpExchangeResponse(413, JsonContent, """{"error":"The request is larger than the limit.","kind":"TooLarge"}"""u8.ToArray())).ConfigureAwait(false);
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var body = await ReadBodyAsync(context.Request, cancellation).ConfigureAwait(false);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!, k => context.Request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new HttpExchangeRequest(context.Request.HttpMethod, headers, body);
            await _slots.WaitAsync(cancellation).ConfigureAwait(false);
            HttpExchangeResponse answer;
            try
            {
                answer = await Task.Run(() => endpoint.Handle(request, null, cancellation), cancellation).ConfigureAwait(false);
            }
            finally
            {
                _slots.Release();
            }

            await WriteAsync(response, answer).ConfigureAwait(false);
            log($"gocart serve: {request.Method} answered {answer.StatusCode} in {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms");
        }
        catch (Exception exception) when (exception is HttpListenerException or IOException or OperationCanceledException)
        {
            log($"gocart serve: request aborted: {exception.Message}");
        }
        finally
        {
            response.Close();
        }
    }

    private static readonly Dictionary<string, string> JsonContent = new() { ["Content-Type"] = "application/json; charset=utf-8" };

    private async Task<byte[]> ReadBodyAsync(HttpListenerRequest request, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.InputStream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limits.MaxRequestBytes)
            {
                break;
            }
        }

        return buffer.ToArray();
    }

    // A refused request's body is read and dropped (up to the size limit) before the answer: closing a socket
    // with unread data makes the kernel reset the connection, and the client would see "connection reset"
    // instead of the 403 or 413.
    private async Task DiscardBodyAsync(HttpListenerRequest request, CancellationToken cancellation)
    {
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while (total <= limits.MaxRequestBytes && (read = await request.InputStream.ReadAsync(chunk, cancellation).ConfigureAwait(false)) > 0)
        {
            total += read;
        }
    }

    // Comparing fixed-length hashes keeps the comparison constant-time even in the key's length.
    private bool KeyMatches(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), _apiKeyHash);

    private static async Task WriteAsync(HttpListenerResponse response, HttpExchangeResponse answer)
    {
        response.StatusCode = answer.StatusCode;
        foreach (var (name, value) in answer.Headers)
        {
            if (string.Equals(name, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                response.ContentType = value;
            }
            else
            {
                response.AddHeader(name, value);
            }
        }

        response.ContentLength64 = answer.Body.Length;
        await response.OutputStream.WriteAsync(answer.Body).ConfigureAwait(false);
    }
}
