using System.Net;
using System.Net.Http.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// When the engine cannot be reached (a Lambda URL where nothing listens) the job ends with a readable error,
/// the page says what went wrong and offers to retry, and retrying queues the same data again.
/// </summary>
public sealed class JobFailureTests
{
    [LibraryFact]
    public async Task An_unreachable_engine_fails_the_cartogram_with_a_message_and_a_retry()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_LAMBDA_URL"] = $"http://127.0.0.1:{Loopback.FreePort()}/cartogram",
            ["CARTOGRAM_LAMBDA_KEY"] = "test-key-that-is-long-enough",
            ["CARTOGRAM_LAMBDA_TIMEOUT_SECONDS"] = "2",
        });
        var client = new SiteClient(factory);
        var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 1 } });
        var key = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;

        var status = await client.WaitAsync(key);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var error = status.GetProperty("error").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(error));
        var page = await client.GetPageAsync($"/cartogram/{key}");
        Assert.Contains("could not be made", page);
        Assert.Contains("Try again", page);
        Assert.Contains($"/create?from={key}", page);

        var retry = await client.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Retry", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var again = await client.WaitAsync(key);
        Assert.Equal("failed", again.GetProperty("status").GetString());
    }
}
