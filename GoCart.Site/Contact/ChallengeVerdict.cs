namespace GoCart.Site.Contact;

/// <summary>The outcome of checking an answer to the contact form's question.</summary>
public enum ChallengeVerdict
{
    Correct,
    Wrong,
    Expired,
}
