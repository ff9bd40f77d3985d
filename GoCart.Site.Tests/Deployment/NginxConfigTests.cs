using System.Net;
using GoCart.Site.Cartograms;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace GoCart.Site.Tests.Deployment;

/// <summary>
/// docker/nginx/gocart.conf checked by nginx itself with throw-away certificates, then run on loopback ports in
/// front of a small upstream that reports what reached it.
/// </summary>
public sealed class NginxConfigTests
{
    [Fact]
    public async Task Nginx_accepts_the_config_with_certificates_in_certbot_places()
    {
        using var nginx = new LoopbackNginx(httpPort: 80, httpsPort: 443);
        await nginx.PrepareAsync([5000, 5001, 5002, 5003]);

        var result = await nginx.TestAsync();

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
        using var nginx = new LoopbackNginx(httpPort, httpsPort);
        // The one upstream port that listens, and one that refuses, as with fewer replicas than listed ports.
        await nginx.PrepareAsync([Loopback.FreePort(), upstreamPort]);
        await nginx.StartAsync();

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
}
