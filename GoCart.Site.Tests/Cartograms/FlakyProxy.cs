using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>
/// A loopback HTTP server standing in for a hiccuping API Gateway: it answers 503 to the first N requests, then
/// forwards requests (headers and body) to the real `gocart serve` behind it. It counts what it received.
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

    public static async Task<FlakyProxy> StartAsync(string target, int failures)
    {
        var (app, port) = Loopback.WebApp();
        var proxy = new FlakyProxy(app, $"http://127.0.0.1:{port}/");
        var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        app.MapPost("/", async (HttpContext context) =>
        {
            if (Interlocked.Increment(ref proxy._requests) <= failures)
            {
                context.Response.StatusCode = 503;
                return;
            }

            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            using var forward = new HttpRequestMessage(HttpMethod.Post, target) { Content = new ByteArrayContent(body.ToArray()) };
            forward.Headers.Add("x-api-key", context.Request.Headers["x-api-key"].ToString());
            forward.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var answer = await http.SendAsync(forward);
            context.Response.StatusCode = (int)answer.StatusCode;
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(await answer.Content.ReadAsByteArrayAsync());
        });
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
