using System.Diagnostics;
using System.Globalization;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// A private PostgreSQL server (initdb and pg_ctl from the distribution's package, found by scripts/test.sh) with
/// its own throw-away data folder on a free loopback port, for tests that stop and restart it (never the shared
/// one). PostgreSQL refuses to run as root, so as root every command runs as the postgres user, as in test.sh.
/// </summary>
public sealed class OwnPostgresServer : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _dataDir;

    private OwnPostgresServer(string dataDir, int port)
    {
        _dataDir = dataDir;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres";

    /// <summary>Creates a new cluster and starts it.</summary>
    public static async Task<OwnPostgresServer> StartAsync()
    {
        // Directly under the temp folder, which the postgres user may write to (it creates the folder itself).
        var dataDir = Path.Combine(Path.GetTempPath(), "gocart-postgres-" + Guid.NewGuid().ToString("N"));
        var server = new OwnPostgresServer(dataDir, Loopback.FreePort());
        try
        {
            await RunAsync("initdb", "-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale");
            await server.StartAgainAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the stopped server again, on the same port and data.</summary>
    public Task StartAgainAsync() => RunAsync(
        "pg_ctl", "-D", _dataDir, "-l", Path.Combine(_dataDir, "server.log"), "-w", "-t", "60", "-o",
        $"-p {Port.ToString(CultureInfo.InvariantCulture)} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
        "start");

    /// <summary>A clean shutdown as a package upgrade or `systemctl restart` does it: connected clients are cut off.</summary>
    public Task StopAsync() => RunAsync("pg_ctl", "-D", _dataDir, "-m", "fast", "-w", "-t", "60", "stop");

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_dataDir, "postmaster.pid")))
        {
            await RunAsync("pg_ctl", "-D", _dataDir, "-m", "immediate", "-w", "stop");
        }

        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp folder, which the OS cleans eventually.
        }
        catch (UnauthorizedAccessException)
        {
            // Same (a non-root user cannot delete the postgres user's files).
        }
    }

    private static async Task RunAsync(string tool, params string[] arguments)
    {
        var binary = Path.Combine(TestServers.PostgresBinaries, tool);
        var start = Environment.IsPrivilegedProcess
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", "postgres", "--", binary } }
            : new ProcessStartInfo(binary);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(CommandTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await errors}");
        }
    }
}
