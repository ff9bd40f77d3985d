using System.Diagnostics;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>The built site run as a real process (`dotnet GoCart.Site.dll ...`), as Docker and ops run it.</summary>
public static class SiteProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        using var process = Process.Start(StartInfo(environment, $"http://127.0.0.1:{Loopback.FreePort()}", arguments))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await errors);
    }

    /// <summary>
    /// Starts the site as a server on a free loopback port and returns once it listens there and answers
    /// /health/live. Another test's server can take the port while the site starts (the site then exits), so the
    /// next free port is tried.
    /// </summary>
    public static async Task<RunningSite> StartAsync(IDictionary<string, string> environment, string? siteFolder = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var url = $"http://127.0.0.1:{Loopback.FreePort()}";
            var site = new RunningSite(Process.Start(StartInfo(environment, url, [], siteFolder))!, url);
            try
            {
                if (await site.WaitUntilLiveAsync())
                {
                    return site;
                }

                Assert.True(attempt < 3, $"The site exited while starting: {string.Join('\n', site.Output)}");
            }
            catch
            {
                site.Dispose();
                throw;
            }

            site.Dispose();
        }
    }

    /// <summary>
    /// The site's publish output (made once per test run from the existing build), for tests whose browser needs the
    /// static assets: outside Development the build folder serves none, the image's publish output does.
    /// </summary>
    public static Task<string> PublishedAsync() => Published.Value;

    private static readonly Lazy<Task<string>> Published = new(async () =>
    {
        var folder = Path.Combine(Path.GetTempPath(), "gocart-published-site-" + Guid.NewGuid().ToString("N"));
        var project = Path.Combine(RepositoryFiles.Root, "GoCart.Site", "GoCart.Site.csproj");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-c", Configuration, "--no-build", "-o", folder, "-v", "quiet", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start)!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed: {await output}{await errors}");
        return folder;
    });

    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static ProcessStartInfo StartInfo(IDictionary<string, string> environment, string url, string[] arguments, string? siteFolder = null)
    {
        var site = siteFolder is null
            ? Path.Combine(RepositoryFiles.Root, "GoCart.Site", "bin", Configuration, "net10.0", "GoCart.Site.dll")
            : Path.Combine(siteFolder, "GoCart.Site.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(site)! };
        start.ArgumentList.Add(site);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CARTOGRAM_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "gocart-process-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = url;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }
}
