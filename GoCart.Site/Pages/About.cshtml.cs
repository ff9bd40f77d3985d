using Microsoft.AspNetCore.Mvc.RazorPages;

namespace GoCart.Site.Pages;

public class AboutModel(IWebHostEnvironment environment) : PageModel
{
    public IReadOnlyList<(string Map, string Attribution)> Sources { get; private set; } = [];

    public void OnGet()
    {
        var folder = Cartograms.CartogramsSetup.MapDataFolder(environment.ContentRootPath);
        Sources = Directory.Exists(folder)
            ? [.. Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)
                .Where(f => !string.Equals(Path.GetFileName(f), "README.md", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(Path.GetDirectoryName(f))!, Summary(System.IO.File.ReadAllLines(f))))]
            : [];
    }

    /// <summary>The provenance note's first lines of prose, without Markdown headings.</summary>
    private static string Summary(string[] lines) =>
        string.Join(' ', lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Take(3));
}
