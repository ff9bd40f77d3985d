using System.Threading.RateLimiting;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Per-client limits on what costs the most: submitting cartograms (pages and API) and sending contact
/// messages. Reading is not limited. Over the limit the answer is 429 with Retry-After.
/// </summary>
public static class RateLimitSetup
{
    public const string SubmissionsPolicy = "submissions";
    public const string ContactPolicy = "contact";
    public const int ContactPostsPerTenMinutes = 5;

    public static WebApplicationBuilder AddGoCartRateLimits(this WebApplicationBuilder builder, SiteSettings settings)
    {
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(SubmissionsPolicy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.SubmissionsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.AddPolicy(ContactPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ContactPostsPerTenMinutes,
                    Window = TimeSpan.FromMinutes(10),
                    QueueLimit = 0,
                })
                : RateLimitPartition.GetNoLimiter("read"));
        });
        return builder;
    }
}
