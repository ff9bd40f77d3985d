using System.Collections.Concurrent;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Hosting;

/// <summary>A loopback HTTP receiver that records progress posts and checks their signatures with the shared verifier.</summary>
public sealed class ProgressReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ProgressReceiver(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<(ProgressUpdate Update, bool SignatureValid)> Received { get; } = new();

    public static async Task<ProgressReceiver> StartAsync(string secret)
    {
        var (app, port) = Loopback.WebApp();
        var receiver = new ProgressReceiver(app, $"http://127.0.0.1:{port}/api/progress");
        app.MapPost("/api/progress", async (HttpRequest request) =>
        {
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            var body = buffer.ToArray();
            var valid = ProgressSignature.Verify(secret, request.Headers[ProgressSignature.TimestampHeader], request.Headers[ProgressSignature.SignatureHeader], body, DateTimeOffset.UtcNow, ProgressSignature.DefaultTolerance);
            receiver.Received.Enqueue((JsonSerializer.Deserialize(body, ContractJson.Default.ProgressUpdate)!, valid));
            return valid ? Results.NoContent() : Results.Unauthorized();
        });
        await app.StartAsync();
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
