using GoCart.Site.Contact;
using GoCart.Site.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GoCart.Site.Pages.Contact;

/// <summary>
/// /contact: validates the form, lets bots that filled the honeypot believe they succeeded, checks the answer
/// to the question, stores the message and queues its mail, then redirects to the thank-you page.
/// </summary>
[EnableRateLimiting(RateLimitSetup.ContactPolicy)]
public sealed class IndexModel(ContactChallenge challenge, ContactInbox inbox) : PageModel
{
    [BindProperty]
    public ContactForm Form { get; set; } = new();

    public string Question { get; private set; } = "";

    public string ChallengeToken { get; private set; } = "";

    public void OnGet() => Ask();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (!string.IsNullOrEmpty(Form.Website))
        {
            return RedirectToPage("Thanks");
        }

        switch (challenge.Check(Form.ChallengeToken, Form.ChallengeAnswer))
        {
            case ChallengeVerdict.Wrong:
                ModelState.AddModelError("Form.ChallengeAnswer", "That is not the answer to the question. Please try this new one.");
                break;
            case ChallengeVerdict.Expired:
                ModelState.AddModelError("Form.ChallengeAnswer", "The question expired. Please answer this new one.");
                break;
        }

        if (!ModelState.IsValid)
        {
            Ask();
            return Page();
        }

        await inbox.AcceptAsync(Form, cancellation);
        return RedirectToPage("Thanks");
    }

    private void Ask() => (Question, ChallengeToken) = challenge.Next();
}
