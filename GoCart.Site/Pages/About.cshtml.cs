using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

/// <summary>The method and, for every map of the library, where its boundaries come from and under which licence.</summary>
public class AboutModel(MapLibrary library) : PageModel
{
    public IReadOnlyList<LibraryMap> Maps { get; } = [.. library.Listed];
}
