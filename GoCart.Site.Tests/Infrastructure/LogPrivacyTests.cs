using System.Globalization;
using System.Text.RegularExpressions;
using GoCart.Site.Admin;
using GoCart.Site.Tests.Contact;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Site;
using Npgsql;

namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// Secrets and visitors' personal data never reach the logs: one production-like site (PostgreSQL with a
/// password, the engine behind an API key posting signed progress, SMTP with a login, the admin account) goes
/// through a contact message, a wrong and a right admin login and a cartogram, and every line it logged, at
/// every level, is scanned.
/// </summary>
public sealed partial class LogPrivacyTests
{
    private const string DatabasePassword = "database-password-never-logged";
    private const string LambdaKey = "lambda-api-key-never-logged";
    private const string ProgressSecret = "progress-secret-never-logged";
    private const string SmtpPassword = "smtp-password-never-logged";
    private const string AdminPassword = "admin-password-never-logged";
    private const string WrongAdminPassword = "wrong-admin-password-never-logged";
    private const string VisitorEmail = "visitor.never.logged@example.org";
    private const string VisitorName = "Visitor Nevernamed";
    private const string VisitorMessage = "A message body that never reaches a log.";

    [LibraryFact]
    public async Task Secrets_and_email_addresses_never_appear_in_the_logs()
    {
        await using var smtp = SmtpSink.Create("contactform", SmtpPassword);
        await smtp.StartAsync();
        await using var database = await TemporaryPostgresDatabase.CreateAsync();
        var enginePort = Loopback.FreePort();
        var adminHash = PasswordHash.Create(AdminPassword);
        var capture = new LogCapture();
        await using var factory = new GoCartFactory(new Dictionary<string, string?>
        {
            // The test server trusts every login, so the password is sent but never checked: it only has to stay out of the logs.
            ["CARTOGRAM_DATABASE_URL"] = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = DatabasePassword }.ConnectionString,
            ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
            ["CARTOGRAM_LAMBDA_URL"] = $"http://127.0.0.1:{enginePort}/",
            ["CARTOGRAM_LAMBDA_KEY"] = LambdaKey,
            ["CARTOGRAM_PROGRESS_SECRET"] = ProgressSecret,
            ["CARTOGRAM_SMTP_HOST"] = "127.0.0.1",
            ["CARTOGRAM_SMTP_PORT"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "TRUE",
            ["CARTOGRAM_SMTP_USER"] = "contactform",
            ["CARTOGRAM_SMTP_PASSWORD"] = SmtpPassword,
            ["CARTOGRAM_SMTP_FROM_EMAIL"] = "contactform@gocart.test",
            ["CARTOGRAM_SMTP_DESTINATION"] = "support@gocart.test",
            ["CARTOGRAM_ADMIN_USER"] = "admin",
            ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = adminHash,
        }, logs: capture);
        var url = factory.StartKestrel();
        var progress = new Dictionary<string, string> { ["CARTOGRAM_PROGRESS_URL"] = $"{url}/api/progress", ["CARTOGRAM_PROGRESS_SECRET"] = ProgressSecret };
        using var engine = (await GocartExecutable.StartServeAsync(LambdaKey, progress, enginePort)).Serve;
        var client = new SiteClient(factory);

        // Over Kestrel the client follows redirects: each post ends on the page it redirects to.
        var contact = await ContactPage.PostAsync(client, ContactPage.Valid(name: VisitorName, email: VisitorEmail, message: VisitorMessage));
        Assert.Contains("Thank you", await contact.Content.ReadAsStringAsync());
        Assert.Single(await smtp.WaitForAsync(1));
        var wrong = await client.PostFormAsync("/admin/login", "/admin/login", [new("UserName", "admin"), new("Password", WrongAdminPassword)]);
        Assert.Contains("Wrong user name or password.", await wrong.Content.ReadAsStringAsync());
        var right = await client.PostFormAsync("/admin/login", "/admin/login", [new("UserName", "admin"), new("Password", AdminPassword)]);
        Assert.Equal("/admin", right.RequestMessage?.RequestUri?.AbsolutePath);
        var key = await client.SubmitAsync(new { map = "austria_by_state_since_1945", values = new Dictionary<string, double> { ["Wien"] = 2, ["Tirol"] = 1 } });
        Assert.Equal("succeeded", (await client.WaitAsync(key)).GetProperty("status").GetString());
        await WaitForLineAsync(capture, "sent on attempt 1");

        var logs = capture.Text;
        Assert.Contains($"Cartogram {key} generated", logs);
        Assert.Contains("POST /admin/login answered 200", logs);
        Assert.Contains("POST /admin/login answered 302", logs);
        Assert.Contains("POST /contact answered 302", logs);
        Assert.Contains("POST /api/progress answered 204", logs);
        foreach (var secret in new[] { DatabasePassword, LambdaKey, ProgressSecret, SmtpPassword, AdminPassword, WrongAdminPassword, adminHash, VisitorName, VisitorMessage })
        {
            Assert.DoesNotContain(secret, logs);
        }

        var addresses = EmailAddress().Matches(logs).Select(match => match.Value).Distinct().ToList();
        Assert.True(addresses.Count == 0, $"The logs contain e-mail addresses: {string.Join(", ", addresses)}");
    }

    private static async Task WaitForLineAsync(LogCapture capture, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!capture.Text.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"No log line says \"{text}\".");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailAddress();
}
