using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

/// <summary>The home page: what a cartogram is, shown with a real one (the USA's population example).</summary>
public sealed class IndexModel(MapLibrary library, CartogramSubmitter submitter, CartogramViews views, GoCartDbContext database) : PageModel
{
    /// <summary>go-cart.io's US map when the library has it, else the starter library's.</summary>
    public static readonly string[] ShowcaseMaps = ["usa_by_state_since_1959", "usa_by_state"];

    public CartogramRecord? Showcase { get; private set; }

    public CartogramView? View { get; private set; }

    /// <summary>The panels the query string asks for (<see cref="ViewSettings"/>).</summary>
    public ResultPanels? Panels { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellation)
    {
        if (ShowcaseMaps.Select(library.Find).FirstOrDefault(m => m is not null) is { } map)
        {
            Showcase = await submitter.EnsureExampleAsync(map, cancellation);
            View = Showcase.Status == CartogramRecordStatus.Succeeded ? await views.ViewAsync(Showcase, database, cancellation) : null;
            Panels = View is null ? null : await views.PanelsAsync(Showcase, database, ViewSettings.Read(Request.Query, View.Scene.ColumnNames), cancellation);
        }
    }
}
