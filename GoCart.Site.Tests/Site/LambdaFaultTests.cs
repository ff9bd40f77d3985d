using System.Net;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The engine behind API Gateway keeps answering 500, not at all, or with garbage: the site tries three times
/// with backoff, then the cartogram fails with a message that says what happened, the page offers "Try again",
/// nothing stays running, and once the engine is healthy the retry button brings the cartogram.
/// </summary>
public sealed class LambdaFaultTests(ServedEngine engine) : IClassFixture<ServedEngine>
{
    private const string ApiKey = ServedEngine.ApiKey;
    private readonly string _engine = engine.Url;

    [LibraryTheory]
    [InlineData(LambdaFault.InternalServerError, "The cartogram service failed while computing this map.")]
    [InlineData(LambdaFault.Timeout, "The cartogram service took too long to answer.")]
    [InlineData(LambdaFault.NotJson, LambdaCartogramInvoker.UnreadableAnswer)]
    [InlineData(LambdaFault.TruncatedJson, LambdaCartogramInvoker.UnreadableAnswer)]
    public async Task A_failing_engine_ends_in_a_readable_error_and_the_retry_button_works_once_it_is_back(LambdaFault fault, string message)
    {
        // Three failures: all attempts of the first run; the retry after it reaches the real engine.
        await using var flaky = await FlakyProxy.StartAsync(_engine, failures: 3, fault);
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_LAMBDA_URL"] = flaky.Url,
            ["CARTOGRAM_LAMBDA_KEY"] = ApiKey,
            ["CARTOGRAM_LAMBDA_TIMEOUT_SECONDS"] = "3",
        });
        var client = new SiteClient(factory);
        var key = await client.SubmitAsync(new { map = "concentric_circles", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 } });

        var status = await client.WaitAsync(key);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.StartsWith(message, status.GetProperty("error").GetString());
        Assert.Equal(3, flaky.Requests);
        await client.WaitUntilJobsSettleAsync();
        Assert.Equal(0, factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().FailedCount());
        var page = WebUtility.HtmlDecode(await client.GetPageAsync($"/cartogram/{key}"));
        Assert.Contains("This cartogram could not be made", page);
        Assert.Contains(message, page);
        Assert.Contains("Try again", page);

        var retry = await client.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Retry", []);
        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal("succeeded", (await client.WaitAsync(key)).GetProperty("status").GetString());
        Assert.Equal(4, flaky.Requests);
        Assert.Contains("id=\"cartogram\"", await client.GetPageAsync($"/cartogram/{key}"));
    }
}
