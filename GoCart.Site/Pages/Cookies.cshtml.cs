using GoCart.Site.Analytics;
using GoCart.Site.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

/// <summary>
/// /cookies: what the site stores in the browser, and the endpoint of the consent banner's two forms
/// (accept / decline), which remember the answer and go back to the page the visitor was on.
/// </summary>
public sealed class CookiesModel(SiteSettings settings) : PageModel
{
    public bool AnalyticsConfigured => settings.GaTrackingId is not null;

    public string? Answer => AnalyticsConsent.Answer(HttpContext);

    public void OnGet()
    {
    }

    public IActionResult OnPostAccept(string? returnUrl) => Remember(accepted: true, returnUrl);

    public IActionResult OnPostDecline(string? returnUrl) => Remember(accepted: false, returnUrl);

    private LocalRedirectResult Remember(bool accepted, string? returnUrl)
    {
        AnalyticsConsent.Remember(HttpContext, settings, accepted);
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/cookies");
    }
}
