using GoCart.Lambda.Geo;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Pages.Create;

/// <summary>
/// /create/map: upload your own map (GeoJSON, TopoJSON or a zipped shapefile). It is read and checked (limits,
/// geometry, ids) right away; a good map is stored (as GeoJSON) as a draft and the data table opens for it. When
/// regions lie far from the main land mass, or regions have far parts, a second step (<c>?draft=</c>, a plain form)
/// first asks, region by region, for an inset, the main map or leaving it out, and whether to leave out the far parts.
/// </summary>
[EnableRateLimiting(RateLimitSetup.SubmissionsPolicy)]
[RequestSizeLimit(RequestSizeGuard.MaxRequestBytes)]
public sealed class MapModel(CartogramSubmitter submitter, GoCartDbContext database) : PageModel
{
    /// <summary>The draft whose far-flung regions are being chosen (the second step), or null for the upload form.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    /// <summary>The choice for each far-flung region (the second step).</summary>
    [BindProperty]
    public List<FarFlungRow> FarFlung { get; set; } = [];

    /// <summary>Whether to leave out the far parts of the regions on the main map (the second step).</summary>
    [BindProperty]
    public bool LeaveOutFarParts { get; set; }

    /// <summary>The draft's map, on the second step.</summary>
    public UploadedMap? Uploaded { get; private set; }

    [BindProperty]
    public IFormFile? MapFile { get; set; }

    [BindProperty]
    public string? IdProperty { get; set; }

    /// <summary>Which TopoJSON object (or shapefile in a zip holding several) to use; empty for the one with the most polygons.</summary>
    [BindProperty]
    public string? ObjectName { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellation)
    {
        if (Draft is null)
        {
            return Page();
        }

        var submission = await DraftAsync(cancellation);
        if (submission is null)
        {
            Error = "That uploaded map is no longer stored (drafts are kept for two days). Upload it again.";
            Draft = null;
            return Page();
        }

        Uploaded = UploadedMap.Read(submission.Geometry!.Value, submission.RegionIdProperty);
        var insets = submission.Rows.ToDictionary(r => r.Id, r => r.Inset, StringComparer.Ordinal);
        FarFlung = [.. Uploaded.FarFlung.Select(f => new FarFlungRow { Id = f.Key, Choice = insets.GetValueOrDefault(f.Key) ?? f.Value })];
        return Page();
    }

    /// <summary>The second step's answer: a new draft without what was left out, its far-flung regions' Inset set as chosen.</summary>
    public async Task<IActionResult> OnPostChooseAsync(CancellationToken cancellation)
    {
        var submission = await DraftAsync(cancellation);
        if (submission is null)
        {
            Error = "That uploaded map is no longer stored (drafts are kept for two days). Upload it again.";
            Draft = null;
            return Page();
        }

        var choices = FarFlung.Where(f => f.Id.Length > 0).ToDictionary(f => f.Id, f => f.Choice, StringComparer.Ordinal);
        if (choices.Values.FirstOrDefault(c => c is not (FarFlungRow.LeftOut or FarFlungRow.MainMap or "L" or "R" or "T" or "B")) is { } wrong)
        {
            Error = $"\"{wrong}\" is not a choice for a far-flung region; pick an inset side, the main map or leave it out.";
            return await OnGetAsync(cancellation);
        }

        try
        {
            var leaveOut = choices.Where(c => c.Value == FarFlungRow.LeftOut).Select(c => c.Key).ToList();
            var (geometry, notes) = UploadedMap.LeaveOut(submission.Geometry!.Value, submission.RegionIdProperty, leaveOut, LeaveOutFarParts);
            var rows = submission.Rows.Where(r => !leaveOut.Contains(r.Id, StringComparer.Ordinal))
                .Select(r => choices.TryGetValue(r.Id, out var choice) ? r with { Inset = choice == FarFlungRow.MainMap ? null : choice } : r);
            var key = await submitter.SaveDraftAsync(submission with { Geometry = geometry, Rows = [.. rows], MapNotes = notes }, cancellation);
            return Redirect($"/create?draft={key}");
        }
        catch (MapInputException exception)
        {
            Error = exception.Message;
            return await OnGetAsync(cancellation);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellation)
    {
        if (MapFile is null || MapFile.Length == 0)
        {
            Error = "Choose a map file to upload: GeoJSON, TopoJSON or a zipped shapefile.";
            return Page();
        }

        if (MapFile.Length > CartogramsSetup.MaxUploadBytes)
        {
            Error = $"The file is {MapFile.Length / (1024.0 * 1024):0.0} MB; the limit is {CartogramsSetup.MaxUploadBytes / (1024 * 1024)} MB. Simplify the boundaries (for example with mapshaper) and try again.";
            return Page();
        }

        try
        {
            using var buffer = new MemoryStream();
            await MapFile.CopyToAsync(buffer, cancellation);
            var geometry = UploadedMap.Normalise(buffer.ToArray(), ObjectName);
            var map = UploadedMap.Read(geometry, string.IsNullOrWhiteSpace(IdProperty) ? null : IdProperty.Trim());
            var submission = new CartogramSubmission
            {
                Geometry = geometry,
                RegionIdProperty = map.IdProperty,
                Title = Path.GetFileNameWithoutExtension(MapFile.FileName),
                Rows = [.. map.Regions.Select(r => new SubmissionRow(r.Id, null, null, null, map.FarFlung.GetValueOrDefault(r.Id)))],
            };
            var key = await submitter.SaveDraftAsync(submission, cancellation);
            return Redirect(map.FarFlung.Count > 0 || map.FarParts.Count > 0 ? $"/create/map?draft={key}" : $"/create?draft={key}");
        }
        catch (MapInputException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }

    private async Task<CartogramSubmission?> DraftAsync(CancellationToken cancellation)
    {
        var record = CartogramKeys.IsWellFormed(Draft)
            ? await database.Cartograms.FirstOrDefaultAsync(c => c.Key == Draft && c.Status == CartogramRecordStatus.Draft, cancellation)
            : null;
        return record is null ? null : CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
    }
}
