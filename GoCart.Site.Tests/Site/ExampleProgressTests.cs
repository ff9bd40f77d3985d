using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Cartograms;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// A library example's key is derived from its map, so Redis can hold an earlier run's progress for it (another
/// database, an earlier deployment). The new run shows only its own progress: a queued record shows none, and
/// the run starts its progress afresh.
/// </summary>
public sealed class ExampleProgressTests
{
    [LibraryFact]
    public async Task A_library_example_computed_again_never_shows_an_earlier_runs_progress()
    {
        using var redis = await OwnRedisServer.StartAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_REDIS_URL"] = redis.Address });
        var client = new SiteClient(factory);
        var map = factory.Services.GetRequiredService<MapLibrary>().Find("world_by_country_since_2022")!;
        var key = CartogramKeys.Example(map);
        var store = factory.Services.GetRequiredService<IProgressStore>();
        Assert.True(await store.TryUpdateAsync(new ProgressUpdate(key, GenerateCartogramJob.FinalOrder, 1, 0.003, "an earlier run"), CancellationToken.None));

        var csv = SiteClient.LibraryCsv("world_by_country_since_2022", "world_population_by_country_2010.csv");
        var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = map.Id, csv, title = "World" });
        var submitted = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString();
        Assert.Equal(key, submitted);

        var seen = new List<(string Status, double Progress, string? Stage)>();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (seen.Count == 0 || seen[^1].Status is not ("succeeded" or "failed"))
        {
            Assert.True(DateTime.UtcNow < deadline, $"The example did not finish: {string.Join(", ", seen.TakeLast(3))}");
            var status = await client.StatusAsync(key);
            seen.Add((status.GetProperty("status").GetString()!, status.GetProperty("progress").GetDouble(), status.TryGetProperty("stage", out var stage) ? stage.GetString() : null));
            await Task.Delay(50);
        }

        Assert.Equal("succeeded", seen[^1].Status);
        Assert.Contains(seen, s => s.Status is "queued" or "running");
        Assert.DoesNotContain(seen, s => s.Stage == "an earlier run");
        Assert.Equal(seen.Select(s => s.Progress).Order(), seen.Select(s => s.Progress));
    }
}
