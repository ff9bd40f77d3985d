using System.Collections.Concurrent;
using System.Diagnostics;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Hosting;

/// <summary>Starts the built `gocart` executable (dotnet gocart.dll) as a child process, as AWS or a developer would.</summary>
public sealed class GocartExecutable : IDisposable
{
    private readonly Process _process;

    private GocartExecutable(Process process)
    {
        _process = process;
    }

    public static string DllPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
            var path = Path.Combine(RepositoryFiles.Root, "GoCart.Lambda", "bin", configuration, "net10.0", "gocart.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build GoCart.Lambda first.", path);
        }
    }

    public static GocartExecutable Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("gocart did not start.");
        var gocart = new GocartExecutable(process);
        process.OutputDataReceived += (_, line) => gocart.Record(line.Data);
        process.ErrorDataReceived += (_, line) => gocart.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return gocart;
    }

    /// <summary>
    /// `gocart serve` on loopback, returned once it says it listens. Another test's server can take a free port
    /// between choosing it and gocart binding it (gocart then exits, and requests would reach that server), so
    /// without a given port the next free one is tried.
    /// </summary>
    public static async Task<(GocartExecutable Serve, string Url)> StartServeAsync(string apiKey, IReadOnlyDictionary<string, string>? environment = null, int? port = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var chosen = port ?? Loopback.FreePort();
            var url = $"http://127.0.0.1:{chosen}/";
            var serve = Start(environment ?? new Dictionary<string, string>(), "serve", "--port", chosen.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", apiKey);
            if (await serve.WaitForOutputAsync($"listening on {url}"))
            {
                return (serve, url);
            }

            serve.Dispose();
            Assert.True(port is null && attempt < 3, $"gocart serve did not listen on {url}: {string.Join('\n', serve.Output)}");
        }
    }

    public bool HasExited => _process.HasExited;

    public ConcurrentQueue<string> Output { get; } = new();

    /// <summary>True once a line of output contains <paramref name="text"/>; false if gocart exits first.</summary>
    public async Task<bool> WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!Output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (_process.HasExited)
            {
                return false;
            }

            Assert.True(DateTime.UtcNow < deadline, $"gocart printed no \"{text}\" within a minute: {string.Join('\n', Output)}");
            await Task.Delay(50);
        }

        return true;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }
}
