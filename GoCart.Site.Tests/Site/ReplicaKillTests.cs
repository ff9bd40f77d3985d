using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Npgsql;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// One of two replicas is killed (SIGKILL) while it runs a cartogram: its claim on the job lapses after
/// CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS, the other replica runs it to the end, and visitors going through
/// nginx never notice (nginx skips the dead replica). Its own stack, since it leaves one replica dead.
/// </summary>
public sealed class ReplicaKillTests(TwoReplicaSite site) : IClassFixture<TwoReplicaSite>
{
    private const string WorldMap = "world_by_country_since_2022";

    [LibraryFact]
    public async Task Killing_the_replica_that_runs_a_job_loses_nothing_and_the_other_finishes_it()
    {
        using var visitor = site.ThroughNginx(IPAddress.Parse("127.0.0.5"));
        var csv = SiteClient.LibraryCsv(WorldMap, "world_population_by_country_2010.csv");
        var world = await SubmitAsync(visitor, new { map = WorldMap, csv, title = "Replica killed mid-job" });
        var queued = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            queued.Add(await SubmitAsync(visitor, new { map = "concentric_circles", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 2 + i } }));
        }

        await WaitForStatusAsync(visitor, world, "running", TimeSpan.FromSeconds(60));
        var runner = await RunningProcessAsync(world);
        var victim = site.Replicas.Single(replica => replica.ProcessId == runner);
        var clock = Stopwatch.StartNew();
        victim.Kill();

        await WaitForStatusAsync(visitor, world, "succeeded", TimeSpan.FromSeconds(90));
        var doneAfter = clock.Elapsed;
        foreach (var key in queued)
        {
            await WaitForStatusAsync(visitor, key, "succeeded", TimeSpan.FromSeconds(60));
        }

        var page = await visitor.GetAsync($"/cartogram/{world}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("id=\"cartogram\"", await page.Content.ReadAsStringAsync());
        var servers = await ProcessingServersAsync(world);
        Assert.Equal(2, servers.Count);
        Assert.NotEqual(servers[0], servers[1]);
        await TestArtifacts.AppendLineAsync("replicas-report.txt", string.Create(CultureInfo.InvariantCulture,
            $"replica killed mid-job: the world map succeeded on the other replica {doneAfter.TotalSeconds:0.0} s after the kill (invisibility timeout {TwoReplicaSite.JobInvisibilitySeconds} s); 4 queued cartograms succeeded too"));
    }

    private static async Task<string> SubmitAsync(HttpClient visitor, object body)
    {
        using var response = await visitor.PostAsJsonAsync("/api/v1/cartograms", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/v1/cartograms answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>Polls through nginx; every answer must be 200, before and after the kill.</summary>
    private static async Task WaitForStatusAsync(HttpClient visitor, string key, string wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            using var response = await visitor.GetAsync($"/api/v1/cartograms/{key}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/v1/cartograms/{key} through nginx answered {(int)response.StatusCode}");
            var status = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString();
            if (status == wanted)
            {
                return;
            }

            Assert.True(status is "queued" or "running", $"Cartogram {key} is {status}, waiting for {wanted}.");
            Assert.True(DateTime.UtcNow < deadline, $"Cartogram {key} is still {status} after {timeout.TotalSeconds:0} s, waiting for {wanted}.");
            await Task.Delay(50);
        }
    }

    /// <summary>The process id of the Hangfire server that took the job last (its server id is host:pid:guid).</summary>
    private async Task<int> RunningProcessAsync(string key)
    {
        var servers = await ProcessingServersAsync(key);
        Assert.NotEmpty(servers);
        return int.Parse(servers[^1].Split(':')[^2], CultureInfo.InvariantCulture);
    }

    /// <summary>The servers that moved the cartogram's job to Processing, in order: one per run.</summary>
    private async Task<List<string>> ProcessingServersAsync(string key)
    {
        await using var connection = new NpgsqlConnection(site.Database.ConnectionString);
        await connection.OpenAsync();
        const string Sql = "SELECT s.data->>'ServerId' FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Processing' AND j.arguments::text LIKE @key ORDER BY s.id";
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new("key", $"%{key}%") } };
        await using var reader = await command.ExecuteReaderAsync();
        var servers = new List<string>();
        while (await reader.ReadAsync())
        {
            servers.Add(reader.GetString(0));
        }

        return servers;
    }
}
