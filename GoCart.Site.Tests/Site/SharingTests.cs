using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using GoCart.Site.Data;
using GoCart.Site.Tests.Geo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>Sharing, embedding, link previews, old link shapes and view dates, against PostgreSQL and Redis.</summary>
public sealed class SharingTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task Sharing_marks_the_record_and_shows_link_embed_code_and_preview_tags()
    {
        var key = await MakeAsync();
        var before = await _client.GetPageAsync($"/cartogram/{key}");
        Assert.Contains("Share this cartogram", before);
        Assert.DoesNotContain("og:image", before);

        var shared = await _client.PostFormAsync($"/cartogram/{key}", $"/cartogram/{key}?handler=Share", []);
        Assert.Equal(HttpStatusCode.Redirect, shared.StatusCode);

        var page = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}"));
        Assert.True((await RecordAsync(key)).IsShared);
        Assert.Contains($"http://localhost/cartogram/{key}", page);
        Assert.Contains($"<iframe src=\"http://localhost/embed/{key}\"", page);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/api/v1/cartograms/{key}/cartogram.png\" />", page);
        Assert.Contains("twitter:card", page);
        Assert.Contains("365 days", page);
        Assert.DoesNotContain("<script src=\"http", page);
    }

    [LibraryFact]
    public async Task The_embed_page_shows_the_cartogram_without_the_site_around_it()
    {
        var key = await MakeAsync();

        var embed = await _client.GetPageAsync($"/embed/{key}");

        Assert.Contains("id=\"cartogram\"", embed);
        Assert.DoesNotContain("class=\"site-header\"", embed);
        Assert.DoesNotContain("Make the cartogram", embed);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.Http.GetAsync("/embed/abcdefghijkmnopqrstuvwxyzABCDEFG")).StatusCode);
    }

    [LibraryFact]
    public async Task Old_link_shapes_redirect()
    {
        var key = await MakeAsync();

        var cart = await _client.Http.GetAsync($"/cart/{key}");
        var embed = await _client.Http.GetAsync($"/embed/cart/{key}");

        Assert.Equal(HttpStatusCode.MovedPermanently, cart.StatusCode);
        Assert.Equal($"/cartogram/{key}", cart.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.MovedPermanently, embed.StatusCode);
        Assert.Equal($"/embed/{key}", embed.Headers.Location!.ToString());
    }

    [LibraryFact]
    public async Task A_view_updates_the_last_accessed_date_at_most_once_a_day()
    {
        var key = await MakeAsync();
        await SetLastAccessedAsync(key, DateTime.UtcNow.AddDays(-3));

        await _client.GetPageAsync($"/cartogram/{key}");
        var afterOldView = (await RecordAsync(key)).LastAccessedUtc;
        Assert.True(DateTime.UtcNow - afterOldView < TimeSpan.FromMinutes(5), $"Not updated: {afterOldView:O}");

        var recent = DateTime.UtcNow.AddHours(-2);
        await SetLastAccessedAsync(key, recent);
        await _client.GetPageAsync($"/embed/{key}");
        Assert.Equal(recent, (await RecordAsync(key)).LastAccessedUtc, TimeSpan.FromSeconds(1));
    }

    private async Task<string> MakeAsync()
    {
        var response = await _client.Http.PostAsJsonAsync("/api/v1/cartograms", new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 2, ["Tirol"] = 1 }, title = "Shared Austria" });
        var key = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        Assert.Equal("succeeded", (await _client.WaitAsync(key)).GetProperty("status").GetString());
        return key;
    }

    private async Task<CartogramRecord> RecordAsync(string key)
    {
        using var scope = site.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().Cartograms.AsNoTracking().SingleAsync(c => c.Key == key);
    }

    private async Task SetLastAccessedAsync(string key, DateTime when)
    {
        using var scope = site.Factory.Services.CreateScope();
        await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().Cartograms.Where(c => c.Key == key)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastAccessedUtc, when));
    }
}
