using GoCart.Site.Admin;
using GoCart.Site.Infrastructure;
using GoCart.Site.Tests.Infrastructure;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// Hangfire's jobs dashboard (<see cref="HangfireSetup.DashboardPath"/>), after an admin logs in through the
/// browser and a real job has run, on 360 and 390 px phones in Chromium: no page scrolls sideways (wide tables
/// and the job's code scroll inside their own box), and its menu, side list, buttons and page links are touch
/// targets of at least 44 px (links inside a line of text are exempt, as in WCAG 2.5.8). Hangfire's own markup is
/// not ours, so axe-core is not asked about it. Screenshots: phone-WIDTH-jobs-PAGE.png.
/// </summary>
public sealed class JobsDashboardPhoneTests
{
    [Fact]
    public async Task The_jobs_dashboard_fits_phones_with_large_targets()
    {
        const string password = "correct horse battery staple";
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_ADMIN_USER"] = "admin",
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = PasswordHash.Create(password),
        });
        var site = factory.StartKestrel();
        var jobId = await RunCleanupJobAsync(factory.Services);
        await using var browser = await Chromium.LaunchAsync();
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 844 }, HasTouch = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        await page.GotoAsync(site + "/admin/login");
        await page.FillAsync("#UserName", "admin");
        await page.FillAsync("#Password", password);
        await page.Locator("form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(site + "/admin");

        var dashboard = HangfireSetup.DashboardPath;
        (string Name, string Path)[] pages =
        [
            ("overview", dashboard),
            ("succeeded", $"{dashboard}/jobs/succeeded"),
            ("job", $"{dashboard}/jobs/details/{jobId}"),
            ("recurring", $"{dashboard}/recurring"),
            ("servers", $"{dashboard}/servers"),
            ("retries", $"{dashboard}/retries"),
        ];
        var problems = new List<string>();
        foreach (var width in new[] { 360, 390 })
        {
            await page.SetViewportSizeAsync(width, 844);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync(site + path);
                Assert.Equal(200, response!.Status);
                await page.WaitForLoadStateAsync(LoadState.Load);
                if (await PageChecks.OverflowAsync(page) is { Length: > 0 } overflow)
                {
                    problems.Add($"jobs {name} at {width} px: {overflow}");
                }

                if (await PageChecks.SmallTargetsAsync(page, "#wrap .navbar a, #wrap .navbar button, .list-group-item, .btn, .pagination a, #wrap select") is { Length: > 0 } small)
                {
                    problems.Add($"jobs {name} at {width} px: targets under {PageChecks.MinimumTarget} px: {small}");
                }

                await Chromium.ScreenshotAsync(page, $"phone-{width}-jobs-{name}");
                await page.Locator(".navbar-toggle").ClickAsync();
                await page.Locator(".navbar-collapse.collapse.in").WaitForAsync();
                if (await PageChecks.SmallTargetsAsync(page, ".navbar-collapse a") is { Length: > 0 } menu)
                {
                    problems.Add($"jobs {name} at {width} px, menu open: targets under {PageChecks.MinimumTarget} px: {menu}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>Runs the daily clean-up once, so the succeeded list and a job's page have a row and code to show.</summary>
    private static async Task<string> RunCleanupJobAsync(IServiceProvider services)
    {
        var jobId = services.GetRequiredService<IBackgroundJobClient>().Enqueue<CleanupStaleSharesJob>(job => job.RunAsync(CancellationToken.None));
        var monitoring = services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (monitoring.JobDetails(jobId)?.History.FirstOrDefault()?.StateName != "Succeeded")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the clean-up job {jobId} did not succeed within two minutes");
            await Task.Delay(200);
        }

        return jobId;
    }
}
