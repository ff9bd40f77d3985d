using System.Text.RegularExpressions;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Maps;

/// <summary>docs/maps.md names the licence of every map of go-cart.io's library as the site reads it from the map's note.</summary>
public partial class LibraryLicencesDocTests
{
    [LibraryFact]
    public void Docs_maps_md_names_the_licence_of_every_library_map_as_the_site_reads_it()
    {
        var documented = File.ReadLines(Path.Combine(RepositoryFiles.Root, "docs", "maps.md"))
            .Select(line => LicenceRow().Match(line)).Where(m => m.Success)
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["licence"].Value, StringComparer.Ordinal);
        var library = new MapLibrary(RepositoryFiles.MapData);

        var wrong = library.Maps.Where(m => documented.GetValueOrDefault(m.Id) != m.Licence.Id)
            .Select(m => $"| `{m.Id}` | … | `{m.Licence.Id}` | (docs/maps.md says {documented.GetValueOrDefault(m.Id) ?? "nothing"})").ToList();
        var gone = documented.Keys.Where(id => library.Find(id) is null).ToList();

        Assert.True(library.Maps.Count > 80, $"{library.Maps.Count} maps read from {RepositoryFiles.MapData}");
        Assert.True(wrong.Count == 0, "docs/maps.md's licence table differs from the notes:\n" + string.Join('\n', wrong));
        Assert.True(gone.Count == 0, "docs/maps.md lists maps the library does not hold: " + string.Join(", ", gone));
    }

    [GeneratedRegex(@"^\| `(?<id>[a-z0-9_]+)` \| [^|]+ \| `(?<licence>[a-z0-9.-]+)` \|$")]
    private static partial Regex LicenceRow();
}
