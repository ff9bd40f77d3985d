using System.Globalization;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.Playwright;

namespace GoCart.Site.Tests.Contact;

/// <summary>
/// The contact form in headless Chromium, as a visitor uses it: fill in the fields, read and answer the spam
/// question, send, see the thank-you page; the mail reaches the SMTP server. Screenshots are test artefacts.
/// </summary>
public sealed partial class ContactFormBrowserTests
{
    [Fact]
    public async Task A_visitor_sends_a_message_and_it_arrives_by_mail()
    {
        await using var smtp = SmtpSink.Create();
        await smtp.StartAsync();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            ["CARTOGRAM_SMTP_HOST"] = "127.0.0.1",
            ["CARTOGRAM_SMTP_PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "FALSE",
            ["CARTOGRAM_SMTP_FROM_EMAIL"] = "contactform@gocart.test",
            ["CARTOGRAM_SMTP_DESTINATION"] = "support@gocart.test",
        });
        var site = factory.StartKestrel();
        await using var browser = await Chromium.LaunchAsync();
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.SetDefaultTimeout(60_000);

        await page.GotoAsync($"{site}/contact");
        await page.GetByLabel("Your name").FillAsync("Grace Hopper");
        await page.GetByLabel("Your e-mail address").FillAsync("grace@example.org");
        await page.GetByLabel("Subject").FillAsync("A map of Vanuatu");
        await page.GetByLabel("Message").FillAsync("Hello,\nplease add Vanuatu by province.");
        var question = await page.Locator("label[for=Form_ChallengeAnswer]").InnerTextAsync();
        await page.GetByLabel("Spam check").FillAsync(ContactPage.RightAnswer(question));
        await Chromium.ScreenshotAsync(page, "contact-form");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send the message" }).ClickAsync();

        await page.WaitForURLAsync(ThanksUrl());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Thank you" })).ToBeVisibleAsync();
        await Chromium.ScreenshotAsync(page, "contact-thanks");
        var (mail, recipients) = Assert.Single(await smtp.WaitForAsync(1));
        Assert.Equal(["support@gocart.test"], recipients);
        Assert.Equal("[GoCart] A map of Vanuatu", mail.Subject);
        Assert.Equal("grace@example.org", Assert.Single(mail.ReplyTo.Mailboxes).Address);
        Assert.Contains("please add Vanuatu by province.", mail.TextBody);
    }

    [GeneratedRegex("/contact/thanks$")]
    private static partial Regex ThanksUrl();
}
