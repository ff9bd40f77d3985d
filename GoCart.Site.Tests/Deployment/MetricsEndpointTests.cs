using System.Net;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace GoCart.Site.Tests.Deployment;

/// <summary>/metrics answers Prometheus text to this machine and nothing to anyone else.</summary>
public class MetricsEndpointTests
{
    private static async Task<HttpContext> GetMetricsAsync(GoCartFactory factory, string remote, string? forwardedFor = null)
    {
        _ = factory.CreateClient();
        return await factory.Server.SendAsync(context =>
        {
            context.Request.Method = "GET";
            context.Request.Path = MetricsSetup.Path;
            context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
            if (forwardedFor is not null)
            {
                context.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }
        });
    }

    private static async Task<string> BodyAsync(HttpContext context) => await new StreamReader(context.Response.Body).ReadToEndAsync();

    [Fact]
    public async Task A_loopback_caller_gets_prometheus_text_with_requests_jobs_and_generations()
    {
        await using var factory = new GoCartFactory();
        await factory.CreateClient().GetAsync("/health/live");
        SiteMetrics.RecordGeneration(TimeSpan.FromSeconds(2.5), succeeded: true);

        var context = await GetMetricsAsync(factory, "127.0.0.1");
        var body = await BodyAsync(context);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.StartsWith("text/plain; version=0.0.4", context.Response.ContentType, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_request_duration_seconds histogram", body);
        Assert.Contains("http_requests_received_total{", body);
        Assert.Contains("gocart_jobs{state=\"enqueued\"} 0", body);
        Assert.Contains("gocart_cartogram_generation_seconds_count{outcome=\"succeeded\"}", body);
        Assert.Contains("gocart_cartogram_generation_seconds_bucket{outcome=\"succeeded\",le=\"4\"}", body);
    }

    [Theory]
    [InlineData("203.0.113.9", null)]
    [InlineData("127.0.0.1", "203.0.113.9")]
    [InlineData("172.30.57.1", "203.0.113.9")]
    [InlineData("172.30.57.2", null)]
    public async Task Metrics_are_hidden_from_remote_and_forwarded_callers(string remote, string? forwardedFor)
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.TrustedProxiesKey] = "172.30.57.1" });

        var context = await GetMetricsAsync(factory, remote, forwardedFor);

        Assert.Equal(StatusCodes.Status404NotFound, context.Response.StatusCode);
        Assert.DoesNotContain("gocart_jobs", await BodyAsync(context));
    }

    [Fact]
    public async Task The_trusted_proxy_itself_may_read_metrics()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.TrustedProxiesKey] = "172.30.57.1" });

        var context = await GetMetricsAsync(factory, "172.30.57.1");

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_are_believed_only_from_a_trusted_proxy()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.TrustedProxiesKey] = "172.30.57.1" });
        _ = factory.CreateClient();

        async Task<(string? Remote, string Scheme)> SeenAsync(string remote) =>
            await SeenByTheSiteAsync(factory, remote);

        Assert.Equal(("198.51.100.4", "https"), await SeenAsync("172.30.57.1"));
        Assert.Equal(("198.51.100.4", "https"), await SeenAsync("127.0.0.1"));
        Assert.Equal(("203.0.113.9", "http"), await SeenAsync("203.0.113.9"));
    }

    [Fact]
    public async Task A_trusted_proxies_value_that_is_not_an_address_stops_start_up_naming_it()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [SiteSettings.TrustedProxiesKey] = "172.30.57.1, nginx" }).Build();
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.TrustedProxiesKey] = "172.30.57.1, nginx" });

        var result = new SiteSettingsValidator().Validate(null, SiteSettings.From(configuration, Path.GetTempPath()));

        Assert.Contains(SiteSettings.TrustedProxiesKey, result.FailureMessage);
        Assert.ThrowsAny<Exception>(() => factory.CreateClient());
    }

    private static async Task<(string? Remote, string Scheme)> SeenByTheSiteAsync(GoCartFactory factory, string remote)
    {
        string? seenRemote = null;
        var seenScheme = "";
        var options = ForwardedHeadersSetup.Options(factory.Services.GetService(typeof(SiteSettings)) as SiteSettings ?? throw new InvalidOperationException());
        var middleware = new Microsoft.AspNetCore.HttpOverrides.ForwardedHeadersMiddleware(
            context =>
            {
                seenRemote = context.Connection.RemoteIpAddress?.ToString();
                seenScheme = context.Request.Scheme;
                return Task.CompletedTask;
            },
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            Microsoft.Extensions.Options.Options.Create(options));
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        context.Request.Headers["X-Forwarded-For"] = "198.51.100.4";
        context.Request.Headers["X-Forwarded-Proto"] = "https";
        await middleware.Invoke(context);
        return (seenRemote, seenScheme);
    }
}
