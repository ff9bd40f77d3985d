using System.ComponentModel.DataAnnotations;

namespace GoCart.Site.Contact;

/// <summary>What the contact form posts: the message, the honeypot and the answer to the challenge question.</summary>
public sealed class ContactForm
{
    private string _message = "";

    [Required(ErrorMessage = "Please tell us your name.")]
    [StringLength(100, ErrorMessage = "Your name can be at most {1} characters long.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Please give an e-mail address, so that we can answer.")]
    [StringLength(254, ErrorMessage = "The e-mail address can be at most {1} characters long.")]
    [PlainMailAddress(ErrorMessage = "Please check the e-mail address: it should look like name@example.org.")]
    [DataType(DataType.EmailAddress)]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Please give your message a subject.")]
    [StringLength(150, ErrorMessage = "The subject can be at most {1} characters long.")]
    public string Subject { get; set; } = "";

    /// <summary>The text, with line endings made "\n" so that its length is what the visitor sees.</summary>
    [Required(ErrorMessage = "Please write a message.")]
    [StringLength(5000, ErrorMessage = "The message can be at most {1} characters long.")]
    public string Message
    {
        get => _message;
        set => _message = (value ?? "").ReplaceLineEndings("\n");
    }

    /// <summary>The honeypot: hidden from people, so anything in it was typed by a bot.</summary>
    public string? Website { get; set; }

    /// <summary>The protected token carrying the expected answer (see <see cref="ContactChallenge"/>).</summary>
    public string? ChallengeToken { get; set; }

    public string? ChallengeAnswer { get; set; }
}
