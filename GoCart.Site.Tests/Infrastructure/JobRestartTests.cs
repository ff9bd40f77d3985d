using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Tests.Geo;
using Hangfire;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>The embedded default keeps jobs in a file: a job queued while the site is down runs when it comes back.</summary>
public sealed class JobRestartTests
{
    [LibraryFact]
    public async Task A_job_queued_while_the_site_is_down_runs_after_it_starts_again()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "gocart-restart-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["CARTOGRAM_DATA_DIR"] = dataDir };
        var key = CartogramKeys.New();
        try
        {
            await using (var first = new GoCartFactory(settings))
            {
                _ = first.CreateClient();
                using var scope = first.Services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
                db.Cartograms.Add(new CartogramRecord
                {
                    Key = key,
                    MapId = "austria_by_state_since_1945",
                    Title = "Queued while down",
                    Status = CartogramRecordStatus.Queued,
                    CreatedUtc = DateTime.UtcNow,
                    LastAccessedUtc = DateTime.UtcNow,
                    RequestJson = CompressedJson.Serialize(new CartogramSubmission
                    {
                        MapId = "austria_by_state_since_1945",
                        RegionIdProperty = "shapeName",
                        Rows = [new SubmissionRow("Wien", null, 2, null, null), new SubmissionRow("Tirol", null, 1, null, null)],
                    }),
                });
                await db.SaveChangesAsync();
            }

            // The site is down: queue the job straight into its job file, as a web request would have.
            var storage = new SQLiteStorage(Path.Combine(dataDir, "hangfire.db"), new SQLiteStorageOptions());
            new BackgroundJobClient(storage).Enqueue<GenerateCartogramJob>(job => job.RunAsync(key, CancellationToken.None));

            await using var second = new GoCartFactory(settings);
            var status = await new Site.SiteClient(second).WaitAsync(key, TimeSpan.FromSeconds(60));

            Assert.Equal("succeeded", status.GetProperty("status").GetString());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open; the temp folder is cleaned eventually.
            }
        }
    }
}
