using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>
/// A loopback HTTP server standing in for a hiccuping API Gateway: it fails the first N requests in the way
/// <see cref="LambdaFault"/> says (503 unless told otherwise), then forwards requests (headers and body) to the
/// real `gocart serve` behind it. It counts what it received.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private FlakyProxy(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public int Requests => _requests;

    public static async Task<FlakyProxy> StartAsync(string target, int failures, LambdaFault fault = LambdaFault.ServiceUnavailable)
    {
        var (app, port) = Loopback.WebApp();
        var proxy = new FlakyProxy(app, $"http://127.0.0.1:{port}/");
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        app.MapPost("/", async (HttpContext context) =>
        {
            var failing = Interlocked.Increment(ref proxy._requests) <= failures;
            switch (failing ? fault : (LambdaFault?)null)
            {
                case LambdaFault.ServiceUnavailable:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                case LambdaFault.InternalServerError:
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    await context.Response.WriteAsJsonAsync(new { message = "Internal server error" });
                    return;
                case LambdaFault.Timeout:
                    await HangAsync(context, app.Lifetime.ApplicationStopping);
                    return;
                case LambdaFault.NotJson:
                    context.Response.ContentType = "text/html";
                    await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>");
                    return;
            }

            var (status, answer) = await ForwardAsync(http, target, context.Request);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync((failing, fault) switch
            {
                (true, LambdaFault.NotFiniteNumbers) => InfiniteAreaErrors(answer),
                (true, _) => answer.AsMemory(0, answer.Length / 2),
                _ => answer,
            });
        });
        await app.StartAsync();
        return proxy;
    }

    private static async Task<(int Status, byte[] Body)> ForwardAsync(HttpClient http, string target, HttpRequest request)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body.ToArray()) };
        forward.Headers.Add("x-api-key", request.Headers["x-api-key"].ToString());
        forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var answer = await http.SendAsync(forward);
        return ((int)answer.StatusCode, await answer.Content.ReadAsByteArrayAsync());
    }

    private static byte[] InfiniteAreaErrors(byte[] answer) =>
        System.Text.Encoding.UTF8.GetBytes(System.Text.RegularExpressions.Regex.Replace(System.Text.Encoding.UTF8.GetString(answer), "\"areaError\":[-0-9.eE+]+", "\"areaError\":1e999"));

    /// <summary>Holds the request open, answering nothing, until the client hangs up (or the proxy stops).</summary>
    private static async Task HangAsync(HttpContext context, CancellationToken stopping)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        try
        {
            await Task.Delay(Timeout.Infinite, either.Token);
        }
        catch (OperationCanceledException)
        {
            // The client gave up, as it should.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
