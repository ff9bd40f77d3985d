using System.Net;
using GoCart.Site.Tests.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>
/// An engine answer the pages could not show (area errors that read as infinite) fails the job with a message;
/// the status endpoint and the page keep answering 200 with it, never 500.
/// </summary>
public sealed class FailedJobTests
{
    private const string ApiKey = "failed-job-test-key-1234";

    [LibraryFact]
    public async Task A_result_with_numbers_that_are_not_finite_fails_with_a_message_and_answers_200()
    {
        var (serve, engine) = await GocartExecutable.StartServeAsync(ApiKey);
        using var _ = serve;
        await using var proxy = await FlakyProxy.StartAsync(engine, failures: 1, LambdaFault.NotFiniteNumbers);
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_LAMBDA_URL"] = proxy.Url,
            ["CARTOGRAM_LAMBDA_KEY"] = ApiKey,
        });
        var client = new SiteClient(factory);
        var key = await client.SubmitAsync(new { map = "concentric_circles", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 } });

        var status = await client.WaitAsync(key);

        Assert.Equal("failed", status.GetProperty("status").GetString());
        var error = status.GetProperty("error").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(error));
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync($"/api/v1/cartograms/{key}")).StatusCode);
        var page = WebUtility.HtmlDecode(await client.GetPageAsync($"/cartogram/{key}"));
        Assert.Contains("This cartogram could not be made", page);
        Assert.Contains(error, page);
    }
}
