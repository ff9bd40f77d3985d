using System.Text.Json;
using GoCart.Site.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// /health/live: the process answers. /health/ready: the database answers and, when configured, Redis; 503
/// with the failing check named otherwise. Both bodies are small JSON documents without internals.
/// </summary>
public static class HealthSetup
{
    public static WebApplicationBuilder AddGoCartHealth(this WebApplicationBuilder builder, SiteSettings settings)
    {
        var checks = builder.Services.AddHealthChecks().AddDbContextCheck<GoCartDbContext>("database", tags: ["ready"]);
        if (settings.UsesRedis)
        {
            // The multiplexer itself is registered with the progress store that uses it.
            checks.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }

        return builder;
    }

    public static WebApplication MapGoCartHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["checks"] = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
