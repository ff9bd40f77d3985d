using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Serilog.AspNetCore;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;
using ILogger = Microsoft.Extensions.Logging.ILogger;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// Everything a site logs, at every level, with messages, structured values and exceptions, for tests that check
/// what logs never contain: all of Microsoft.Extensions.Logging (start-up lines, jobs, Hangfire, EF Core,
/// HttpClient) and Serilog's one line per request. It is the site's logger factory itself and outlives the
/// site: Hangfire keeps the last host's factory in a static, and a disposed factory there would break every
/// later host in the test process.
/// </summary>
public sealed class LogCapture : ILoggerFactory, ILogEventSink
{
    /// <summary>The message with strings unquoted, as the console shows it.</summary>
    private static readonly MessageTemplateTextFormatter LiteralMessage = new("{Message:lj}");

    public ConcurrentQueue<string> Lines { get; } = new();

    public string Text => string.Join('\n', Lines);

    /// <summary>
    /// The factory's site with this capture as its only logger factory (Serilog's console output is replaced)
    /// and as the sink of its request logging.
    /// </summary>
    public WebApplicationFactory<Program> Attach(WebApplicationFactory<Program> factory) => factory.WithWebHostBuilder(Configure);

    /// <summary>The same for a host being built (<see cref="GoCartFactory"/> takes a capture this way, and can then serve on Kestrel).</summary>
    public void Configure(IWebHostBuilder builder) => builder.ConfigureTestServices(services =>
    {
        services.AddSingleton<ILoggerFactory>(this);
        services.Configure<RequestLoggingOptions>(options =>
            options.Logger = new Serilog.LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(this).CreateLogger());
    });

    public void Emit(LogEvent logEvent)
    {
        using var message = new StringWriter();
        LiteralMessage.Format(logEvent, message);
        var values = string.Join(" ", logEvent.Properties.Select(property => $"{property.Key}={property.Value}"));
        Lines.Enqueue($"{logEvent.Level} Serilog: {message} [{values}] {logEvent.Exception}");
    }

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
