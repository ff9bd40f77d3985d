using GoCart.Site.Analytics;

namespace GoCart.Site.Infrastructure;

/// <summary>
/// Security headers on every response, error pages and static files included: a content security policy that
/// allows only the site's own scripts (and Google Analytics' hosts once a visitor has consented), no framing
/// except for /embed/ pages (which exist to be shown in iframes elsewhere), no MIME sniffing, and a referrer
/// that leaves out paths on other sites.
/// </summary>
public static class SecurityHeadersSetup
{
    public const string EmbedPrefix = "/embed/";

    public static WebApplication UseGoCartSecurityHeaders(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<SiteSettings>();
        app.Use((context, next) =>
        {
            // Decided on the original request: an error page re-executed for it runs under another path.
            var embeddable = context.Request.Path.Value?.StartsWith(EmbedPrefix, StringComparison.OrdinalIgnoreCase) == true;
            var analytics = AnalyticsConsent.IsGranted(context, settings);
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy(embeddable, analytics);
                if (!embeddable)
                {
                    headers.XFrameOptions = "DENY";
                }

                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }

    public static string ContentSecurityPolicy(bool embeddable, bool analytics)
    {
        var images = analytics ? $"'self' data: {GoogleAnalytics.ImageHosts}" : "'self' data:";
        var scripts = analytics ? $"'self' {GoogleAnalytics.ScriptHosts}" : "'self'";
        var connect = analytics ? $" connect-src 'self' {GoogleAnalytics.ConnectHosts};" : "";
        var ancestors = embeddable ? "*" : "'none'";
        return $"default-src 'self'; img-src {images}; style-src 'self' 'unsafe-inline'; script-src {scripts};{connect} frame-ancestors {ancestors}";
    }
}
