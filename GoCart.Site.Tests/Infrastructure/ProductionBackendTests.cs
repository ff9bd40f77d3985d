using System.Collections.Concurrent;
using System.Net;
using GoCart.Site.Data;
using GoCart.Site.Tests.Geo;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>The site against the servers production uses: PostgreSQL for data and jobs, Redis for progress.</summary>
public class ProductionBackendTests
{
    [LibraryFact]
    public async Task Ready_is_healthy_against_real_postgres_and_redis()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });

        var response = await factory.CreateClient().GetAsync("/health/ready");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"database\":\"Healthy\"", body);
        Assert.Contains("\"redis\":\"Healthy\"", body);
    }

    [LibraryFact]
    public async Task Ready_is_unhealthy_when_redis_is_down()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        using var redis = await OwnRedisServer.StartAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = redis.Address,
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        redis.Stop();
        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("\"redis\":\"Unhealthy\"", await response.Content.ReadAsStringAsync());
    }

    [LibraryFact]
    public async Task A_cartogram_record_round_trips_through_postgres()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString });
        _ = factory.CreateClient();
        var created = new DateTime(2026, 11, 25, 8, 30, 0, DateTimeKind.Utc);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
            Assert.IsType<PostgresDbContext>(db);
            db.Cartograms.Add(new CartogramRecord
            {
                Key = new string('k', 32),
                MapId = "world_by_country_since_2022",
                Title = "Population 2010",
                Status = CartogramRecordStatus.Queued,
                CreatedUtc = created,
                LastAccessedUtc = created,
                RequestJson = [1, 2, 3],
            });
            await db.SaveChangesAsync();
        }

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
            var record = await db.Cartograms.SingleAsync(c => c.Key == new string('k', 32));
            Assert.Equal("world_by_country_since_2022", record.MapId);
            Assert.Equal(CartogramRecordStatus.Queued, record.Status);
            Assert.Equal(created, record.CreatedUtc);
            Assert.Equal([1, 2, 3], record.RequestJson);
        }
    }

    [LibraryFact]
    public async Task A_hangfire_job_is_enqueued_and_processed_on_postgres_storage()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString });
        _ = factory.CreateClient();
        var token = Guid.NewGuid().ToString("N");

        var jobId = factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue(() => HangfireProbe.Record(token));

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!HangfireProbe.Seen.ContainsKey(token) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(HangfireProbe.Seen.ContainsKey(token), $"job {jobId} was not processed within 30 s");
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand("SELECT count(*) FROM hangfire.job WHERE id = @id", connection);
        count.Parameters.AddWithValue("id", long.Parse(jobId, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1L, await count.ExecuteScalarAsync());
    }
}

/// <summary>A job with an observable effect, run by the site's own Hangfire server.</summary>
public static class HangfireProbe
{
    public static ConcurrentDictionary<string, DateTime> Seen { get; } = new();

    public static void Record(string token) => Seen[token] = DateTime.UtcNow;
}
