using MimeKit;

namespace GoCart.Site.Contact;

/// <summary>
/// The embedded default: writes each message as an .eml file into the pickup folder (written under a temporary
/// name and then renamed, so a reader never sees half a file).
/// </summary>
public sealed class PickupFolderMailSender(MailSettings settings, TimeProvider time) : IMailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellation)
    {
        Directory.CreateDirectory(settings.PickupFolder);
        var name = $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(settings.PickupFolder, name + ".tmp");
        await message.WriteToAsync(temporary, cancellation);
        File.Move(temporary, Path.Combine(settings.PickupFolder, name));
    }
}
