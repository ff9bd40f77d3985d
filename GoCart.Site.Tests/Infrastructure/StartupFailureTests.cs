using System.Text.Json;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>A site that cannot start says why in one Fatal JSON line and exits 1, without a stack trace.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task A_malformed_setting_stops_the_process_with_one_fatal_line_naming_the_variable()
    {
        var (exitCode, output) = await SiteProcess.RunAsync(new Dictionary<string, string> { ["CARTOGRAM_PUBLIC_URL"] = "not a url" });

        Assert.Equal(1, exitCode);
        var fatal = FatalMessages(output);
        Assert.Single(fatal);
        Assert.Contains("CARTOGRAM_PUBLIC_URL", fatal[0]);
        Assert.DoesNotContain("Unhandled exception", output);
        Assert.DoesNotContain("   at ", output);
    }

    [Fact]
    public async Task Migrate_exits_1_when_the_database_is_unreachable_without_showing_the_password()
    {
        var url = $"Host=127.0.0.1;Port={Loopback.FreePort()};Username=nobody;Password=very-secret-password;Database=gocart;Timeout=3";

        var (exitCode, output) = await SiteProcess.RunAsync(new Dictionary<string, string> { ["CARTOGRAM_DATABASE_URL"] = url }, "migrate");

        Assert.Equal(1, exitCode);
        Assert.Contains("migrating the database failed", Assert.Single(FatalMessages(output)));
        Assert.DoesNotContain("very-secret-password", output);
    }

    private static List<string> FatalMessages(string output) =>
        [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith('{'))
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.TryGetProperty("@l", out var level) && level.GetString() == "Fatal")
            .Select(e => e.GetProperty("@mt").GetString() + " " + (e.TryGetProperty("Reason", out var reason) ? reason.GetString() : ""))];
}
