using MailKit;
using MailKit.Net.Smtp;
using MimeKit;

namespace GoCart.Site.Contact;

/// <summary>Sends through the configured SMTP server with MailKit: one connection per message, with a timeout.</summary>
public sealed class SmtpMailSender(MailSettings settings) : IMailSender
{
    /// <summary>For each network operation (connect, authenticate, send).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("No SMTP host is configured."), settings.Port, settings.Security, cancellation);
        if (settings.AuthenticationRequired)
        {
            // The validator insists on both when authentication is required.
            await client.AuthenticateAsync(settings.User ?? "", settings.Password ?? "", cancellation);
        }

        await client.SendAsync(message, cancellation);
        try
        {
            await client.DisconnectAsync(quit: true, cancellation);
        }
        catch (Exception exception) when (exception is IOException or ProtocolException or CommandException)
        {
            // The server has accepted the message: a failed goodbye must not fail the job, or it would send it again.
        }
    }
}
