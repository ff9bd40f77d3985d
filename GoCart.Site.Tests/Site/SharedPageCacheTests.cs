using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Shared result pages are served from the page cache (the response then carries an Age header), unshared ones
/// and pages with a form on them never are, and a cached page never hands one visitor's antiforgery token to
/// another.
/// </summary>
public sealed class SharedPageCacheTests
{
    [LibraryFact]
    public async Task Shared_pages_come_from_the_cache_and_unshared_ones_never_do()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);
        var key = await MakeAsync(client);

        var unshared = await TwiceAsync(client, $"/cartogram/{key}");
        Assert.All(unshared, r => Assert.False(r.Headers.Age.HasValue, "An unshared page (with its share form) was served from the cache."));
        Assert.Contains("Share this cartogram", await unshared[1].Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Share", [])).StatusCode);
        var shared = await TwiceAsync(client, $"/cartogram/{key}");
        var embed = await TwiceAsync(client, $"/embed/{key}");

        Assert.False(shared[0].Headers.Age.HasValue, "The first view after sharing must render the share links.");
        Assert.Contains($"/embed/{key}", await shared[0].Content.ReadAsStringAsync());
        Assert.True(shared[1].Headers.Age.HasValue, "The second view of a shared page was not served from the cache.");
        Assert.Equal(await shared[0].Content.ReadAsStringAsync(), await shared[1].Content.ReadAsStringAsync());
        Assert.True(embed[1].Headers.Age.HasValue, "The second view of a shared embed page was not served from the cache.");
        Assert.Contains("frame-ancestors *", embed[1].Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", shared[1].Headers.GetValues("Content-Security-Policy").Single());
    }

    [LibraryFact]
    public async Task Pages_that_ask_for_consent_are_not_cached_so_every_visitor_keeps_a_valid_token()
    {
        await using var factory = new GoCartFactory(new Dictionary<string, string?> { ["CARTOGRAM_GA_TRACKING_ID"] = "G-ABCDE12345" });
        var first = new SiteClient(factory);
        var second = new SiteClient(factory);
        var key = await MakeAsync(first);
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Share", [])).StatusCode);

        var views = await TwiceAsync(first, $"/cartogram/{key}");
        Assert.All(views, r => Assert.False(r.Headers.Age.HasValue, "A page with the consent forms was served from the cache."));
        var firstDecline = await first.PostFormAsync($"/cartogram/{key}", "/cookies?handler=Decline", [new("returnUrl", $"/cartogram/{key}")]);
        var secondDecline = await second.PostFormAsync($"/cartogram/{key}", "/cookies?handler=Decline", [new("returnUrl", $"/cartogram/{key}")]);
        Assert.Equal(HttpStatusCode.Redirect, firstDecline.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, secondDecline.StatusCode);

        // Once answered, the page looks the same to everyone who answered alike, and is cached.
        var answered = await TwiceAsync(first, $"/cartogram/{key}");
        Assert.True(answered[1].Headers.Age.HasValue, "After the answer, the shared page was not cached.");
        Assert.DoesNotContain("Accept analytics", await answered[1].Content.ReadAsStringAsync());
    }

    private static async Task<HttpResponseMessage[]> TwiceAsync(SiteClient client, string url)
    {
        var responses = new HttpResponseMessage[2];
        for (var i = 0; i < 2; i++)
        {
            responses[i] = await client.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, responses[i].StatusCode);
            await responses[i].Content.LoadIntoBufferAsync();
        }

        return responses;
    }

    private static async Task<string> MakeAsync(SiteClient client)
    {
        var response = await client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 2, ["Tirol"] = 1 } });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal("succeeded", (await client.WaitAsync(key)).GetProperty("status").GetString());
        return key;
    }
}
