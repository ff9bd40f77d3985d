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
/// framed while the rest of the site may not. Only succeeded cartograms are shown.
/// </summary>
[OutputCache(PolicyName = SharedPageCache.PolicyName)]
public sealed class ShowModel(GoCartDbContext database, CartogramViews views, Sharing sharing, SiteSettings settings) : PageModel
{
    public CartogramRecord Record { get; private set; } = null!;

    public CartogramView View { get; private set; } = null!;

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels Panels { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellation)
    {
        if (!CartogramKeys.IsWellFormed(key)
            || await database.Cartograms.AsNoTracking().Where(c => c.Key == key && c.Status == CartogramRecordStatus.Succeeded).WithoutPayload().FirstOrDefaultAsync(cancellation) is not { } record)
        {
            return NotFound();
        }

        Record = record;
        View = await views.ViewAsync(record, database, cancellation);
        Panels = await views.PanelsAsync(record, database, ViewSettings.Read(Request.Query, View.Scene.Columns.Count), cancellation);
        await sharing.RecordViewAsync(record, cancellation);
        if (record.IsShared)
        {
            SharedPageCache.Allow(HttpContext, settings);
        }

        return Page();
    }
}
