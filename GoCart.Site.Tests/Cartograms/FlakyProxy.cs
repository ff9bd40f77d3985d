using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>
/// A loopback HTTP server standing in for a hiccuping API Gateway: it fails the first N requests in the way
/// <see cref="LambdaFault"/> says (503 unless told otherwise), then forwards requests (headers and body) to the
/// real `gocart serve` behind it, each held open for a given time. It counts what it received and how many
/// requests it had open at most at once.
/// </summary>
public sealed class FlakyProxy : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;
    private int _failed;
    private int _open;
    private int _mostOpen;

    private FlakyProxy(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public int Requests => _requests;

    /// <summary>The most requests that were open at the same moment.</summary>
    public int MostOpenAtOnce => Volatile.Read(ref _mostOpen);

    /// <summary>
    /// Starts a proxy whose first <paramref name="failures"/> requests fail with <paramref name="fault"/>; with
    /// <paramref name="only"/>, only requests whose body it accepts fail (and count towards the failures).
    /// </summary>
    public static async Task<FlakyProxy> StartAsync(string target, int failures, LambdaFault fault = LambdaFault.ServiceUnavailable, TimeSpan? hold = null, Func<string, bool>? only = null)
    {
        var (app, port) = Loopback.WebApp();
        var proxy = new FlakyProxy(app, $"http://127.0.0.1:{port}/");
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        app.MapPost("/", async (HttpContext context) =>
        {
            var open = Interlocked.Increment(ref proxy._open);
            var most = Volatile.Read(ref proxy._mostOpen);
            while (open > most && Interlocked.CompareExchange(ref proxy._mostOpen, open, most) != most)
            {
                most = Volatile.Read(ref proxy._mostOpen);
            }

            try
            {
                await AnswerAsync(proxy, context, http, target, failures, fault, hold ?? TimeSpan.Zero, only, app.Lifetime.ApplicationStopping);
            }
            finally
            {
                Interlocked.Decrement(ref proxy._open);
            }
        });
        await app.StartAsync();
        return proxy;
    }

    private static async Task AnswerAsync(FlakyProxy proxy, HttpContext context, HttpClient http, string target, int failures, LambdaFault fault, TimeSpan hold, Func<string, bool>? only, CancellationToken stopping)
    {
        await Task.Delay(hold, stopping);
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, stopping);
        Interlocked.Increment(ref proxy._requests);
        var failing = (only is null || only(System.Text.Encoding.UTF8.GetString(body.ToArray()))) && Interlocked.Increment(ref proxy._failed) <= failures;
        switch (failing ? fault : (LambdaFault?)null)
        {
            case LambdaFault.ServiceUnavailable:
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            case LambdaFault.InternalServerError:
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                await context.Response.WriteAsJsonAsync(new { message = "Internal server error" }, CancellationToken.None);
                return;
            case LambdaFault.Timeout:
                await HangAsync(context, stopping);
                return;
            case LambdaFault.NotJson:
                context.Response.ContentType = "text/html";
                await context.Response.WriteAsync("<html><body><h1>502 Bad Gateway</h1></body></html>", CancellationToken.None);
                return;
        }

        var (status, answer) = await ForwardAsync(http, target, context.Request, body.ToArray());
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(
            (failing, fault) switch
            {
                (true, LambdaFault.NotFiniteNumbers) => InfiniteAreaErrors(answer),
                (true, _) => answer.AsMemory(0, answer.Length / 2),
                _ => answer,
            },
            CancellationToken.None);
    }

    private static async Task<(int Status, byte[] Body)> ForwardAsync(HttpClient http, string target, HttpRequest request, byte[] body)
    {
        using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body) };
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
