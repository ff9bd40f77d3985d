using System.Globalization;
using GoCart.Site.Infrastructure;
using MailKit.Security;
using MimeKit;

namespace GoCart.Site.Contact;

/// <summary>
/// The CARTOGRAM_SMTP_* settings as the mail code uses them: SMTP when a host is set, otherwise the pickup folder
/// under the data folder. Not a record, so that printing it can never show the password.
/// </summary>
public sealed class MailSettings(SiteSettings settings)
{
    /// <summary>The submission port (RFC 6409): STARTTLS, used when no port is configured.</summary>
    public const int DefaultPort = 587;

    /// <summary>The port of TLS from the first byte (RFC 8314).</summary>
    public const int ImplicitTlsPort = 465;

    public string? Host => settings.SmtpHost;

    public bool UsesSmtp => Host is not null;

    public int Port => int.TryParse(settings.SmtpPortText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : DefaultPort;

    public bool AuthenticationRequired => bool.TryParse(settings.SmtpAuthenticationRequiredText, out var required) && required;

    public string? User => settings.SmtpUser;

    /// <summary>A secret: never logged.</summary>
    public string? Password => settings.SmtpPassword;

    /// <summary>The sender; a local placeholder for pickup-folder files when unset.</summary>
    public string FromEmail => settings.SmtpFromEmail ?? "gocart@localhost";

    /// <summary>Where messages go; a local placeholder for pickup-folder files when unset.</summary>
    public string Destination => settings.SmtpDestination ?? "contact@localhost";

    public string PickupFolder => Path.Combine(settings.DataDir, "mail-pickup");

    /// <summary>587 insists on STARTTLS, 465 speaks TLS at once, any other port upgrades when the server offers it.</summary>
    public SecureSocketOptions Security => Port switch
    {
        DefaultPort => SecureSocketOptions.StartTls,
        ImplicitTlsPort => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };

    /// <summary>What the start-up log says about mail: host, port and security, never the user or password.</summary>
    public string Describe() => UsesSmtp
        ? $"SMTP {Host}:{Port} ({Security}{(AuthenticationRequired ? ", with authentication" : "")})"
        : $"pickup folder {PickupFolder}";

    /// <summary>What is wrong with the CARTOGRAM_SMTP_* settings, each message naming its variable.</summary>
    public static IEnumerable<string> Problems(SiteSettings settings)
    {
        if (settings.SmtpPortText is { } port && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535))
        {
            yield return $"{SiteSettings.SmtpPortKey} must be a port number from 1 to 65535 (587 for STARTTLS, 465 for TLS).";
        }

        if (settings.SmtpAuthenticationRequiredText is { } required && !bool.TryParse(required, out _))
        {
            yield return $"{SiteSettings.SmtpAuthenticationRequiredKey} must be TRUE or FALSE.";
        }

        if (settings.SmtpHost is null)
        {
            yield break;
        }

        foreach (var (key, value) in new[] { (SiteSettings.SmtpFromEmailKey, settings.SmtpFromEmail), (SiteSettings.SmtpDestinationKey, settings.SmtpDestination) })
        {
            if (!IsMailbox(value))
            {
                yield return $"{key} must be an e-mail address such as contact@example.org when {SiteSettings.SmtpHostKey} is set.";
            }
        }

        if (new MailSettings(settings).AuthenticationRequired)
        {
            foreach (var (key, value) in new[] { (SiteSettings.SmtpUserKey, settings.SmtpUser), (SiteSettings.SmtpPasswordKey, settings.SmtpPassword) })
            {
                if (value is null)
                {
                    yield return $"{key} must be set when {SiteSettings.SmtpAuthenticationRequiredKey} is TRUE.";
                }
            }
        }
    }

    /// <summary>One address (optionally with a display name), with a local part and a domain.</summary>
    public static bool IsMailbox(string? value) =>
        value is not null && MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < mailbox.Address.Length - 1;
}
