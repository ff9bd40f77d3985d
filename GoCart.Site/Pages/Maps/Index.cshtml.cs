using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages.Maps;

/// <summary>
/// The gallery of library maps grouped by continent, filterable by continent and by a search term that matches
/// the map's name and, for maps of countries, the countries on it (on the server, and as you type with JavaScript).
/// </summary>
public sealed class IndexModel(MapLibrary library) : PageModel
{
    public string? Filter { get; private set; }

    public string? Continent { get; private set; }

    public IReadOnlyList<string> Continents { get; } = [.. MapContinents.Order.Where(c => library.Listed.Any(m => m.Continent == c))];

    public IReadOnlyList<IGrouping<string, LibraryMap>> Groups { get; private set; } = [];

    public int Count => Groups.Sum(g => g.Count());

    public void OnGet(string? q, string? continent)
    {
        Filter = q?.Trim();
        Continent = Continents.FirstOrDefault(c => string.Equals(c, continent, StringComparison.OrdinalIgnoreCase));
        Groups = [.. library.Listed
            .Where(m => Continent is null || m.Continent == Continent)
            .Where(m => Filter is not { Length: > 0 } f || SearchText(m).Contains(f.ToLowerInvariant(), StringComparison.Ordinal))
            .GroupBy(m => m.Continent)
            .OrderBy(g => MapContinents.Order.ToList().IndexOf(g.Key))];
    }

    /// <summary>What the search matches, lower case: name, id and, on maps by country, each country's name.</summary>
    public static string SearchText(LibraryMap map) =>
        string.Join(' ', [map.Name, map.Id, .. map.Id.Contains("_by_country", StringComparison.Ordinal) ? map.Regions.SelectMany(r => new[] { r.Id, r.Name }) : []]).ToLowerInvariant();
}
