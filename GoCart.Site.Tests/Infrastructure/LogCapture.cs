using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// Everything a site logs through Microsoft.Extensions.Logging (start-up lines, jobs, Hangfire), with messages,
/// structured values and exceptions, for tests that check what logs never contain. It is the site's logger
/// factory itself and outlives the site: Hangfire keeps the last host's factory in a static, and a disposed
/// factory there would break every later host in the test process.
/// </summary>
public sealed class LogCapture : ILoggerFactory
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join('\n', Lines);

    /// <summary>The factory's site with this capture as its only logger factory (Serilog included, it is replaced).</summary>
    public WebApplicationFactory<Program> Attach(WebApplicationFactory<Program> factory) =>
        factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<ILoggerFactory>(this)));

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(pair => $"{pair.Key}={pair.Value}")) : "";
            capture.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
