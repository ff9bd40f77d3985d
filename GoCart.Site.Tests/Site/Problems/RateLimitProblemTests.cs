using System.Net;
using System.Net.Http.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>A client over the submission limit gets a 429 problem that states the limit and Retry-After.</summary>
public sealed class RateLimitProblemTests
{
    [LibraryFact]
    public async Task Submissions_over_the_limit_answer_a_429_problem()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_SUBMISSIONS_PER_MINUTE"] = "1" });
        var client = new SiteClient(factory);
        var body = new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 1 } };
        Assert.Equal(HttpStatusCode.Accepted, (await client.Http.PostAsJsonAsync("/api/v1/cartograms", body)).StatusCode);

        var refused = await client.Http.PostAsJsonAsync("/api/v1/cartograms", body);

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests, "at most 1 a minute");
        Assert.Equal("60", refused.Headers.RetryAfter!.ToString());
    }
}
