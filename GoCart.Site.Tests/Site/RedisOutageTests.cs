using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Progress is a nicety: with Redis gone in the middle of things, cartograms still complete and every page and
/// API answer still works (without progress); when Redis is back, progress is stored again.
/// </summary>
public sealed class RedisOutageTests
{
    [LibraryFact]
    public async Task Cartograms_complete_and_pages_answer_while_redis_is_down_and_progress_returns_with_it()
    {
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var redis = await OwnRedisServer.StartAsync();
        try
        {
            await using var factory = new GoCartFactory(new Dictionary<string, string?>
            {
                ["CARTOGRAM_DATABASE_URL"] = database.ConnectionString,
                ["CARTOGRAM_REDIS_URL"] = redis.Address,
            });
            var client = new SiteClient(factory);
            var before = await SubmitAsync(client);
            Assert.Equal("succeeded", (await client.WaitAsync(before)).GetProperty("status").GetString());

            redis.Stop();
            var during = await SubmitAsync(client);
            var status = await client.WaitAsync(during);

            Assert.Equal("succeeded", status.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/cartogram/{during}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync($"/api/progress/{during}")).StatusCode);

            var port = redis.Port;
            redis.Dispose();
            redis = await OwnRedisServer.StartAsync(port);
            var store = factory.Services.GetRequiredService<IProgressStore>();
            var key = CartogramKeys.New();
            var stored = false;
            for (var attempt = 0; attempt < 50 && !stored; attempt++)
            {
                stored = await store.TryUpdateAsync(new GoCart.Lambda.Contract.ProgressUpdate(key, 1, 0.5, 0.1, "computing"), CancellationToken.None);
                if (!stored)
                {
                    await Task.Delay(200);
                }
            }

            Assert.True(stored, "Progress was not stored after Redis came back.");
            Assert.Equal(0.5, (await store.GetAsync(key, CancellationToken.None))!.Progress);
        }
        finally
        {
            redis.Dispose();
        }
    }

    private static async Task<string> SubmitAsync(SiteClient client)
    {
        var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 2, ["Tirol"] = 1 } });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }
}
