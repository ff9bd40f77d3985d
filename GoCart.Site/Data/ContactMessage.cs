namespace GoCart.Site.Data;

/// <summary>
/// A message from the contact form, stored before any mail is sent so that nothing is lost: the
/// SendContactMail job delivers it and sets <see cref="SentUtc"/> only once the mail server has accepted it.
/// </summary>
public sealed class ContactMessage
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Email { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Body { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? SentUtc { get; set; }

    public int Attempts { get; set; }

    /// <summary>Why the last attempt failed (no credentials or message text), for the admin page.</summary>
    public string? LastError { get; set; }
}
