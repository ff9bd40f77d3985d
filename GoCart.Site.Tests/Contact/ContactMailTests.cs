using GoCart.Site.Contact;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using MimeKit;

namespace GoCart.Site.Tests.Contact;

/// <summary>The mail built from a stored message, the connection security chosen from the port, and the form's address check.</summary>
public sealed class ContactMailTests
{
    [Fact]
    public async Task Line_breaks_in_name_and_subject_cannot_add_headers()
    {
        var message = new ContactMessage
        {
            Id = 7,
            Name = "Eve\r\nBcc: victim@example.org",
            Email = "eve@example.org",
            Subject = "Hi\nBcc: victim@example.org\r\nX-Injected: yes",
            Body = "Body\r\nBcc: not-a-header@example.org",
            CreatedUtc = new DateTime(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc),
        };
        using var written = new MemoryStream();

        await ContactMail.Build(message, Mail(new() { ["CARTOGRAM_SMTP_HOST"] = "smtp.example.org", ["CARTOGRAM_SMTP_FROM_EMAIL"] = "form@example.org", ["CARTOGRAM_SMTP_DESTINATION"] = "team@example.org" })).WriteToAsync(written);
        written.Position = 0;
        var raw = System.Text.Encoding.UTF8.GetString(written.ToArray()).ReplaceLineEndings("\n");
        var headerBlock = raw[..raw.IndexOf("\n\n", StringComparison.Ordinal)];
        var reread = await MimeMessage.LoadAsync(written);

        Assert.DoesNotContain("\nBcc:", headerBlock, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\nX-Injected:", headerBlock, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(reread.Bcc);
        Assert.Equal("team@example.org", Assert.Single(reread.To.Mailboxes).Address);
        Assert.Equal("eve@example.org", Assert.Single(reread.ReplyTo.Mailboxes).Address);
        Assert.Equal("[GoCart] Hi Bcc: victim@example.org  X-Injected: yes", reread.Subject);
    }

    [Fact]
    public void Without_smtp_the_mail_uses_local_placeholder_addresses()
    {
        var mail = ContactMail.Build(new ContactMessage { Name = "Ada", Email = "ada@example.org", Subject = "Hi", Body = "Text" }, Mail([]));

        Assert.Equal("gocart@localhost", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Equal("contact@localhost", Assert.Single(mail.To.Mailboxes).Address);
    }

    [Theory]
    [InlineData("587", SecureSocketOptions.StartTls)]
    [InlineData("465", SecureSocketOptions.SslOnConnect)]
    [InlineData("25", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("2525", SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData(null, SecureSocketOptions.StartTls)]
    public void The_port_chooses_the_connection_security(string? port, SecureSocketOptions expected)
    {
        Assert.Equal(expected, Mail(new() { ["CARTOGRAM_SMTP_HOST"] = "smtp.example.org", ["CARTOGRAM_SMTP_PORT"] = port }).Security);
    }

    [Theory]
    [InlineData("ada@example.org", true)]
    [InlineData("ada.lovelace+gocart@mail.example.org", true)]
    [InlineData("ada@example.org\r\nBcc: victim@example.org", false)]
    [InlineData("Ada <ada@example.org>", false)]
    [InlineData("ada@", false)]
    [InlineData("ada", false)]
    [InlineData("ada@example.org, eve@example.org", false)]
    public void The_form_accepts_one_plain_address(string address, bool accepted)
    {
        Assert.Equal(accepted, new PlainMailAddressAttribute().IsValid(address));
    }

    [Fact]
    public void A_logged_error_masks_the_addresses_a_server_echoes()
    {
        var error = SendContactMailJob.Shorten("SmtpCommandException: 5.7.1 <support@example.org>: Recipient address rejected\r\n(from ada.lovelace+gocart@mail.example.org)");

        Assert.Equal("SmtpCommandException: 5.7.1 <[address]>: Recipient address rejected  (from [address])", error);
    }

    [Fact]
    public void The_start_up_description_never_shows_the_user_or_password()
    {
        var description = Mail(new()
        {
            ["CARTOGRAM_SMTP_HOST"] = "smtp.example.org",
            ["CARTOGRAM_SMTP_AUTHENTICATION_REQUIRED"] = "TRUE",
            ["CARTOGRAM_SMTP_USER"] = "account-name",
            ["CARTOGRAM_SMTP_PASSWORD"] = "secret-password",
        }).Describe();

        Assert.Equal("SMTP smtp.example.org:587 (StartTls, with authentication)", description);
    }

    private static MailSettings Mail(Dictionary<string, string?> values) =>
        new(SiteSettings.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), Path.GetTempPath()));
}
