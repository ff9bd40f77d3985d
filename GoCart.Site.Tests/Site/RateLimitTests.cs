using System.Net;
using System.Net.Http.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>Submissions are limited per address and minute; reading is not.</summary>
public sealed class RateLimitTests
{
    [LibraryFact]
    public async Task Submissions_over_the_limit_get_429_with_retry_after_while_pages_still_load()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_SUBMISSIONS_PER_MINUTE"] = "3" });
        var client = new SiteClient(factory);
        var body = new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 1 } };

        var answers = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 4; i++)
        {
            last = await client.Http.PostAsJsonAsync("/api/v1/cartograms", body);
            answers.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal("60", last!.Headers.RetryAfter!.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/maps")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.Http.GetAsync("/api/v1/maps")).StatusCode);
    }
}
