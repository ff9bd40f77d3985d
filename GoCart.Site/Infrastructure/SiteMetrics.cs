using Hangfire;
using Prometheus;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// GoCart's own Prometheus metrics, besides the HTTP request counts and durations that the request middleware
/// records: cartogram generation durations (recorded by whoever runs a generation), background job counts (read
/// from Hangfire's storage at each scrape, so every replica reports the same shared queue), job wait and run
/// times, Lambda call outcomes and concurrency, and refusals by the rate limits and the admin lockout. Times are
/// histograms rather than summaries so that percentiles can be taken over all replicas together
/// (<c>histogram_quantile</c> over the summed buckets; docs/deploy.md lists the panels).
/// </summary>
public static class SiteMetrics
{
    private static readonly Histogram Generation;

    private static readonly Gauge Jobs;

    private static readonly Histogram JobWait;

    private static readonly Histogram JobRun;

    private static readonly Counter LambdaCalls;

    private static readonly Gauge LambdaInFlight;

    private static readonly Gauge LambdaWaiting;

    private static readonly Counter Refusals;

    static SiteMetrics()
    {
        // Before the default registry collects for the first time: only the process metrics, the HTTP metrics
        // and ours, not every .NET event counter and meter (they cost CPU and bury the few that matter).
        Metrics.SuppressDefaultMetrics(new SuppressDefaultMetricOptions { SuppressEventCounters = true, SuppressMeters = true });
        Generation = Metrics.CreateHistogram(
            "gocart_cartogram_generation_seconds",
            "Time to compute one cartogram, from the job's start to the engine's answer.",
            new HistogramConfiguration { LabelNames = ["outcome"], Buckets = Histogram.ExponentialBuckets(0.125, 2, 10) });
        Jobs = Metrics.CreateGauge("gocart_jobs", "Hangfire background jobs by state (enqueued is the queue length), in the store all replicas share.", "state");
        var seconds = Histogram.ExponentialBuckets(0.0625, 2, 14);
        JobWait = Metrics.CreateHistogram(
            "gocart_job_wait_seconds",
            "Time from a job's creation to the start of its run in this replica (a retry's delay included).",
            new HistogramConfiguration { LabelNames = ["job"], Buckets = seconds });
        JobRun = Metrics.CreateHistogram(
            "gocart_job_run_seconds",
            "Time one run of a job took in this replica, by job and by whether the run threw.",
            new HistogramConfiguration { LabelNames = ["job", "outcome"], Buckets = seconds });
        LambdaCalls = Metrics.CreateCounter("gocart_lambda_calls_total", "Calls to the engine Lambda by final outcome (after the retries of one call).", "outcome");
        LambdaInFlight = Metrics.CreateGauge("gocart_lambda_calls_in_flight", "Calls to the engine Lambda this replica has open now (at most CARTOGRAM_LAMBDA_CONCURRENCY).");
        LambdaWaiting = Metrics.CreateGauge("gocart_lambda_calls_waiting", "Calls to the engine Lambda waiting in this replica for a free slot.");
        Refusals = Metrics.CreateCounter("gocart_rate_limit_refusals_total", "Requests refused by a rate limit (429) or by the admin lockout, by policy.", "policy");
    }

    /// <summary>The registry /metrics exports.</summary>
    public static CollectorRegistry Registry => Metrics.DefaultRegistry;

    /// <summary>Records one cartogram generation: how long it took and whether it produced a cartogram.</summary>
    public static void RecordGeneration(TimeSpan duration, bool succeeded) =>
        Generation.WithLabels(succeeded ? "succeeded" : "failed").Observe(duration.TotalSeconds);

    public static void RecordJobWait(string job, TimeSpan wait) => JobWait.WithLabels(job).Observe(Math.Max(0, wait.TotalSeconds));

    public static void RecordJobRun(string job, TimeSpan duration, bool threw) =>
        JobRun.WithLabels(job, threw ? "threw" : "completed").Observe(duration.TotalSeconds);

    public static void RecordLambdaCall(string outcome) => LambdaCalls.WithLabels(outcome).Inc();

    /// <summary>Counts a call waiting for a slot until the returned scope is disposed.</summary>
    public static IDisposable TrackLambdaWaiting() => LambdaWaiting.TrackInProgress();

    /// <summary>Counts a call in flight until the returned scope is disposed.</summary>
    public static IDisposable TrackLambdaInFlight() => LambdaInFlight.TrackInProgress();

    public static void RecordRefusal(string policy) => Refusals.WithLabels(policy).Inc();

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
