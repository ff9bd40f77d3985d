using System.Net;
using GoCart.Site.Contact;
using GoCart.Site.Data;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Contact;

/// <summary>
/// Contact mail through a real SMTP server on loopback, with the site on PostgreSQL (data and Hangfire) as in
/// production: headers and body, no header injection, retries while the server is down or refuses, delivery
/// exactly once.
/// </summary>
public sealed class ContactMailDeliveryTests
{
    private const string From = "contactform@gocart.test";

    private const string Destination = "support@gocart.test";

    [Fact]
    public async Task The_mail_arrives_with_the_right_headers_and_body()
    {
        await using var sink = SmtpSink.Create();
        await sink.StartAsync();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(Settings(sink, database));
        var client = new SiteClient(factory);

        var response = await ContactPage.PostAsync(client, ContactPage.Valid(message: "Line one\nLine two"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var (mail, recipients) = Assert.Single(await sink.WaitForAsync(1));
        Assert.Equal([Destination], recipients);
        var from = Assert.Single(mail.From.Mailboxes);
        Assert.Equal(From, from.Address);
        Assert.Equal(ContactMail.SenderName, from.Name);
        Assert.Equal(Destination, Assert.Single(mail.To.Mailboxes).Address);
        var replyTo = Assert.Single(mail.ReplyTo.Mailboxes);
        Assert.Equal("ada@example.org", replyTo.Address);
        Assert.Equal("Ada Lovelace", replyTo.Name);
        Assert.Equal("[GoCart] Population of Tuvalu", mail.Subject);
        Assert.Empty(mail.Cc);
        Assert.Empty(mail.Bcc);
        Assert.Contains("Name: Ada Lovelace", mail.TextBody);
        Assert.Contains("E-mail: ada@example.org", mail.TextBody);
        Assert.Contains("Line one\nLine two", (mail.TextBody ?? "").ReplaceLineEndings("\n"));
        var message = await WaitForMessageAsync(factory, m => m.SentUtc is not null);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.LastError);
    }

    [Fact]
    public async Task A_header_injection_attempt_in_name_and_subject_adds_no_header()
    {
        await using var sink = SmtpSink.Create();
        await sink.StartAsync();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(Settings(sink, database));

        await ContactPage.PostAsync(new SiteClient(factory), ContactPage.Valid(name: "Eve\r\nBcc: victim@example.org", subject: "Hi\r\nBcc: victim@example.org\r\nX-Injected: yes"));

        var (mail, recipients) = Assert.Single(await sink.WaitForAsync(1));
        Assert.Equal([Destination], recipients);
        Assert.Empty(mail.Bcc);
        Assert.False(mail.Headers.Contains("Bcc"));
        Assert.False(mail.Headers.Contains("X-Injected"));
        Assert.Equal("[GoCart] Hi  Bcc: victim@example.org  X-Injected: yes", mail.Subject);
        Assert.Equal("Eve  Bcc: victim@example.org", Assert.Single(mail.ReplyTo.Mailboxes).Name);
    }

    [Fact]
    public async Task With_the_server_down_the_job_is_retried_and_delivers_once_when_it_is_back()
    {
        await using var sink = SmtpSink.Create();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        await using var factory = new GoCartFactory(Settings(sink, database));

        await ContactPage.PostAsync(new SiteClient(factory), ContactPage.Valid());

        var failed = await WaitForMessageAsync(factory, m => m.LastError is not null);
        Assert.Null(failed.SentUtc);
        Assert.Equal(1, failed.Attempts);
        Assert.DoesNotContain("Population of Tuvalu", failed.LastError);
        var storage = factory.Services.GetRequiredService<JobStorage>();
        var jobId = await WaitForRetryAsync(storage, failed.Id);
        using (var connection = storage.GetConnection())
        {
            Assert.Equal("1", connection.GetJobParameter(jobId, "RetryCount"));
        }

        await sink.StartAsync();
        Assert.True(factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));

        Assert.Single(await sink.WaitForAsync(1));
        var sent = await WaitForMessageAsync(factory, m => m.SentUtc is not null);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);

