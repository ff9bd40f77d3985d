using System.Diagnostics;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>The built site run as a real process (`dotnet GoCart.Site.dll ...`), as Docker and ops run it.</summary>
public static class SiteProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(IDictionary<string, string> environment, params string[] arguments)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        var site = Path.Combine(RepositoryFiles.Root, "GoCart.Site", "bin", configuration, "net10.0", "GoCart.Site.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(site)! };
        start.ArgumentList.Add(site);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CARTOGRAM_DATA_DIR"] = Path.Combine(Path.GetTempPath(), "gocart-process-" + Guid.NewGuid().ToString("N"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Loopback.FreePort()}";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
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
}
