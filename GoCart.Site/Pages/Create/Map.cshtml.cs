using GoCart.Lambda.Geo;
using GoCart.Site.Cartograms;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace GoCart.Site.Pages.Create;

/// <summary>
/// /create/map: upload your own map (GeoJSON, TopoJSON or a zipped shapefile). It is read and checked (limits,
/// geometry, ids) right away; a good map is stored (as GeoJSON) as a draft and the data table opens for it, with
/// far-flung regions already given an inset side.
/// </summary>
[EnableRateLimiting(RateLimitSetup.SubmissionsPolicy)]
[RequestSizeLimit(RequestSizeGuard.MaxRequestBytes)]
public sealed class MapModel(CartogramSubmitter submitter) : PageModel
{
    [BindProperty]
    public IFormFile? MapFile { get; set; }

    [BindProperty]
    public string? IdProperty { get; set; }

    /// <summary>Which TopoJSON object (or shapefile in a zip holding several) to use; empty for the one with the most polygons.</summary>
    [BindProperty]
    public string? ObjectName { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
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
            return Redirect($"/create?draft={key}");
        }
        catch (MapInputException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }
}
