using System.Net;
using GoCart.Site.Infrastructure;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>Every response carries the security headers; only /embed/ pages may be framed, and by anyone.</summary>
public sealed class SecurityHeadersTests
{
    private const string Policy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'";

    [Theory]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/contact", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/no/such/page", HttpStatusCode.NotFound)]
    public async Task Responses_carry_the_policy_and_refuse_framing(string path, HttpStatusCode status)
    {
        await using var factory = new GoCartFactory();

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(Policy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("strict-origin-when-cross-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Theory]
    [InlineData("/embed/x")]
    [InlineData("/embed/0123456789abcdef0123456789abcdef")]
    public async Task Embed_pages_may_be_framed_by_any_site(string path)
    {
        await using var factory = new GoCartFactory();

        var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.EndsWith("frame-ancestors *", policy);
        Assert.StartsWith("default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self';", policy);
        Assert.False(response.Headers.Contains("X-Frame-Options"));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public void The_policy_names_google_only_for_consented_analytics()
    {
        Assert.Equal(Policy, SecurityHeadersSetup.ContentSecurityPolicy(embeddable: false, analytics: false));
        Assert.Contains("googletagmanager", SecurityHeadersSetup.ContentSecurityPolicy(embeddable: false, analytics: true));
        Assert.DoesNotContain("google", SecurityHeadersSetup.ContentSecurityPolicy(embeddable: true, analytics: false));
    }
}
