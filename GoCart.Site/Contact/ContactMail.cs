using System.Globalization;
using GoCart.Site.Data;
using MimeKit;
using MimeKit.Text;

namespace GoCart.Site.Contact;

/// <summary>
/// Turns a stored contact message into the mail the site's team receives: from the configured sender to the
/// destination, Reply-To the visitor. Whatever the visitor typed goes into headers only as one line (control
/// characters become spaces) and MimeKit encodes it, so no input can add a header.
/// </summary>
public static class ContactMail
{
    public const string SenderName = "GoCart contact form";

    public const string SubjectPrefix = "[GoCart] ";

    public static MimeMessage Build(ContactMessage message, MailSettings settings)
    {
        var from = MailboxAddress.Parse(settings.FromEmail);
        if (string.IsNullOrEmpty(from.Name))
        {
            from.Name = SenderName;
        }

        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(settings.Destination));
        mail.ReplyTo.Add(new MailboxAddress(OneLine(message.Name), OneLine(message.Email)));
        mail.Subject = SubjectPrefix + OneLine(message.Subject);
        mail.Date = new DateTimeOffset(DateTime.SpecifyKind(message.CreatedUtc, DateTimeKind.Utc));
        mail.Body = new TextPart(TextFormat.Plain)
        {
            Text = string.Create(CultureInfo.InvariantCulture, $"""
                Name: {OneLine(message.Name)}
                E-mail: {OneLine(message.Email)}
                Sent: {message.CreatedUtc:yyyy-MM-dd HH:mm} UTC (contact message {message.Id})

                {message.Body}

                """),
        };
        return mail;
    }

    /// <summary>The text with every control character (CR, LF, tab...) replaced by a space, trimmed.</summary>
    public static string OneLine(string text) =>
        string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        }).Trim();
}
