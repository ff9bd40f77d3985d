using GoCart.Site.Admin;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages.Admin;

/// <summary>/admin: the state of the service at a glance (admins only, by the folder's authorisation convention).</summary>
public sealed class IndexModel(AdminOverview overview) : PageModel
{
    public AdminFigures Figures { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellation) => Figures = await overview.LoadAsync(cancellation);
}
