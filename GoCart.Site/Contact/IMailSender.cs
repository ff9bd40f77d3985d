using MimeKit;

namespace GoCart.Site.Contact;

/// <summary>Hands a finished message to the configured backend; returns only once the backend has accepted it.</summary>
public interface IMailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellation);
}
