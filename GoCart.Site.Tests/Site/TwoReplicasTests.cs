using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Admin;
using GoCart.Site.Tests.Contact;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Two site replicas behind nginx share everything a visitor's next request may need: data-protection keys in
/// PostgreSQL (cookies, antiforgery and the contact question made by one are read by the other), and the
/// submission limit and the admin lockout counted in Redis. Each test uses its own client address, as the limits
/// count per address.
/// </summary>
public sealed partial class TwoReplicasTests(TwoReplicaSite site) : IClassFixture<TwoReplicaSite>
{
    private static readonly object Circles = new { map = "concentric_circles", values = new Dictionary<string, double> { ["inner"] = 1, ["outer"] = 3 }, title = "replicas" };

    [LibraryFact]
    public async Task A_browser_session_through_nginx_creates_shares_and_sends_the_contact_form_on_both_replicas()
    {
        int[] before = [site.Served(0, "GET", "/"), site.Served(1, "GET", "/")];
        await using var browser = await Chromium.LaunchAsync();
        await using var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(60_000);
        var failures = new List<string>();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        // A poll still in flight when the page reloads is aborted, and a progress poll before the first report
        // finds nothing (404): both are normal; any other failure is not.
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure != "net::ERR_ABORTED")
            {
                failures.Add($"{request.Method} {request.Url} failed: {request.Failure}");
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !(response.Status == 404 && response.Url.Contains("/api/progress/", StringComparison.Ordinal)))
            {
                failures.Add($"{response.Request.Method} {response.Url} answered {response.Status}");
            }
        };

        await page.GotoAsync($"{site.PublicUrl}/create?map=austria_by_state_since_1945");
        await page.GetByLabel("Value of Kärnten", new() { Exact = true }).FillAsync("5000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Make the cartogram" }).ClickAsync();
        await page.WaitForURLAsync(CartogramUrl(), new() { WaitUntil = WaitUntilState.Commit });
        using (var status = site.ThroughNginx(IPAddress.Loopback))
        {
            var key = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            var deadline = DateTime.UtcNow.AddSeconds(90);
            string? state;
            while ((state = (await status.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/cartograms/{key}")).GetProperty("status").GetString()) is "queued" or "running")
            {
                Assert.True(DateTime.UtcNow < deadline, $"Cartogram {key} is still {state} after 90 s.");
                await Task.Delay(200);
            }

            Assert.Equal("succeeded", state);
        }

        try
        {
            await page.Locator("svg#cartogram").WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException)
        {
            await Chromium.ScreenshotAsync(page, "replicas-no-result");
            Assert.Fail($"No result map shown; failed responses: {string.Join("; ", failures)}; console: {string.Join("; ", console)}");
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Share this cartogram" }).ClickAsync();
        await Assertions.Expect(page.Locator("#share-link")).ToHaveValueAsync(CartogramUrl());
        await Chromium.ScreenshotAsync(page, "replicas-shared");

        await page.GotoAsync($"{site.PublicUrl}/contact");
        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("Your e-mail address").FillAsync("grace@example.org");
        await page.GetByLabel("Subject").FillAsync("Two replicas");
        await page.GetByLabel("Message").FillAsync("Hello,\nthe second replica read the first one's form.");
        var question = await page.Locator("label[for=Form_ChallengeAnswer]").InnerTextAsync();
        await page.GetByLabel("Spam check").FillAsync(ContactPage.RightAnswer(question));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the message" }).ClickAsync();
        await page.WaitForURLAsync(ThanksUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();

        Assert.Empty(failures);
        Assert.Contains(await site.Smtp.WaitForAsync(1), mail => mail.Message.Subject == "[GoCart] Two replicas");
        int[] served = [site.Served(0, "GET", "/") - before[0], site.Served(1, "GET", "/") - before[1]];
        Assert.All(served, count => Assert.True(count > 0, $"Each replica should have served part of the session; they served {served[0]} and {served[1]} GETs."));
        await TestArtifacts.AppendLineAsync("replicas-report.txt", string.Create(CultureInfo.InvariantCulture,
            $"browser session through nginx: replica 1 served {served[0]} GETs and {site.Served(0, "POST", "/")} POSTs so far, replica 2 {served[1]} GETs and {site.Served(1, "POST", "/")} POSTs; no response of 400 or more"));
    }

    [LibraryFact]
    public async Task A_form_and_the_admin_cookie_made_by_one_replica_are_accepted_by_the_other()
    {
        var from = IPAddress.Parse("127.0.0.2");
        var cookies = new CookieContainer();
        using var first = site.Direct(0, from, cookies);
        using var second = site.Direct(1, from, cookies);

        var contact = await first.GetStringAsync("/contact");
        var form = new Dictionary<string, string>(ContactPage.Valid(subject: "Made on one, sent to the other"))
        {
            ["__RequestVerificationToken"] = SiteClient.Token(contact),
            ["Form.ChallengeToken"] = ContactPage.ChallengeToken(contact),
            ["Form.ChallengeAnswer"] = ContactPage.RightAnswer(contact),
        };
        using var sent = await second.PostAsync("/contact", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.EndsWith("/contact/thanks", sent.Headers.Location!.ToString(), StringComparison.Ordinal);

        var login = await first.GetStringAsync("/admin/login");
        using var signedIn = await first.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SiteClient.Token(login),
            ["UserName"] = TwoReplicaSite.AdminUser,
            ["Password"] = TwoReplicaSite.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var adminPage = await second.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }

    [LibraryFact]
    public async Task An_admin_lockout_on_one_replica_holds_on_the_other()
    {
        var from = IPAddress.Parse("127.0.0.3");
        var cookies = new CookieContainer();
        using var first = site.Direct(0, from, cookies);
        using var second = site.Direct(1, from, cookies);

        for (var attempt = 0; attempt < LoginThrottle.MaxFailures; attempt++)
        {
            var answer = await LogInAsync(first, "not the password");
            Assert.Contains("Wrong user name or password.", answer);
        }

        var onTheOther = await LogInAsync(second, TwoReplicaSite.AdminPassword);
        Assert.Contains("Too many failed attempts", onTheOther);
        Assert.Contains("Too many failed attempts", await LogInAsync(first, TwoReplicaSite.AdminPassword));
        Assert.Contains("gocart_rate_limit_refusals_total{policy=\"admin-lockout\"}", await second.GetStringAsync("/metrics"));
    }

    [LibraryFact]
    public async Task The_submission_limit_is_shared_so_the_21st_is_refused_by_either_replica()
    {
        var from = IPAddress.Parse("127.0.0.4");
        var cookies = new CookieContainer();
        using var first = site.Direct(0, from, cookies);
        using var second = site.Direct(1, from, cookies);
        HttpClient[] replicas = [first, second];

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await replicas[i % 2].PostAsJsonAsync("/api/v1/cartograms", Circles);
            answers.Add(response.StatusCode);
        }

        using var onFirst = await first.PostAsJsonAsync("/api/v1/cartograms", Circles);
        using var onSecond = await second.PostAsJsonAsync("/api/v1/cartograms", Circles);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.Accepted, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, onFirst.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, onSecond.StatusCode);
        Assert.NotNull(onSecond.Headers.RetryAfter);
        foreach (var replica in replicas)
        {
            Assert.Contains("gocart_rate_limit_refusals_total{policy=\"submissions\"}", await replica.GetStringAsync("/metrics"));
        }
    }

    private static async Task<string> LogInAsync(HttpClient client, string password)
    {
        var page = await client.GetStringAsync("/admin/login");
        using var response = await client.PostAsync("/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = SiteClient.Token(page),
            ["UserName"] = TwoReplicaSite.AdminUser,
            ["Password"] = password,
        }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /admin/login answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("/cartogram/[A-Za-z0-9]{32}$")]
    private static partial Regex CartogramUrl();

    [GeneratedRegex("/contact/thanks$")]
    private static partial Regex ThanksUrl();
}
