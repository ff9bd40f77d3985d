using System.Text.RegularExpressions;
using GoCart.Site.Admin;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// More flows in headless Chromium: the create flow with the keyboard only, sharing and the embed page, and the
/// admin login with the jobs dashboard. Screenshots are saved as test artefacts.
/// </summary>
public sealed partial class BrowserFlowsTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task The_create_flow_works_with_the_keyboard_alone_and_the_result_can_be_shared_and_embedded()
    {
        await using var factory = KestrelSite(out var site);
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync($"{site}/create?map=austria_by_state_since_1945");
        await page.GetByLabel("Value of Kärnten", new() { Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("5000000");
        await page.Keyboard.PressAsync("Enter");
        var focused = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label')");
        Assert.Equal("Value of Niederösterreich", focused);
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 90_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Share this cartogram" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var link = page.Locator("#share-link");
        await Assertions.Expect(link).ToHaveValueAsync(CartogramUrl());
        var embedCode = await page.Locator("#embed-code").InputValueAsync();
        Assert.Contains("<iframe src=", embedCode);
        await Chromium.ScreenshotAsync(page, "shared");

        var embedUrl = EmbedSource().Match(embedCode).Groups[1].Value.Replace("http://localhost", site, StringComparison.Ordinal);
        // The embedding page comes from another origin, as on a site that embeds the cartogram: the embed page's
        // "frame-ancestors *" admits any web origin, though not an opaque about:blank parent.
        var (embedder, embedderPort) = Loopback.WebApp();
        await using var embedderApp = embedder;
        embedder.MapGet("/", () => Results.Content($"<html><body><iframe src=\"{embedUrl}\" width=\"900\" height=\"600\"></iframe></body></html>", "text/html"));
        await embedder.StartAsync();
        var host = await browser.NewPageAsync();
        await host.GotoAsync($"http://127.0.0.1:{embedderPort}/");
        var frame = host.FrameLocator("iframe");
        await Assertions.Expect(frame.Locator("svg#cartogram")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Chromium.ScreenshotAsync(host, "embedded");
    }

    [Fact]
    public async Task An_admin_signs_in_and_opens_the_jobs_dashboard()
    {
        await using var factory = KestrelSite(out var site, new Dictionary<string, string?>
        {
            ["CARTOGRAM_ADMIN_USER"] = "admin",
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = PasswordHash.Create(Password),
        });
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync($"{site}/admin/jobs");
        await page.WaitForURLAsync(LoginUrl());
        await page.GetByLabel("User name").FillAsync("admin");
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(JobsUrl());
        await Assertions.Expect(page.Locator("body")).ToContainTextAsync("GoCart jobs");
        await Chromium.ScreenshotAsync(page, "jobs-dashboard");
        await page.GotoAsync($"{site}/admin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Admin", Exact = true })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "admin");
    }

    private static GoCartFactory KestrelSite(out string site, Dictionary<string, string?>? settings = null)
    {
        var factory = new GoCartFactory(settings);
        site = factory.StartKestrel();
        return factory;
    }

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex("/admin/login")]
    private static partial Regex LoginUrl();

    [GeneratedRegex("/admin/jobs")]
    private static partial Regex JobsUrl();

    [GeneratedRegex("<iframe src=\"([^\"]+)\"")]
    private static partial Regex EmbedSource();
}
