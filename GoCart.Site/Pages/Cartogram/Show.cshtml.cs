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
/// once it succeeded, or what went wrong with a way to retry or fix the data. A dataset of several columns lists
/// them (each with its state); its panels show any column (<c>?panels=contiguous.2,choropleth.1</c>), each
/// cartogram as soon as its column is computed, and open on the one <c>?column=</c> names (index or name; the
/// first by default), whose figures and downloads the page shows. A library map id in place of the key shows that map, as go-cart.io's links did.
/// </summary>
[OutputCache(PolicyName = SharedPageCache.PolicyName)]
public sealed class ShowModel(GoCartDbContext database, MapLibrary library, CartogramViews views, CartogramSubmitter submitter, Sharing sharing, Datasets datasets, SiteSettings settings) : PageModel
{
    /// <summary>The dataset (for a single column, the cartogram itself): title, sharing, the share link's key.</summary>
    public CartogramRecord Record { get; private set; } = null!;

    /// <summary>The record computing the column shown.</summary>
    public CartogramRecord Shown { get; private set; } = null!;

    /// <summary>Every column of the dataset with its record (one entry for a single-column cartogram).</summary>
    public IReadOnlyList<(DatasetColumn Column, CartogramRecord? Record)> Columns { get; private set; } = [];

    public int ColumnIndex { get; private set; }

    public CartogramView? View { get; private set; }

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels? Panels { get; private set; }

    /// <summary>The share dialog's links, once the cartogram is shared.</summary>
    public ShareLinks? Links { get; private set; }

    public bool IsDataset => Columns.Count > 1;

    /// <summary>Something shown is still being computed: the page polls (or, without JavaScript, refreshes itself).</summary>
    public bool InProgress => Panels is { } panels ? panels.AnyComputing : Shown.Status is CartogramRecordStatus.Queued or CartogramRecordStatus.Running;

    public async Task<IActionResult> OnGetAsync(string key, string? column, CancellationToken cancellation)
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
        Columns = await datasets.ColumnRecordsAsync(record, cancellation);
        if (Datasets.Pick([.. Columns.Select(c => c.Column)], column) is not { } index || Columns[index].Record is not { } shown)
        {
            return NotFound();
        }

        ColumnIndex = index;
        Shown = shown;
        View = await views.DatasetViewAsync(Columns, index, database, cancellation);
        if (View is not null)
        {
            Panels = views.Panels(View, ViewSettings.Read(Request.Query, View.Scene.ColumnNames, index));
        }

        if (record.Status == CartogramRecordStatus.Succeeded || View is not null)
        {
            Links = record.IsShared ? sharing.Links(Request, record, IsDataset ? Columns[index].Column : null) : null;
            if (record.IsShared && !Columns.Any(c => c.Record?.Status is CartogramRecordStatus.Queued or CartogramRecordStatus.Running))
            {
                SharedPageCache.Allow(HttpContext, settings);
            }

            await sharing.RecordViewAsync(record, cancellation);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostShareAsync(string key, string? column, CancellationToken cancellation)
    {
        await sharing.ShareAsync(key, cancellation);
        return Redirect($"/cartogram/{key}{ColumnQuery(column)}#share");
    }

    /// <summary>Computes a failed cartogram again; for a dataset, the column <paramref name="column"/> names.</summary>
    public async Task<IActionResult> OnPostRetryAsync(string key, string? column, CancellationToken cancellation)
    {
        var record = CartogramKeys.IsWellFormed(key) ? await database.Cartograms.AsNoTracking().Where(c => c.Key == key).WithoutPayload().FirstOrDefaultAsync(cancellation) : null;
        var columns = record is null ? [] : await datasets.ColumnsAsync(record, cancellation);
        if (record is null || Datasets.Pick(columns, column) is not { } index)
        {
            return NotFound();
        }

        await submitter.RetryAsync(columns[index].CartogramKey, cancellation);
        return Redirect($"/cartogram/{key}{ColumnQuery(column)}");
    }

    private static string ColumnQuery(string? column) =>
        string.IsNullOrWhiteSpace(column) ? "" : $"?column={Uri.EscapeDataString(column.Trim())}";
}
