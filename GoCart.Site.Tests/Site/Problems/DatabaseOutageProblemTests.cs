using System.Net;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>With PostgreSQL stopped, the API answers a 503 problem with Retry-After instead of a crash.</summary>
public sealed class DatabaseOutageProblemTests
{
    [Fact]
    public async Task The_status_endpoint_answers_a_503_problem_while_the_database_is_down()
    {
        await using var postgres = await OwnPostgresServer.StartAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_DATABASE_URL"] = postgres.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
        });
        var client = new SiteClient(factory);
        await client.GetPageAsync("/api/v1/maps");
        await postgres.StopAsync();

        var response = await client.Http.GetAsync("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable, "cannot reach its database");
        Assert.Equal("30", response.Headers.RetryAfter!.ToString());
    }
}
