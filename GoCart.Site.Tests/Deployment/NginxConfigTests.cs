using System.Net;
using System.Text;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// docker/nginx/gocart.conf checked by nginx itself with throw-away certificates, then run on loopback ports in
/// front of a small upstream that reports what reached it.
/// </summary>
public sealed class NginxConfigTests : IDisposable
{
    private const string Domain = "go-cart.example.org";

    private readonly TemporaryFolder _folder = new("nginx");

    [Fact]
    public async Task Nginx_accepts_the_config_with_certificates_in_certbot_places()
    {
        var conf = await PrepareAsync(httpPort: 80, httpsPort: 443, upstreamPort: 5000);

        var result = await ExternalTool.RunAsync("nginx", ["-t", "-p", _folder.Path, "-c", conf, "-e", _folder.File("error.log")]);

        Assert.True(result.ExitCode == 0, result.Everything);
        Assert.Contains("test is successful", result.Everything);
    }

    [Fact]
    public async Task Nginx_redirects_serves_challenges_forwards_headers_and_guards_metrics_and_upload_size()
    {
        var (upstream, upstreamPort) = Loopback.WebApp();
        var metricsHits = 0;
        upstream.Map("/metrics", () => Interlocked.Increment(ref metricsHits));
        upstream.MapPost("/upload", async (HttpRequest request) =>
        {
            using var sink = new MemoryStream();
            await request.Body.CopyToAsync(sink);
            return Results.Text(sink.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
        upstream.MapFallback((HttpRequest request) => Results.Text(
            string.Join('\n', request.Headers.Where(h => h.Key.StartsWith("X-Forwarded", StringComparison.Ordinal) || h.Key == "Host").Select(h => $"{h.Key}={h.Value}"))
                + "\n" + new string('m', 4000),
            "application/json"));
        await upstream.StartAsync();
        await using var _ = upstream;
        int httpPort = Loopback.FreePort(), httpsPort = Loopback.FreePort();
        var conf = await PrepareAsync(httpPort, httpsPort, upstreamPort);
        using var nginx = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("nginx")
        {
            ArgumentList = { "-p", _folder.Path, "-c", conf, "-e", _folder.File("error.log") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            await Loopback.WaitUntilListeningAsync(httpsPort);
            using var handler = new HttpClientHandler { AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = (_, _, _, _) => true, AutomaticDecompression = DecompressionMethods.None };
            using var client = new HttpClient(handler);

            var redirect = await client.GetAsync($"http://127.0.0.1:{httpPort}/maps/world?x=1");
            Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
            Assert.Equal("https://127.0.0.1/maps/world?x=1", redirect.Headers.Location?.ToString());

            var challenge = await client.GetAsync($"http://127.0.0.1:{httpPort}/.well-known/acme-challenge/token-123");
            Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
            Assert.Equal("proof-of-control", await challenge.Content.ReadAsStringAsync());

            using var proxied = new HttpRequestMessage(HttpMethod.Get, $"https://127.0.0.1:{httpsPort}/anything");
            proxied.Headers.Add("X-Forwarded-For", "203.0.113.66");
            proxied.Headers.AcceptEncoding.ParseAdd("gzip");
            var answer = await client.SendAsync(proxied);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("gzip", Assert.Single(answer.Content.Headers.ContentEncoding));
            var headers = await new StreamReader(new System.IO.Compression.GZipStream(await answer.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync();
            Assert.Contains("X-Forwarded-For=127.0.0.1\n", headers);
            Assert.Contains("X-Forwarded-Proto=https\n", headers);
            Assert.Contains("X-Forwarded-Host=127.0.0.1\n", headers);
            Assert.True(answer.Headers.Contains("Strict-Transport-Security"));

            var metrics = await client.GetAsync($"https://127.0.0.1:{httpsPort}/metrics");
            Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
            Assert.Equal(0, metricsHits);

            // An upload just over the site's limit still reaches the site, which explains the limit; far over, nginx refuses.
            var justOver = (int)CartogramsSetup.MaxUploadBytes + (1024 * 1024);
            var small = await client.PostAsync($"https://127.0.0.1:{httpsPort}/upload", new ByteArrayContent(new byte[justOver]));
            Assert.Equal(justOver.ToString(System.Globalization.CultureInfo.InvariantCulture), await small.Content.ReadAsStringAsync());
            var large = await client.PostAsync($"https://127.0.0.1:{httpsPort}/upload", new ByteArrayContent(new byte[(int)CartogramsSetup.MaxUploadBytes + (3 * 1024 * 1024)]));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        }
        finally
        {
            nginx.Kill();
            await nginx.WaitForExitAsync();
        }
    }

    /// <summary>
    /// Writes certificates where the config expects certbot's, an ACME challenge file and a main nginx.conf that
    /// includes gocart.conf with its paths and ports moved into the temp folder; returns the main config's path.
    /// </summary>
    private async Task<string> PrepareAsync(int httpPort, int httpsPort, int upstreamPort)
    {
        var certificates = Directory.CreateDirectory(_folder.File("live")).FullName;
        var openssl = await ExternalTool.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", $"/CN={Domain}",
            "-keyout", Path.Combine(certificates, "privkey.pem"), "-out", Path.Combine(certificates, "fullchain.pem")]);
        Assert.True(openssl.ExitCode == 0, openssl.Everything);
        var webroot = Directory.CreateDirectory(Path.Combine(_folder.Path, "www", ".well-known", "acme-challenge")).FullName;
        await File.WriteAllTextAsync(Path.Combine(webroot, "token-123"), "proof-of-control");

        var original = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "docker", "nginx", "gocart.conf"));
        var rewritten = original;
        foreach (var (from, to) in new Dictionary<string, string>
        {
            [$"/etc/letsencrypt/live/{Domain}/"] = certificates + "/",
            ["root /var/www/certbot;"] = $"root {_folder.File("www")};",
            ["server 127.0.0.1:5000;"] = $"server 127.0.0.1:{upstreamPort};",
            ["listen 80;"] = $"listen 127.0.0.1:{httpPort};",
            ["listen [::]:80;"] = "",
            ["listen 443 ssl http2;"] = $"listen 127.0.0.1:{httpsPort} ssl http2;",
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
            .AppendLine($"error_log {_folder.File("error.log")};")
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
        await File.WriteAllTextAsync(_folder.File("nginx.conf"), main.ToString());
        return _folder.File("nginx.conf");
    }

    public void Dispose() => _folder.Dispose();
}
