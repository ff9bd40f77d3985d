using System.ComponentModel.DataAnnotations;

namespace GoCart.Site.Contact;

/// <summary>
/// One plain e-mail address as MimeKit reads it (no display name, no line breaks, a local part and a domain):
/// stricter than [EmailAddress], which lets through anything with one @, line breaks included.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PlainMailAddressAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string { Length: > 0 } text
        || (MailSettings.IsMailbox(text) && MimeKit.MailboxAddress.Parse(text).Address == text.Trim());
}
