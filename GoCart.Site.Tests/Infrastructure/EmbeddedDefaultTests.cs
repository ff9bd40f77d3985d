using System.Net;

namespace GoCart.Site.Tests.Infrastructure;

public class EmbeddedDefaultTests
{
    [Fact]
    public async Task Without_settings_the_site_serves_pages_and_is_ready_on_sqlite()
    {
        await using var factory = new GoCartFactory();
        var client = factory.CreateClient();

        var home = await client.GetAsync("/");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("cartogram", await home.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.DataDir, "gocart.db")));
        Assert.True(File.Exists(Path.Combine(factory.DataDir, "hangfire.db")));
    }

    [Fact]
    public async Task Live_health_answers_without_touching_dependencies()
    {
        await using var factory = new GoCartFactory();
        var response = await factory.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_page_gets_a_friendly_404_without_internals()
    {
        await using var factory = new GoCartFactory();
        var response = await factory.CreateClient().GetAsync("/no/such/page");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", body);
        Assert.DoesNotContain("Exception", body);
        Assert.DoesNotContain(" at ", body.Replace("at this address", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Anonymous_visitors_do_not_get_the_jobs_dashboard_or_its_api()
    {
        await using var factory = new GoCartFactory();
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var dashboard = await client.GetAsync("/admin/jobs");
        var stats = await client.PostAsync("/admin/jobs/stats", new StringContent(""));

        Assert.NotEqual(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.DoesNotContain("Hangfire", await dashboard.Content.ReadAsStringAsync());
        Assert.NotEqual(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task Static_assets_are_served_with_long_lived_cache_headers_in_production()
    {
        // Running from build output (not a publish folder) serves assets through the development handler, which
        // forces no-cache unless told to keep the published headers: ask it to, and check those headers.
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["EnableStaticAssetsDevelopmentCaching"] = "true" }, "Production");
        var client = factory.CreateClient();
        var home = await client.GetStringAsync("/");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(home, "href=\"(/css/site[^\"]*\\.css)\"").Groups[1].Value;

        var response = await client.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Headers.CacheControl);
        Assert.True(response.Headers.CacheControl!.MaxAge > TimeSpan.FromDays(1), $"{stylesheet}: {response.Headers.CacheControl}");
    }
}
