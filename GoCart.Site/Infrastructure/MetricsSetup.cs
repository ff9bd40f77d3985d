using Hangfire;
using Prometheus;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Prometheus metrics at /metrics, for this machine only: a caller that is not loopback or a trusted proxy, or
/// whose request was forwarded for someone else (through nginx), gets 404 as if nothing were there.
/// </summary>
public static class MetricsSetup
{
    public const string Path = "/metrics";

    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static WebApplication UseGoCartMetrics(this WebApplication app)
    {
        app.UseHttpMetrics(options => options.ConfigureMeasurements(measurement => measurement.Registry = SiteMetrics.Registry));
        app.MapGet(Path, ExportAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task ExportAsync(HttpContext context, SiteSettings settings, JobStorage storage)
    {
        if (!ForwardedHeadersSetup.IsLocalCaller(context, settings))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        SiteMetrics.ObserveJobs(storage);
        context.Response.ContentType = ContentType;
        context.Response.Headers.CacheControl = "no-store";
        await SiteMetrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
    }
}
