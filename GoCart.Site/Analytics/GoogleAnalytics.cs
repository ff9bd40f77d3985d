using System.Text.RegularExpressions;

namespace GoCart.Site.Analytics;

/// <summary>
/// What Google Analytics needs from the site: a well-formed tracking id, and the hosts the content security
/// policy must allow once a visitor has consented (Google's list for gtag.js with GA4).
/// </summary>
public static partial class GoogleAnalytics
{
    public const string ScriptHosts = "https://www.googletagmanager.com";

    public const string ConnectHosts = "https://*.google-analytics.com https://*.analytics.google.com https://*.googletagmanager.com";

    public const string ImageHosts = "https://*.google-analytics.com https://*.googletagmanager.com";

    /// <summary>A GA4 measurement id (G-XXXXXXX) or a Universal Analytics property id (UA-1234-1).</summary>
    public static bool IsTrackingId(string value) => TrackingId().IsMatch(value);

    [GeneratedRegex("^(G-[A-Z0-9]{4,16}|UA-[0-9]{4,10}-[0-9]{1,4})$")]
    private static partial Regex TrackingId();
}
