using System.Net;
using GoCart.Site.Data;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GoCart.Site.Tests.Contact;

/// <summary>The contact form with the embedded defaults: validation, honeypot, challenge, rate limit, and the pickup folder.</summary>
public sealed class ContactFormTests
{
    [Fact]
    public async Task A_message_is_stored_and_written_to_the_pickup_folder_by_default()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);

        var response = await ContactPage.PostAsync(client, ContactPage.Valid());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact/thanks", response.Headers.Location?.ToString());
        Assert.Contains("Thank you", await client.GetPageAsync("/contact/thanks"));
        var file = await WaitForFileAsync(Path.Combine(factory.DataDir, "mail-pickup"));
        var mail = await MimeMessage.LoadAsync(file);
        Assert.Equal("[GoCart] Population of Tuvalu", mail.Subject);
        Assert.Equal("ada@example.org", Assert.Single(mail.ReplyTo.Mailboxes).Address);
        Assert.Contains("the map is lovely.", mail.TextBody);
        var message = await WaitUntilSentAsync(factory);
        Assert.Equal("Ada Lovelace", message.Name);
        Assert.Equal(1, message.Attempts);
    }

    [Fact]
    public async Task A_filled_honeypot_is_thanked_but_nothing_is_stored_or_sent()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);
        var fields = ContactPage.Valid();
        fields["Form.Website"] = "https://spam.example";

        var response = await ContactPage.PostAsync(client, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/contact/thanks", response.Headers.Location?.ToString());
        Assert.Equal(0, await CountAsync(factory));
        var statistics = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi().GetStatistics();
        Assert.Equal(0, statistics.Enqueued + statistics.Processing + statistics.Succeeded + statistics.Scheduled + statistics.Failed);
        Assert.False(Directory.Exists(Path.Combine(factory.DataDir, "mail-pickup")));
    }

    [Fact]
    public async Task The_honeypot_is_hidden_from_people_and_the_question_is_text()
    {
        await using var factory = new GoCartFactory();

        var page = await new SiteClient(factory).GetPageAsync("/contact");

        Assert.Contains("<div class=\"honeypot\" aria-hidden=\"true\">", page);
        Assert.Contains("tabindex=\"-1\"", page);
        Assert.Matches(@"<label for=""Form_ChallengeAnswer"">Spam check: What is \w+ plus \w+\?", page);
    }

    [Fact]
    public async Task A_wrong_answer_is_refused_with_a_message_and_a_new_question()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);

        var response = await ContactPage.PostAsync(client, ContactPage.Valid(), answer: "99");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("That is not the answer to the question. Please try this new one.", page);
        Assert.Contains("value=\"Ada Lovelace\"", page);
        Assert.NotEmpty(ContactPage.ChallengeToken(page));
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task A_forged_challenge_token_is_refused_as_expired()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);
        var page = await client.GetPageAsync("/contact");
        var form = new Dictionary<string, string>(ContactPage.Valid())
        {
            ["__RequestVerificationToken"] = SiteClient.Token(page),
            ["Form.ChallengeToken"] = ContactPage.ChallengeToken(page) + "x",
            ["Form.ChallengeAnswer"] = ContactPage.RightAnswer(page),
        };

        var response = await client.Http.PostAsync("/contact", new FormUrlEncodedContent(form));

        Assert.Contains("The question expired. Please answer this new one.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task Invalid_fields_are_refused_with_a_message_for_each()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);

        var response = await ContactPage.PostAsync(client, ContactPage.Valid(name: "", email: "ada at example.org", subject: new string('s', 151), message: new string('m', 5001)));
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Please tell us your name.", page);
        Assert.Contains("Please check the e-mail address", page);
        Assert.Contains("The subject can be at most 150 characters long.", page);
        Assert.Contains("The message can be at most 5000 characters long.", page);
        Assert.Equal(0, await CountAsync(factory));
    }

    [Fact]
    public async Task The_longest_allowed_fields_are_accepted()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);
        var email = new string('a', 64) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 3)) + ".org";

        // 1,000 lines of "line\r\n" are 6,000 characters as posted and 5,000 as the visitor sees them.
        var response = await ContactPage.PostAsync(client, ContactPage.Valid(name: new string('n', 100), email: email, subject: new string('s', 150), message: string.Concat(Enumerable.Repeat("line\r\n", 1000))));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(factory));
    }

    [Fact]
    public async Task The_sixth_post_within_ten_minutes_gets_429_and_the_friendly_page()
    {
        await using var factory = new GoCartFactory();
        var client = new SiteClient(factory);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await ContactPage.PostAsync(client, ContactPage.Valid(), answer: "wrong")).StatusCode);
        }

        var refused = await ContactPage.PostAsync(client, ContactPage.Valid());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, await CountAsync(factory));
        Assert.Contains("Spam check", await client.GetPageAsync("/contact"));
    }

    private static async Task<int> CountAsync(GoCartFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().ContactMessages.CountAsync();
    }

    private static async Task<ContactMessage> WaitUntilSentAsync(GoCartFactory factory)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var scope = factory.Services.CreateScope();
            var message = await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().ContactMessages.AsNoTracking().SingleAsync();
            if (message.SentUtc is not null || DateTime.UtcNow > deadline)
            {
                Assert.NotNull(message.SentUtc);
                return message;
            }

            await Task.Delay(100);
        }
    }

    private static async Task<string> WaitForFileAsync(string folder)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml") is [var file])
            {
                return file;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No .eml file appeared in {folder}.");
    }
}
