using Hangfire;
using Prometheus;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// GoCart's own Prometheus metrics, besides the HTTP request counts and durations that the request middleware
/// records: cartogram generation durations (recorded by whoever runs a generation) and background job counts
/// (read from Hangfire's storage at each scrape).
/// </summary>
public static class SiteMetrics
{
    private static readonly Histogram Generation;

    private static readonly Gauge Jobs;

    static SiteMetrics()
    {
        // Before the default registry collects for the first time: only the process metrics, the HTTP metrics
        // and ours, not every .NET event counter and meter (they cost CPU and bury the few that matter).
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });
        Generation = Metrics.CreateHistogram(
            "gocart_cartogram_generation_seconds",
            "Time to compute one cartogram, from the job's start to the engine's answer.",
            new HistogramConfiguration { LabelNames = ["outcome"], Buckets = Histogram.ExponentialBuckets(0.125, 2, 10) });
        Jobs = Metrics.CreateGauge("gocart_jobs", "Hangfire background jobs by state (enqueued is the queue length).", "state");
    }

    /// <summary>The registry /metrics exports.</summary>
    public static CollectorRegistry Registry => Metrics.DefaultRegistry;

    /// <summary>Records one cartogram generation: how long it took and whether it produced a cartogram.</summary>
    public static void RecordGeneration(TimeSpan duration, bool succeeded) =>
        Generation.WithLabels(succeeded ? "succeeded" : "failed").Observe(duration.TotalSeconds);

    /// <summary>Reads the job counts from Hangfire's storage: one cheap statistics query per scrape.</summary>
    public static void ObserveJobs(JobStorage storage)
    {
        var statistics = storage.GetMonitoringApi().GetStatistics();
        Jobs.WithLabels("enqueued").Set(statistics.Enqueued);
        Jobs.WithLabels("scheduled").Set(statistics.Scheduled);
        Jobs.WithLabels("processing").Set(statistics.Processing);
        Jobs.WithLabels("failed").Set(statistics.Failed);
        Jobs.WithLabels("succeeded").Set(statistics.Succeeded);
    }
}