        // Running the job again (a retry or a requeue after success) leaves a sent message alone.
        Assert.True(factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));
        await WaitForStateAsync(storage, jobId, "Succeeded");
        await Task.Delay(500);
        Assert.Single(sink.Received);
        Assert.Equal(2, (await WaitForMessageAsync(factory, m => m.SentUtc is not null)).Attempts);
    }

    [Fact]
    public async Task A_refused_message_stays_stored_is_delivered_later_and_no_address_reaches_the_log()
    {
        await using var sink = SmtpSink.Create();
        sink.Refusing = true;
        await sink.StartAsync();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var capture = new LogCapture();
        await using var factory = new GoCartFactory(Settings(sink, database), logs: capture);

        await ContactPage.PostAsync(new SiteClient(factory), ContactPage.Valid());

        var refused = await WaitForMessageAsync(factory, m => m.LastError is not null);
        Assert.Null(refused.SentUtc);
        Assert.Contains("Recipient address rejected", refused.LastError);
        Assert.DoesNotContain("@", refused.LastError);
        Assert.Contains("Recipient address rejected", capture.Text);
        Assert.DoesNotContain(Destination, capture.Text);
        Assert.DoesNotContain("ada@example.org", capture.Text);
        var storage = factory.Services.GetRequiredService<JobStorage>();
        var jobId = await WaitForRetryAsync(storage, refused.Id);

        sink.Refusing = false;
        Assert.True(factory.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));

        Assert.Single(await sink.WaitForAsync(1));
        var sent = await WaitForMessageAsync(factory, m => m.SentUtc is not null);
        Assert.Equal(2, sent.Attempts);
    }

    [Fact]
    public async Task Authentication_uses_the_credentials_and_the_logs_never_contain_the_password()
    {
        const string password = "smtp-password-that-must-never-be-logged";
        await using var sink = SmtpSink.Create("contactform", password);
        await sink.StartAsync();
        var capture = new LogCapture();
        await using var factory = new GoCartFactory(AuthenticatedSettings(sink, password));
        var site = capture.Attach(factory);

        await ContactPage.PostAsync(new SiteClient(site), ContactPage.Valid());

        Assert.Single(await sink.WaitForAsync(1));
        Assert.Equal(("contactform", password), Assert.Single(sink.Logins));
        await WaitForMessageAsync(site, m => m.SentUtc is not null);
        Assert.Contains($"SMTP 127.0.0.1:{sink.Port}", capture.Text);
        Assert.Contains("sent on attempt 1", capture.Text);
        Assert.DoesNotContain(password, capture.Text);
    }

    [Fact]
    public async Task A_refused_login_is_recorded_and_logged_without_the_password()
    {
        const string password = "wrong-smtp-password-that-must-never-be-logged";
        await using var sink = SmtpSink.Create("contactform", "the-right-password");
        await sink.StartAsync();
        var capture = new LogCapture();
        await using var factory = new GoCartFactory(AuthenticatedSettings(sink, password));
        var site = capture.Attach(factory);

        await ContactPage.PostAsync(new SiteClient(site), ContactPage.Valid());

        var failed = await WaitForMessageAsync(site, m => m.LastError is not null);
        Assert.Null(failed.SentUtc);
        Assert.Contains("Authentication", failed.LastError);
        Assert.DoesNotContain(password, failed.LastError);
        Assert.Contains("attempt 1 failed", capture.Text);
        Assert.DoesNotContain(password, capture.Text);
        Assert.Empty(sink.Received);
    }

    private static Dictionary<string, string?> AuthenticatedSettings(SmtpSink sink, string password)
    {
        var settings = Settings(sink, database: null);
        settings["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "TRUE";
        settings["CARTOGRAM_SMTP_USER"] = "contactform";
        settings["CARTOGRAM_SMTP_PASSWORD"] = password;
        return settings;
    }

    private static Dictionary<string, string?> Settings(SmtpSink sink, TemporaryPostgresDatabase? database)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CARTOGRAM_SMTP_HOST"] = "127.0.0.1",
            ["CARTOGRAM_SMTP_PORT"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "FALSE",
            ["CARTOGRAM_SMTP_FROM_EMAIL"] = From,
            ["CARTOGRAM_SMTP_DESTINATION"] = Destination,
        };
        if (database is not null)
        {
            settings["CARTOGRAM_DATABASE_URL"] = database.ConnectionString;
        }

        return settings;
    }

    private static async Task<ContactMessage> WaitForMessageAsync(WebApplicationFactory<Program> factory, Func<ContactMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var scope = factory.Services.CreateScope();
            var message = await scope.ServiceProvider.GetRequiredService<GoCartDbContext>().ContactMessages.AsNoTracking().SingleOrDefaultAsync();
            if (message is not null && condition(message))
            {
                return message;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The contact message did not reach the expected state: attempts {message?.Attempts}, sent {message?.SentUtc}, error {message?.LastError}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The job that sends <paramref name="messageId"/>, once Hangfire has scheduled its retry.</summary>
    private static async Task<string> WaitForRetryAsync(JobStorage storage, long messageId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var scheduled = storage.GetMonitoringApi().ScheduledJobs(0, 20)
                .FirstOrDefault(job => job.Value.Job?.Type == typeof(SendContactMailJob) && Equals(job.Value.Job.Args[0], messageId));
            if (scheduled.Key is { } jobId)
            {
                return jobId;
            }

            Assert.True(DateTime.UtcNow < deadline, "Hangfire did not schedule a retry of the SendContactMail job.");
            await Task.Delay(100);
        }
    }

    private static async Task WaitForStateAsync(JobStorage storage, string jobId, string state)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        using var connection = storage.GetConnection();
        while (connection.GetStateData(jobId)?.Name != state)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Job {jobId} is {connection.GetStateData(jobId)?.Name}, not {state}.");
            await Task.Delay(100);
        }
    }
}
