using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// docker/nginx/gocart.conf as it is, moved onto loopback ports in a throw-away folder: throw-away certificates
/// where certbot would put them, an ACME challenge file, its upstream's servers replaced by the given ports,
/// and a main nginx.conf that includes it. <see cref="StartAsync"/> runs nginx in the foreground until disposed.
/// </summary>
public sealed partial class LoopbackNginx : IDisposable
{
    public const string Domain = "go-cart.example.org";

    private readonly TemporaryFolder _folder = new("nginx");

    private Process? _process;

    public LoopbackNginx(int httpPort, int httpsPort)
    {
        HttpPort = httpPort;
        HttpsPort = httpsPort;
    }

    public int HttpPort { get; }

    public int HttpsPort { get; }

    public string HttpsUrl => $"https://127.0.0.1:{HttpsPort}";

    /// <summary>The main config, once <see cref="PrepareAsync"/> wrote it.</summary>
    public string ConfigFile => _folder.File("nginx.conf");

    public string ErrorLog => _folder.File("error.log");

    /// <summary>Writes everything nginx needs; the upstream's servers become <paramref name="upstreamPorts"/> on loopback.</summary>
    public async Task PrepareAsync(IReadOnlyList<int> upstreamPorts)
    {
        var certificates = Directory.CreateDirectory(_folder.File("live")).FullName;
        var openssl = await ExternalTool.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", $"/CN={Domain}",
            "-keyout", Path.Combine(certificates, "privkey.pem"), "-out", Path.Combine(certificates, "fullchain.pem")]);
        Assert.True(openssl.ExitCode == 0, openssl.Everything);
        var webroot = Directory.CreateDirectory(Path.Combine(_folder.Path, "www", ".well-known", "acme-challenge")).FullName;
        await File.WriteAllTextAsync(Path.Combine(webroot, "token-123"), "proof-of-control");

        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docker", "nginx", "gocart.conf"));
        var servers = UpstreamServer().Matches(original);
        Assert.True(servers.Count > 0, "gocart.conf has no 'server 127.0.0.1:500x' lines in its upstream");
        var upstream = string.Concat(upstreamPorts.Select(port => $"    server 127.0.0.1:{port} max_fails=1 fail_timeout=30s;\n"));
        var rewritten = original[..servers[0].Index] + upstream + UpstreamServer().Replace(original[servers[0].Index..], "");
        foreach (var (from, to) in new Dictionary<string, string>
        {
            [$"/etc/letsencrypt/live/{Domain}/"] = certificates + "/",
            ["root /var/www/certbot;"] = $"root {_folder.File("www")};",
            ["listen 80;"] = $"listen 127.0.0.1:{HttpPort};",
            ["listen [::]:80;"] = "",
            ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{HttpsPort} ssl http2;",
            ["listen [::]:443 ssl http2;"] = "",
        })
        {
            Assert.True(rewritten.Contains(from, StringComparison.Ordinal), $"gocart.conf no longer contains '{from}'");
            rewritten = rewritten.Replace(from, to, StringComparison.Ordinal);
        }

        await File.WriteAllTextAsync(_folder.File("gocart.conf"), rewritten);
        var temp = Directory.CreateDirectory(_folder.File("temp")).FullName;
        var main = new StringBuilder()
            .AppendLine("daemon off;")
            .AppendLine("master_process off;")
            .AppendLine($"pid {_folder.File("nginx.pid")};")
            .AppendLine($"error_log {ErrorLog};")
            .AppendLine("events {}")
            .AppendLine("http {")
            .AppendLine("  access_log off;")
            .AppendLine($"  client_body_temp_path {temp}/body;")
            .AppendLine($"  proxy_temp_path {temp}/proxy;")
            .AppendLine($"  fastcgi_temp_path {temp}/fastcgi;")
            .AppendLine($"  uwsgi_temp_path {temp}/uwsgi;")
            .AppendLine($"  scgi_temp_path {temp}/scgi;")
            .AppendLine($"  include {_folder.File("gocart.conf")};")
            .AppendLine("}");
        await File.WriteAllTextAsync(ConfigFile, main.ToString());
    }

    /// <summary>`nginx -t` on the prepared config.</summary>
    public Task<ExternalTool.Result> TestAsync() => ExternalTool.RunAsync("nginx", ["-t", "-p", _folder.Path, "-c", ConfigFile, "-e", ErrorLog]);

    /// <summary>Starts nginx on the prepared config and returns once it listens for HTTPS.</summary>
    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo("nginx")
        {
            ArgumentList = { "-p", _folder.Path, "-c", ConfigFile, "-e", ErrorLog },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        await Loopback.WaitUntilListeningAsync(HttpsPort);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            _process.WaitForExit();
        }

        _process?.Dispose();
        _folder.Dispose();
    }

    [GeneratedRegex(@"(?m)^[ \t]*server 127\.0\.0\.1:500\d[^;\n]*;\n")]
    private static partial Regex UpstreamServer();
}
