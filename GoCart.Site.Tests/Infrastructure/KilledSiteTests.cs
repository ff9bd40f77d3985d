using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Site;
using Npgsql;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// The site process is killed (SIGKILL) while a cartogram is running, and started again: with PostgreSQL the
/// job's claim lapses after CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS without keep-alives, and the restarted
/// site runs it to the end.
/// </summary>
public sealed class KilledSiteTests
{
    private const int InvisibilitySeconds = 10;

    [LibraryFact]
    public async Task A_cartogram_running_when_the_site_is_killed_completes_after_a_restart()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "gocart-killed-" + Guid.NewGuid().ToString("N"));
        var environment = new Dictionary<string, string>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
            ["CARTOGRAM_DATA_DIR"] = dataDir,
            ["CARTOGRAM_JOB_INVISIBILITY_TIMEOUT_SECONDS"] = InvisibilitySeconds.ToString(CultureInfo.InvariantCulture),
        };
        try
        {
            string key;
            TimeSpan killedAt;
            var clock = Stopwatch.StartNew();
            using (var first = await SiteProcess.StartAsync(environment))
            {
                var csv = SiteClient.LibraryCsv("world_by_country_since_2022", "world_population_by_country_2010.csv");
                var response = await first.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "world_by_country_since_2022", csv, title = "Killed mid-job" });
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
                await WaitForStatusAsync(first.Http, key, "running", TimeSpan.FromSeconds(60));

                first.Kill();
                killedAt = clock.Elapsed;
            }

            Assert.Equal("running", await RecordStatusAsync(database, key));
            using var second = await SiteProcess.StartAsync(environment);
            var restartedAfter = clock.Elapsed - killedAt;
            await WaitForStatusAsync(second.Http, key, "succeeded", TimeSpan.FromSeconds(60));
            var doneAfter = clock.Elapsed - killedAt;

            var page = await second.Http.GetStringAsync($"/cartogram/{key}");
            Assert.Contains("id=\"cartogram\"", page);
            Assert.Equal(2, await ProcessingStatesAsync(database, key));
            await TestArtifacts.AppendLineAsync("fault-report.txt", string.Create(CultureInfo.InvariantCulture,
                $"site killed mid-job: restarted site answered {restartedAfter.TotalSeconds:0.0} s after the kill, the cartogram succeeded {doneAfter.TotalSeconds:0.0} s after it (invisibility timeout {InvisibilitySeconds} s)"));
        }
        finally
        {
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static async Task WaitForStatusAsync(HttpClient http, string key, string wanted, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = (await http.GetFromJsonAsync<JsonElement>($"/api/v1/cartograms/{key}")).GetProperty("status").GetString();
            if (status == wanted)
            {
                return;
            }

            Assert.True(status is "queued" or "running", $"Cartogram {key} is {status}, waiting for {wanted}.");
            Assert.True(DateTime.UtcNow < deadline, $"Cartogram {key} is still {status} after {timeout.TotalSeconds:0} s, waiting for {wanted}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The record's status straight from the database (the site is down).</summary>
    private static async Task<string> RecordStatusAsync(TemporaryPostgresDatabase database, string key)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Status\" FROM cartograms WHERE \"Key\" = @key", connection) { Parameters = { new("key", key) } };
        return ((string)(await command.ExecuteScalarAsync())!).ToLowerInvariant();
    }

    /// <summary>How many times Hangfire moved the cartogram's job to Processing: once per process that ran it.</summary>
    private static async Task<long> ProcessingStatesAsync(TemporaryPostgresDatabase database, string key)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        const string Sql = "SELECT count(*) FROM hangfire.state s JOIN hangfire.job j ON j.id = s.jobid WHERE s.name = 'Processing' AND j.arguments::text LIKE @key";
        await using var command = new NpgsqlCommand(Sql, connection) { Parameters = { new("key", $"%{key}%") } };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
