using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages.Maps;

/// <summary>
/// One library map: its equal-area map and population cartogram side by side (computed once, on the first
/// visit, and kept), its sources, its data templates and the way to make your own.
/// </summary>
public sealed class MapModel(MapLibrary library, CartogramSubmitter submitter, CartogramViews views, GoCartDbContext database) : PageModel
{
    public LibraryMap Map { get; private set; } = null!;

    public CartogramRecord Example { get; private set; } = null!;

    public CartogramView? View { get; private set; }

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels? Panels { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellation)
    {
        if (library.Find(id) is not { } map)
        {
            return NotFound();
        }

        Map = map;
        Example = await submitter.EnsureExampleAsync(map, cancellation);
        if (Example.Status == CartogramRecordStatus.Succeeded)
        {
            View = await views.ViewAsync(Example, database, cancellation);
            Panels = await views.PanelsAsync(Example, database, ViewSettings.Read(Request.Query, View.Scene.ColumnNames), cancellation);
        }

        return Page();
    }
}
