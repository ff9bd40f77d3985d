using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// scripts/run-production-like.sh --check: the published site against its own PostgreSQL, Redis, SMTP sink and
/// `gocart serve`, and one cartogram made through the JSON API and computed by the Lambda stand-in.
/// </summary>
public class ProductionLikeScriptTests
{
    [Fact]
    public async Task The_production_like_stack_comes_up_and_computes_a_cartogram_with_gocart_serve()
    {
        var script = Path.Combine(RepositoryFiles.Root, "scripts", "run-production-like.sh");

        var result = await ExternalTool.RunAsync(script, ["--check", "--no-build"], RepositoryFiles.Root, timeout: TimeSpan.FromMinutes(5));

        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.Contains("check passed: cartogram", result.Output);
        Assert.Contains("computed by gocart serve", result.Output);
    }
}
