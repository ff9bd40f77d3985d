using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Deployment;

/// <summary>`dotnet GoCart.Site.dll healthcheck URL`, the container's HEALTHCHECK, run as Docker runs it.</summary>
public class HealthProbeTests
{
    private static string SiteDll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            return Path.Combine(RepositoryFiles.Root, "GoCart.Site", "bin", configuration, "net10.0", "GoCart.Site.dll");
        }
    }

    [Theory]
    [InlineData(200, 0)]
    [InlineData(503, 1)]
    public async Task The_healthcheck_command_exits_by_the_live_endpoints_answer(int status, int exitCode)
    {
        var (app, port) = Loopback.WebApp();
        app.MapGet("/health/live", () => Results.StatusCode(status));
        await app.StartAsync();
        await using var _ = app;

        var result = await ExternalTool.RunAsync("dotnet", [SiteDll, HealthProbe.Command, $"http://127.0.0.1:{port}/health/live"]);

        Assert.True(result.ExitCode == exitCode, result.Everything);
    }

    [Fact]
    public async Task The_healthcheck_command_fails_when_nothing_listens()
    {
        var port = Loopback.FreePort();

        var result = await ExternalTool.RunAsync("dotnet", [SiteDll, HealthProbe.Command, $"http://127.0.0.1:{port}/health/live"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not answer", result.Errors);
    }
}
