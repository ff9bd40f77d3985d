using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages.Maps;

/// <summary>The gallery of library maps, filterable by name (on the server, and as you type with JavaScript).</summary>
public sealed class IndexModel(MapLibrary library) : PageModel
{
    public string? Filter { get; private set; }

    public IReadOnlyList<LibraryMap> Maps { get; private set; } = [];

    public void OnGet(string? q)
    {
        Filter = q?.Trim();
        Maps = Filter is { Length: > 0 } f
            ? [.. library.Maps.Where(m => m.Name.Contains(f, StringComparison.OrdinalIgnoreCase) || m.Id.Contains(f, StringComparison.OrdinalIgnoreCase))]
            : library.Maps;
    }
}
