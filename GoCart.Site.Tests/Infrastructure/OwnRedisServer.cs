using System.Diagnostics;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>A private redis-server on a free loopback port, for tests that stop it (never the shared one).</summary>
public sealed class OwnRedisServer : IDisposable
{
    private readonly Process _process;

    private OwnRedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Starts a server on a free port, or on the given one (to bring a stopped server back).</summary>
    public static async Task<OwnRedisServer> StartAsync(int? onPort = null)
    {
        var port = onPort ?? Loopback.FreePort();

        var start = new ProcessStartInfo(TestServers.RedisServerBinary)
        {
            ArgumentList = { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var server = new OwnRedisServer(process, port);
        try
        {
            await Loopback.WaitUntilListeningAsync(port);
            return server;
        }
        catch (TimeoutException)
        {
            server.Dispose();
            throw;
        }
    }

    public void Stop()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Stop();
        _process.Dispose();
    }
}
