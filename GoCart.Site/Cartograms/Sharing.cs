using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Sharing a cartogram: marking it shared (so the cleanup keeps it while it is viewed), recording views at most
/// once a day, and the absolute links a share dialog and link previews need.
/// </summary>
public sealed class Sharing(GoCartDbContext database, Datasets datasets, SiteSettings settings, TimeProvider time)
{
    /// <summary>Shares a cartogram and, for a dataset of several columns, every column's record with it (one link covers them all).</summary>
    public async Task<bool> ShareAsync(string key, CancellationToken cancellation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var shared = await database.Cartograms
            .Where(c => c.Key == key && c.Status == CartogramRecordStatus.Succeeded)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.IsShared, true).SetProperty(c => c.LastAccessedUtc, now), cancellation) == 1;
        if (shared)
        {
            var columns = datasets.RecordKeys(key);
            await database.Cartograms.Where(c => columns.Contains(c.Key))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.IsShared, true).SetProperty(c => c.LastAccessedUtc, now), cancellation);
        }

        return shared;
    }

    /// <summary>Notes a view; writes only when the stored date is a day old or more, so busy pages cost no writes.</summary>
    public async Task RecordViewAsync(CartogramRecord record, CancellationToken cancellation)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - record.LastAccessedUtc < TimeSpan.FromDays(1))
        {
            return;
        }

        var columns = datasets.RecordKeys(record.Key);
        await database.Cartograms.Where(c => c.Key == record.Key || columns.Contains(c.Key))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.LastAccessedUtc, now), cancellation);
    }

    /// <summary>The site's public address: CARTOGRAM_PUBLIC_URL, or the address of the current request.</summary>
    public string BaseUrl(HttpRequest request) =>
        (settings.PublicUrl?.GetLeftPart(UriPartial.Authority) ?? $"{request.Scheme}://{request.Host}").TrimEnd('/');

    /// <summary>The links; <paramref name="column"/> (a dataset's column, by index) is what they open on.</summary>
    public ShareLinks Links(HttpRequest request, CartogramRecord record, DatasetColumn? column = null)
    {
        var site = BaseUrl(request);
        var query = column is { Index: > 0 } ? $"?column={column.Index}" : "";
        return new ShareLinks(
            $"{site}/cartogram/{record.Key}{query}",
            $"{site}/embed/{record.Key}{query}",
            $"{site}/api/v1/cartograms/{column?.CartogramKey ?? record.Key}/cartogram.png",
            record.Title,
            settings.SharedRetentionDays);
    }
}

/// <summary>Absolute links of a shared cartogram and how long they live.</summary>
public sealed record ShareLinks(string Page, string Embed, string Image, string Title, int RetentionDays)
{
    public string EmbedSnippet => $"<iframe src=\"{Embed}\" width=\"100%\" height=\"560\" style=\"border:0\" title=\"{System.Net.WebUtility.HtmlEncode(Title)}\" loading=\"lazy\"></iframe>";

    public string MailTo => $"mailto:?subject={Uri.EscapeDataString(Title)}&body={Uri.EscapeDataString($"{Title}: {Page}")}";

    public string XIntent => $"https://twitter.com/intent/tweet?text={Uri.EscapeDataString(Title)}&url={Uri.EscapeDataString(Page)}";

    public string Facebook => $"https://www.facebook.com/sharer/sharer.php?u={Uri.EscapeDataString(Page)}";

    public string LinkedIn => $"https://www.linkedin.com/sharing/share-offsite/?url={Uri.EscapeDataString(Page)}";

    public string Bluesky => $"https://bsky.app/intent/compose?text={Uri.EscapeDataString($"{Title} {Page}")}";
}
