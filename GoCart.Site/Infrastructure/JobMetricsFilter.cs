using System.Diagnostics;
using Hangfire.Server;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Records every job run's wait (from the job's creation to this worker taking it) and its run time in
/// <see cref="SiteMetrics"/>, labelled by the job's class. Given to this host's Hangfire server only, not added
/// to Hangfire's process-wide filters, so that several hosts in one process (the tests) do not count twice.
/// </summary>
public sealed class JobMetricsFilter(TimeProvider time) : IServerFilter
{
    private const string StartedKey = "gocart.metrics.started";

    public void OnPerforming(PerformingContext context)
    {
        SiteMetrics.RecordJobWait(JobName(context), time.GetUtcNow().UtcDateTime - context.BackgroundJob.CreatedAt);
        context.Items[StartedKey] = Stopwatch.GetTimestamp();
    }

    public void OnPerformed(PerformedContext context)
    {
        if (context.Items.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            SiteMetrics.RecordJobRun(JobName(context), Stopwatch.GetElapsedTime(timestamp), context.Exception is not null);
        }
    }

    private static string JobName(PerformContext context) => context.BackgroundJob.Job?.Type.Name ?? "unknown";
}
