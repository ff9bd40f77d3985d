using GoCart.Site.Analytics;
using GoCart.Site.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Whole-page caching of shared results (/cartogram/{key} and /embed/{key}): a link that spreads brings many
/// viewers of one page that never changes, so the rendered page is kept for an hour and served without touching
/// the database or the page pipeline. Only pages that say so are stored (<see cref="Allow"/>: succeeded and
/// shared, no form with an antiforgery token on it) and only without a Set-Cookie; the entry varies by host
/// and by the visitor's analytics answer, which change the links and the page's scripts. Views still reach the
/// page at least hourly, so last-accessed dates keep their daily resolution.
/// </summary>
public sealed class SharedPageCache : IOutputCachePolicy
{
    public const string PolicyName = "shared-cartogram";

    public static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);

    private static readonly object Marker = new();

    /// <summary>Lets this response be stored: the page is a shared result that looks the same to every visitor.</summary>
    public static void Allow(HttpContext context, SiteSettings settings)
    {
        if (!AnalyticsConsent.ShouldAsk(context, settings))
        {
            context.Items[Marker] = true;
        }
    }

    ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var attempt = HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = attempt;
        context.AllowCacheStorage = attempt;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = KeepFor;
        context.CacheVaryByRules.VaryByHost = true;
        // The query string picks the column (?column=), the panels, colours and grid (ViewSettings): each view is its own page. The raw
        // string, not QueryKeys = "*", which sorts a key's values and so merged panels=a&panels=b with panels=b&panels=a.
        context.CacheVaryByRules.VaryByValues["query"] = request.QueryString.Value ?? "";
        context.CacheVaryByRules.VaryByValues["consent"] = AnalyticsConsent.Answer(context.HttpContext) ?? "";
        return ValueTask.CompletedTask;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var http = context.HttpContext;
        if (http.Response.StatusCode != StatusCodes.Status200OK || http.Response.Headers.SetCookie.Count > 0 || !http.Items.ContainsKey(Marker))
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }
}
