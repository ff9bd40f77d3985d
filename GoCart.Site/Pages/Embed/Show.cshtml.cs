using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Pages.Embed;

/// <summary>
/// /embed/{key}: the cartogram alone for iframes on other sites (no navigation, no editing); these pages may be
/// framed while the rest of the site may not. Only succeeded cartograms are shown; for a dataset of several
/// columns, the one <c>?column=</c> names (index or name; the first by default).
/// </summary>
[OutputCache(PolicyName = SharedPageCache.PolicyName)]
public sealed class ShowModel(GoCartDbContext database, CartogramViews views, Sharing sharing, Datasets datasets, SiteSettings settings) : PageModel
{
    public CartogramRecord Record { get; private set; } = null!;

    /// <summary>The record computing the column shown (the cartogram itself when it has one column).</summary>
    public CartogramRecord Shown { get; private set; } = null!;

    /// <summary>The full page's link: the dataset, opened on the column shown.</summary>
    public string PageLink { get; private set; } = "";

    public CartogramView View { get; private set; } = null!;

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels Panels { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, string? column, CancellationToken cancellation)
    {
        if (!CartogramKeys.IsWellFormed(key)
            || await database.Cartograms.AsNoTracking().Where(c => c.Key == key && c.Status == CartogramRecordStatus.Succeeded).WithoutPayload().FirstOrDefaultAsync(cancellation) is not { } record)
        {
            return NotFound();
        }

        var columns = await datasets.ColumnsAsync(record, cancellation);
        if (Datasets.Pick(columns, column) is not { } index
            || await datasets.ColumnRecordAsync(record, index, cancellation) is not { Status: CartogramRecordStatus.Succeeded } shown)
        {
            return NotFound();
        }

        Record = record;
        Shown = shown;
        PageLink = index > 0 ? $"/cartogram/{record.Key}?column={index}" : $"/cartogram/{record.Key}";
        View = await views.ViewAsync(shown, database, cancellation);
        Panels = await views.PanelsAsync(shown, database, ViewSettings.Read(Request.Query, View.Scene.ColumnNames), cancellation);
        await sharing.RecordViewAsync(record, cancellation);
        if (record.IsShared)
        {
            SharedPageCache.Allow(HttpContext, settings);
        }

        return Page();
    }
}
