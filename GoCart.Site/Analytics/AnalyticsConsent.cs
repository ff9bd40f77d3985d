using GoCart.Site.Infrastructure;

namespace GoCart.Site.Analytics;

/// <summary>
/// The visitor's answer to the analytics question, kept in one cookie for 180 days. Without a tracking id there
/// is no question and nothing is set; Analytics loads only when the answer is yes.
/// </summary>
public static class AnalyticsConsent
{
    public const string CookieName = "gocart.consent";

    public const string Accepted = "yes";

    public const string Declined = "no";

    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    /// <summary>Whether the site should ask: analytics is configured and the visitor has not answered yet.</summary>
    public static bool ShouldAsk(HttpContext context, SiteSettings settings) =>
        settings.GaTrackingId is not null && Answer(context) is null;

    /// <summary>Whether Analytics may load for this request.</summary>
    public static bool IsGranted(HttpContext context, SiteSettings settings) =>
        settings.GaTrackingId is not null && Answer(context) == Accepted;

    /// <summary>The stored answer (yes or no), or null when there is none or it is not one of the two.</summary>
    public static string? Answer(HttpContext context) =>
        context.Request.Cookies[CookieName] switch
        {
            Accepted => Accepted,
            Declined => Declined,
            _ => null,
        };

    /// <summary>Remembers the answer; does nothing when analytics is not configured.</summary>
    public static void Remember(HttpContext context, SiteSettings settings, bool accepted)
    {
        if (settings.GaTrackingId is null)
        {
            return;
        }

        context.Response.Cookies.Append(CookieName, accepted ? Accepted : Declined, new CookieOptions
        {
            MaxAge = Lifetime,
            HttpOnly = true,
            Secure = context.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            Path = "/",
        });
    }
}
