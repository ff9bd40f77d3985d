using System.Diagnostics;
using System.Globalization;
using System.Net;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// PostgreSQL (cartograms and the Hangfire store) restarts while cartograms are queued and running: jobs that
/// hit the outage are retried, every one completes afterwards, and once the database is back no request fails.
/// </summary>
public sealed class PostgresRestartTests
{
    private const string Map = "usa_by_state_since_1959";

    private const int Cartograms = 6;

    /// <summary>Long enough for running jobs to finish computing and reach the database while it is down.</summary>
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(5);

    [LibraryFact]
    public async Task Cartograms_queued_and_running_during_a_restart_all_succeed_and_pages_answer_afterwards()
    {
        await using var postgres = await OwnPostgresServer.StartAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = postgres.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
            ["CARTOGRAM_SUBMISSIONS_PER_MINUTE"] = "10000",
        }, environment: "Production");
        var client = new SiteClient(factory);
        var csv = SiteClient.LibraryCsv(Map, "usa_population_by_state_2020.csv");
        var keys = new List<string>();
        for (var i = 0; i < Cartograms; i++)
        {
            // A tolerance other than the default makes each its own computation, not the map's shared example.
            keys.Add(await client.SubmitAsync(new { map = Map, csv, title = $"Restart {i}", maxAreaError = 0.009 }));
        }

        await WaitUntilOneRunsAsync(client, keys);
        var clock = Stopwatch.StartNew();
        await postgres.StopAsync();
        var stopped = clock.Elapsed;
        var during = await OutageAnswersAsync(client, keys[0]);
        if (Downtime - (clock.Elapsed - stopped) is { Ticks: > 0 } rest)
        {
            await Task.Delay(rest);
        }
        var startClock = Stopwatch.StartNew();
        await postgres.StartAgainAsync();
        var started = startClock.Elapsed;
        var back = clock.Elapsed;

        // From here on every request must succeed: WaitAsync fails on any answer other than 200.
        var statuses = new List<string>();
        foreach (var key in keys)
        {
            statuses.Add((await client.WaitAsync(key, TimeSpan.FromSeconds(120))).GetProperty("status").GetString()!);
        }

        var done = clock.Elapsed - back;
        await client.WaitUntilJobsSettleAsync();
        var storage = factory.Services.GetRequiredService<JobStorage>();
        var retried = Retried(storage);
        await TestArtifacts.AppendLineAsync("fault-report.txt", string.Create(CultureInfo.InvariantCulture,
            $"postgres restart: stop {stopped.TotalSeconds:0.0} s, down {Downtime.TotalSeconds:0} s ({during}), start {started.TotalSeconds:0.0} s; {retried} of {Cartograms} jobs retried; all {string.Join("/", statuses.Distinct())} {done.TotalSeconds:0.0} s after it was back"));
        Assert.All(statuses, status => Assert.Equal("succeeded", status));
        foreach (var key in keys)
        {
            Assert.Contains("id=\"cartogram\"", await client.GetPageAsync($"/cartogram/{key}"));
        }

        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/health/ready")).StatusCode);
        var monitoring = storage.GetMonitoringApi();
        Assert.Equal(0, monitoring.FailedCount());
        Assert.Equal(Cartograms, monitoring.SucceededListCount());
    }

    /// <summary>While the database is down, pages and the API answer 503 "briefly unavailable" (not 500), as does the readiness probe.</summary>
    private static async Task<string> OutageAnswersAsync(SiteClient client, string key)
    {
        var status = await client.Http.GetAsync($"/api/v1/cartograms/{key}");
        var page = await client.Http.GetAsync($"/cartogram/{key}");
        var ready = await client.Http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
        Assert.Contains("cannot reach its database for a moment", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        return $"meanwhile the status API answered {(int)status.StatusCode}, /health/ready {(int)ready.StatusCode}";
    }

    /// <summary>How many of the succeeded jobs Hangfire had to retry.</summary>
    private static int Retried(JobStorage storage)
    {
        using var connection = storage.GetConnection();
        return storage.GetMonitoringApi().SucceededJobs(0, 100).Count(job => connection.GetJobParameter(job.Key, "RetryCount") is not null);
    }

    private static async Task WaitUntilOneRunsAsync(SiteClient client, IReadOnlyList<string> keys)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var statuses = new List<string>();
            foreach (var key in keys)
            {
                statuses.Add((await client.StatusAsync(key)).GetProperty("status").GetString()!);
            }

            if (statuses.Contains("running") && statuses.Contains("queued"))
            {
                return;
            }

            Assert.True(statuses.Contains("queued"), $"No cartogram is queued any more ({string.Join(", ", statuses)}): submit more or bigger ones.");
            Assert.True(DateTime.UtcNow < deadline, "No cartogram started running within a minute.");
            await Task.Delay(50);
        }
    }
}
