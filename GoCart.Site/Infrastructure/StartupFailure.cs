using Serilog;
using Serilog.Formatting.Compact;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Stops the process cleanly when it cannot start (invalid settings, an unreachable database for `migrate`):
/// one Fatal log line in the same format as the running site's (compact JSON in production) that says what to
/// fix, exit code 1, no stack trace.
/// </summary>
public static class StartupFailure
{
    public const int ExitCode = 1;

    public static int Report(IHostEnvironment environment, string message)
    {
        var configuration = new LoggerConfiguration();
        using var logger = (environment.IsProduction()
            ? configuration.WriteTo.Console(new CompactJsonFormatter())
            : configuration.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}")).CreateLogger();
        logger.Fatal("GoCart cannot start: {Reason}", message);
        return ExitCode;
    }
}
