using System.Net;
using GoCart.Site.Tests.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// A dataset of three columns computed by the engine behind API Gateway, where every call for one column fails:
/// each column is one call (its own job), the two others are kept and shown, the failing one shows its message
/// with status 200, and "Try again" on it computes that column alone.
/// </summary>
public sealed class DatasetColumnFailureTests(ServedEngine engine) : IClassFixture<ServedEngine>
{
    private const string ApiKey = ServedEngine.ApiKey;
    private readonly string _engine = engine.Url;

    /// <summary>The inner circle's value in the failing column: the proxy fails the calls that carry it.</summary>
    private const double Marker = 4.321;

    [LibraryFact]
    public async Task One_failing_column_keeps_the_others_and_its_retry_computes_it_alone()
    {
        // Three attempts of the failing column's first run fail; its retry reaches the engine.
        await using var proxy = await FlakyProxy.StartAsync(_engine, failures: 3, LambdaFault.InternalServerError, only: body => body.Contains(":" + Marker.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_LAMBDA_URL"] = proxy.Url,
            ["CARTOGRAM_LAMBDA_KEY"] = ApiKey,
            ["CARTOGRAM_LAMBDA_TIMEOUT_SECONDS"] = "30",
        });
        var client = new SiteClient(factory);
        var key = await client.SubmitAsync(new
        {
            map = "concentric_circles",
            columns = new object[]
            {
                new { name = "Population (people)", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 } },
                new { name = "Trees (count)", values = new Dictionary<string, double> { ["inner"] = Marker, ["outer"] = 1 } },
                new { name = "Shops (count)", values = new Dictionary<string, double> { ["inner"] = 2, ["outer"] = 3 } },
            },
        });

        var status = await client.WaitAsync(key, TimeSpan.FromMinutes(3));

        Assert.Equal("failed", status.GetProperty("status").GetString());
        Assert.Contains("1 of 3 columns failed", status.GetProperty("error").GetString());
        var columns = status.GetProperty("columns").EnumerateArray().ToList();
        Assert.Equal(["succeeded", "failed", "succeeded"], columns.Select(c => c.GetProperty("status").GetString()));
        Assert.StartsWith("The cartogram service failed", columns[1].GetProperty("error").GetString());
        Assert.Equal(5, proxy.Requests);
        var failed = await client.Http.GetAsync($"/cartogram/{key}?column=1");
        Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
        var page = WebUtility.HtmlDecode(await failed.Content.ReadAsStringAsync());
        Assert.Contains("This cartogram could not be made", page);
        Assert.Contains($"action=\"/cartogram/{key}?handler=Retry&column=1\"", page);
        Assert.Contains("(failed)", page);
        Assert.Contains("id=\"cartogram\"", await client.GetPageAsync($"/cartogram/{key}?column=2"));

        var retry = await client.PostFormAsync($"/cartogram/{key}?column=1", $"/cartogram/{key}?handler=Retry&column=1", []);

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        Assert.Equal($"/cartogram/{key}?column=1", retry.Headers.Location!.ToString());
        var again = await client.WaitAsync(key, TimeSpan.FromMinutes(3));
        Assert.True(again.GetProperty("status").GetString() == "succeeded", again.ToString());
        Assert.Equal(6, proxy.Requests);
        Assert.Contains("id=\"cartogram\"", await client.GetPageAsync($"/cartogram/{key}?column=1"));
    }
}
