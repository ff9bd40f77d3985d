using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Pages.Cartogram;

/// <summary>
/// /cartogram/{key}: progress while the job runs (polled by script, or the page refreshes itself), the result
/// once it succeeded, or what went wrong with a way to retry or fix the data. A library map id in place of the
/// key shows that map, as go-cart.io's links did.
/// </summary>
[OutputCache(PolicyName = SharedPageCache.PolicyName)]
public sealed class ShowModel(GoCartDbContext database, MapLibrary library, CartogramViews views, CartogramSubmitter submitter, Sharing sharing, SiteSettings settings) : PageModel
{
    public CartogramRecord Record { get; private set; } = null!;

    public CartogramView? View { get; private set; }

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels? Panels { get; private set; }

    /// <summary>The share dialog's links, once the cartogram is shared.</summary>
    public ShareLinks? Links { get; private set; }

    public bool InProgress => Record.Status is CartogramRecordStatus.Queued or CartogramRecordStatus.Running;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken cancellation)
    {
        if (library.Find(key) is { } map)
        {
            return RedirectPermanent($"/maps/{map.Id}");
        }

        if (!CartogramKeys.IsWellFormed(key) || await database.Cartograms.AsNoTracking().Where(c => c.Key == key).WithoutPayload().FirstOrDefaultAsync(cancellation) is not { } record)
        {
            return NotFound();
        }

        if (record.Status == CartogramRecordStatus.Draft)
        {
            return Redirect($"/create?draft={key}");
        }

        Record = record;
        if (record.Status == CartogramRecordStatus.Succeeded)
        {
            View = await views.ViewAsync(record, database, cancellation);
            Panels = await views.PanelsAsync(record, database, ViewSettings.Read(Request.Query, View.Scene.Columns.Count), cancellation);
            Links = record.IsShared ? sharing.Links(Request, record) : null;
            if (record.IsShared)
            {
                SharedPageCache.Allow(HttpContext, settings);
            }

            await sharing.RecordViewAsync(record, cancellation);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(string key, CancellationToken cancellation)
    {
        await sharing.ShareAsync(key, cancellation);
        return Redirect($"/cartogram/{key}#share");
    }

    public async Task<IActionResult> OnPostRetryAsync(string key, CancellationToken cancellation)
    {
        await submitter.RetryAsync(key, cancellation);
        return Redirect($"/cartogram/{key}");
    }
}
