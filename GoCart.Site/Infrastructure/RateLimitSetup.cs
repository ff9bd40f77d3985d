using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using StackExchange.Redis;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Per-client limits on what costs the most: submitting cartograms (pages and API) and sending contact
/// messages. Reading is not limited. Over the limit the answer is 429 with Retry-After. With Redis
/// (CARTOGRAM_REDIS_URL) the counts are shared by every replica (<see cref="SharedFixedWindowLimiter"/>), so two
/// replicas do not double a limit; without it each process counts in memory.
/// </summary>
public static class RateLimitSetup
{
    public const string SubmissionsPolicy = "submissions";
    public const string ContactPolicy = "contact";
    public const int ContactPostsPerTenMinutes = 5;

    public static WebApplicationBuilder AddGoCartRateLimits(this WebApplicationBuilder builder, SiteSettings settings)
    {
        var shared = builder.Services.TryAddGoCartRedis(settings);
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                SiteMetrics.RecordRefusal(context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName ?? "unknown");
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SubmissionsPolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : Partition(context, shared, SubmissionsPolicy, settings.SubmissionsPerMinute, TimeSpan.FromMinutes(1)));
            options.AddPolicy(ContactPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? Partition(context, shared, ContactPolicy, ContactPostsPerTenMinutes, TimeSpan.FromMinutes(10))
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return builder;
    }

    /// <summary>One client's limiter for one policy: counted in Redis when it is configured, in memory otherwise.</summary>
    private static RateLimitPartition<string> Partition(HttpContext context, bool shared, string policy, int limit, TimeSpan window)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.Get(client, key =>
        {
            var memory = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 });
            if (!shared)
            {
                return memory;
            }

            var services = context.RequestServices;
            return new SharedFixedWindowLimiter(
                services.GetRequiredService<IConnectionMultiplexer>(),
                // The limit is part of the key: replicas of one deployment agree on it, and a changed limit starts afresh.
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{policy}:{limit}/{window.TotalSeconds}s:{key}"),
                limit,
                window,
                memory,
                services.GetRequiredService<ILoggerFactory>().CreateLogger<SharedFixedWindowLimiter>());
        });
    }
}
