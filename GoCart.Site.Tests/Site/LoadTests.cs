using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Bounded load on loopback against the site on Kestrel with PostgreSQL and Redis: many viewers of one shared
/// cartogram, and many generations at once. Figures go to artifacts/load-report.txt (docs/reliability.md).
/// </summary>
[Collection(LoadTestGroup.Name)]
public sealed class LoadTests
{
    /// <summary>A shared result is served from the page cache; an unshared one reads the database on every view.</summary>
    [LibraryTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Two_hundred_concurrent_viewers_for_thirty_seconds_get_no_errors(bool shared)
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        string key;
        await using (var factory = KestrelFactory(database, out _))
        {
            var client = new SiteClient(factory);
            key = await SubmitAsync(client, "austria_by_state_since_1945", new Dictionary<string, double> { ["Wien"] = 2, ["Tirol"] = 1 });
            Assert.Equal("succeeded", (await client.WaitAsync(key)).GetProperty("status").GetString());
            if (shared)
            {
                await client.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Share", []);
            }
        }

        // The viewers are served by the site as ops run it (its own process, production settings and garbage
        // collector), not by a copy inside the test process, where the load generator's work and garbage would
        // count as the site's.
        using var process = await SiteProcess.StartAsync(new Dictionary<string, string>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });
        var site = process.Url;
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 200, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(site), Timeout = TimeSpan.FromSeconds(30) };
        // A freshly started site compiles its code on the first requests; viewers meet a warm site.
        for (var i = 0; i < 50; i++)
        {
            using var warmUp = await http.GetAsync($"/cartogram/{key}");
            Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);
        }

        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentBag<string>();
        var until = DateTime.UtcNow.AddSeconds(30);
        await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            while (DateTime.UtcNow < until)
            {
                var clock = Stopwatch.StartNew();
                try
                {
                    // Read the whole page, but into a sink rather than a fresh array per response: the generator
                    // shares the two cores with the site, and its garbage would show up as the site's latency.
                    using var response = await http.GetAsync($"/cartogram/{key}", HttpCompletionOption.ResponseHeadersRead);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Add(((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    errors.Add(exception.GetType().Name);
                }

                latencies.Add(clock.Elapsed.TotalMilliseconds);
            }
        }));

        var sorted = latencies.Order().ToArray();
        var report = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"viewers: 200 for 30 s of a{(shared ? " shared" : "n unshared")} result, {sorted.Length} requests ({sorted.Length / 30.0:0} per second), {errors.Count} errors, p50 {Percentile(sorted, 0.50):0} ms, p99 {Percentile(sorted, 0.99):0} ms, max {sorted[^1]:0} ms");
        await Report(report);
        // The site's own account of a failed request (its log's exception lines) says why, not just that it failed.
        var causes = process.Output.Where(line => line.Contains("\"@x\"", StringComparison.Ordinal)).Take(3);
        Assert.True(errors.IsEmpty, $"{report}; errors: {string.Join(", ", errors.Take(10))}; the site logged: {string.Join("\n", causes)}");
        Assert.True(sorted.Length > 1000, report);
    }

    [LibraryFact]
    public async Task Twenty_world_maps_submitted_at_once_all_succeed()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = KestrelFactory(database, out _);
        var client = new SiteClient(factory);
        var csv = await File.ReadAllTextAsync(Geo.RepositoryFiles.MapFile("world_by_country_since_2022", "world_population_by_country_2010.csv"));
        var clock = Stopwatch.StartNew();

        var keys = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "world_by_country_since_2022", csv, title = $"World {i}" });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        }));
        var statuses = await Task.WhenAll(keys.Select(k => client.WaitAsync(k, TimeSpan.FromMinutes(10))));

        await Report(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"generations: 20 world maps at once, all done in {clock.Elapsed.TotalSeconds:0} s"));
        Assert.All(statuses, s => Assert.Equal("succeeded", s.GetProperty("status").GetString()));
    }

    private static GoCartFactory KestrelFactory(TemporaryPostgresDatabase database, out string site)
    {
        var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
            ["CARTOGRAM_SUBMISSIONS_PER_MINUTE"] = "10000",
        });
        site = factory.StartKestrel();
        return factory;
    }

    private static async Task<string> SubmitAsync(SiteClient client, string map, Dictionary<string, double> values)
    {
        var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map, values });
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static Task Report(string line) => TestArtifacts.AppendLineAsync("load-report.txt", line);
}

/// <summary>The load tests run alone, so that they neither disturb nor are disturbed by the other tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadTestGroup
{
    public const string Name = "Load";
}
