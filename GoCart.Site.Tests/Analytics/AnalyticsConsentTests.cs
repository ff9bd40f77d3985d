using System.Net;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.Analytics;

/// <summary>
/// Google Analytics only with a tracking id and the visitor's yes: the banner, the consent cookie, the local
/// loader script and the content security policy's Google hosts.
/// </summary>
public sealed class AnalyticsConsentTests
{
    private const string TrackingId = "G-TEST12345";

    [Fact]
    public async Task Without_a_tracking_id_nothing_about_analytics_is_loaded_asked_or_set()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);

        var home = await client.Http.GetAsync("/");
        var accept = await client.PostFormAsync("/contact", "/cookies?handler=Accept", [new("returnUrl", "/")]);
        var after = await client.Http.GetAsync("/");

        foreach (var response in new[] { home, after })
        {
            AssertNoAnalytics(response, await response.Content.ReadAsStringAsync());
            Assert.DoesNotContain("Accept analytics", await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.False(accept.Headers.Contains("Set-Cookie"), string.Join("; ", accept.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : []));
        Assert.Contains("This site does not use analytics", await client.GetPageAsync("/cookies"));
    }

    [Fact]
    public async Task With_a_tracking_id_the_banner_asks_and_nothing_loads_before_an_answer()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = TrackingId });
        var client = new SiteClient(factory);

        var home = await client.Http.GetAsync("/maps");
        var page = await home.Content.ReadAsStringAsync();

        Assert.Contains("Accept analytics", page);
        Assert.Contains("Decline", page);
        Assert.Contains("action=\"/cookies?handler=Accept\"", page);
        Assert.Contains("name=\"returnUrl\" value=\"/maps\"", page);
        AssertNoAnalytics(home, page);
        Assert.False(home.Headers.Contains("Set-Cookie") && home.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("gocart.consent", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Accepting_loads_the_local_loader_and_allows_google_in_the_policy()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = TrackingId });
        var client = new SiteClient(factory);

        var accept = await client.PostFormAsync("/maps", "/cookies?handler=Accept", [new("returnUrl", "/maps")]);
        var maps = await client.Http.GetAsync("/maps");
        var page = await maps.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal("/maps", accept.Headers.Location?.ToString());
        var cookie = Assert.Single(accept.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gocart.consent=", StringComparison.Ordinal));
        Assert.StartsWith("gocart.consent=yes;", cookie);
        Assert.Contains("max-age=15552000", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var script = System.Text.RegularExpressions.Regex.Match(page, $"<script src=\"(/js/analytics[^\"]*\\.js)\" data-tracking-id=\"{TrackingId}\" defer></script>");
        Assert.True(script.Success, "The page does not load the analytics loader.");
        Assert.DoesNotContain("Accept analytics", page);
        Assert.DoesNotContain("<script async", page);
        var policy = Policy(maps);
        Assert.Contains("script-src 'self' https://www.googletagmanager.com;", policy);
        Assert.Contains("connect-src 'self' https://*.google-analytics.com", policy);
        Assert.Contains("img-src 'self' data: https://*.google-analytics.com", policy);
        var loader = await client.GetPageAsync(script.Groups[1].Value);
        Assert.Contains("https://www.googletagmanager.com/gtag/js?id=", loader);
        Assert.Contains("You accepted analytics", await client.GetPageAsync("/cookies"));
    }

    [Fact]
    public async Task Declining_keeps_analytics_off_and_stops_asking()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = TrackingId });
        var client = new SiteClient(factory);

        var decline = await client.PostFormAsync("/", "/cookies?handler=Decline", [new("returnUrl", "/")]);
        var home = await client.Http.GetAsync("/");
        var page = await home.Content.ReadAsStringAsync();

        Assert.StartsWith("gocart.consent=no;", Assert.Single(decline.Headers.GetValues("Set-Cookie"), c => c.StartsWith("gocart.consent=", StringComparison.Ordinal)));
        AssertNoAnalytics(home, page);
        Assert.DoesNotContain("Accept analytics", page);
        Assert.Contains("You declined analytics", await client.GetPageAsync("/cookies"));
    }

    [Fact]
    public async Task Consent_goes_back_only_to_pages_of_this_site()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = TrackingId });
        var client = new SiteClient(factory);

        var response = await client.PostFormAsync("/", "/cookies?handler=Accept", [new("returnUrl", "https://elsewhere.example/")]);

        Assert.Equal("/cookies", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Consent_forms_without_an_antiforgery_token_are_refused()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = TrackingId });
        var client = new SiteClient(factory);

        var response = await client.Http.PostAsync("/cookies?handler=Accept", new FormUrlEncodedContent([new("returnUrl", "/")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("gocart.consent", StringComparison.Ordinal)));
    }

    private static void AssertNoAnalytics(HttpResponseMessage response, string page)
    {
        Assert.DoesNotContain("analytics.js", page);
        Assert.DoesNotContain("googletagmanager", page);
        Assert.DoesNotContain("gtag", page);
        Assert.DoesNotContain("google", Policy(response), StringComparison.OrdinalIgnoreCase);
    }

    private static string Policy(HttpResponseMessage response) => string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
}
