using System.Collections.Concurrent;
using System.Threading.Channels;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Hosting;

/// <summary>
/// A real implementation of the Lambda Runtime API's four endpoints on a loopback port (Kestrel), for driving
/// the actual `gocart` executable as AWS would: invocations are queued by the test and handed out by
/// /invocation/next; responses, errors and init errors are collected for the test to inspect.
/// </summary>
public sealed class RuntimeApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<Invocation> _pending = Channel.CreateUnbounded<Invocation>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Outcome>> _outcomes = new();

    private RuntimeApiServer(WebApplication app)
    {
        _app = app;
    }

    public string Address { get; private set; } = "";

    public TaskCompletionSource<string> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<RuntimeApiServer> StartAsync()
    {
        var (app, port) = Loopback.WebApp();
        var server = new RuntimeApiServer(app) { Address = $"127.0.0.1:{port}" };
        app.MapGet("/2018-06-01/runtime/invocation/next", server.NextAsync);
        app.MapPost("/2018-06-01/runtime/invocation/{id}/response", (string id, HttpRequest request) => server.CompleteAsync(id, request, isError: false));
        app.MapPost("/2018-06-01/runtime/invocation/{id}/error", (string id, HttpRequest request) => server.CompleteAsync(id, request, isError: true));
        app.MapPost("/2018-06-01/runtime/init/error", async (HttpRequest request) =>
        {
            server.InitError.TrySetResult(await new StreamReader(request.Body).ReadToEndAsync());
            return Results.Accepted();
        });
        await app.StartAsync();
        return server;
    }

    /// <summary>Queues an invocation and returns what the runtime answered.</summary>
    public Task<Outcome> InvokeAsync(string eventJson, TimeSpan timeUntilDeadline)
    {
        var id = Guid.NewGuid().ToString("N");
        var outcome = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        _outcomes[id] = outcome;
        var deadline = DateTimeOffset.UtcNow.Add(timeUntilDeadline).ToUnixTimeMilliseconds();
        _pending.Writer.TryWrite(new Invocation(id, eventJson, deadline));
        return outcome.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task NextAsync(HttpContext context)
    {
        var invocation = await _pending.Reader.ReadAsync(context.RequestAborted);
        context.Response.Headers["Lambda-Runtime-Aws-Request-Id"] = invocation.Id;
        context.Response.Headers["Lambda-Runtime-Deadline-Ms"] = invocation.DeadlineMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers["Lambda-Runtime-Trace-Id"] = "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1";
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(invocation.EventJson, context.RequestAborted);
    }

    private async Task<IResult> CompleteAsync(string id, HttpRequest request, bool isError)
    {
        var body = await new StreamReader(request.Body).ReadToEndAsync();
        if (_outcomes.TryRemove(id, out var outcome))
        {
            outcome.TrySetResult(new Outcome(isError, body));
            return Results.Accepted();
        }

        return Results.NotFound();
    }

    public sealed record Outcome(bool IsError, string Body);

    private sealed record Invocation(string Id, string EventJson, long DeadlineMs);
}
