using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace GoCart.Site.Infrastructure;

/// <summary>Serilog to the console: readable text while developing, compact JSON in production, one line per request.</summary>
public static class LoggingSetup
{
    public static WebApplicationBuilder AddGoCartLogging(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        builder.Services.AddSerilog(logger =>
        {
            logger.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (production)
            {
                logger.WriteTo.Console(new CompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
            }
        });
        return builder;
    }

    public static WebApplication UseGoCartRequestLogging(this WebApplication app)
    {
        // Path only: query strings may carry keys, and bodies never belong in logs.
        app.UseSerilogRequestLogging(options =>
            options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} answered {StatusCode} in {Elapsed:0} ms");
        return app;
    }
}
