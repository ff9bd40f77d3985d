using System.Collections.Concurrent;
using System.Diagnostics;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>A site process started by <see cref="SiteProcess.StartAsync"/>: its address, its console output, and a hard kill.</summary>
public sealed class RunningSite : IDisposable
{
    private readonly Process _process;

    internal RunningSite(Process process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, line) => Record(line.Data);
        process.ErrorDataReceived += (_, line) => Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <summary>The port it listens on, as nginx's upstream names it.</summary>
    public int Port => new Uri(Url).Port;

    /// <summary>SIGKILL, as the kernel's out-of-memory killer or `docker kill` does it: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        Http.Dispose();
    }

    /// <summary>True once the site says it listens on its address and answers /health/live there; false if it exits first.</summary>
    internal async Task<bool> WaitUntilLiveAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                return false;
            }

            if (Output.Any(line => line.Contains("Now listening on", StringComparison.Ordinal) && line.Contains(Url, StringComparison.Ordinal)))
            {
                using var response = await Http.GetAsync("/health/live");
                Assert.True(response.IsSuccessStatusCode, $"/health/live answered {(int)response.StatusCode}.");
                return true;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The site did not listen on {Url} within 90 s: {string.Join('\n', Output)}");
            await Task.Delay(100);
        }
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            Output.Enqueue(line);
        }
    }
}
