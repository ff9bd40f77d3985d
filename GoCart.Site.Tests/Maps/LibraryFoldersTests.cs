using System.Net;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Deployment;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Maps;

/// <summary>CARTOGRAM_MAPS_DIR: one or more folders of maps, checked at start, the starter library when empty, maps hidden by licence.</summary>
public class LibraryFoldersTests
{
    [LibraryFact]
    public void A_maps_folder_that_does_not_exist_is_refused_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "gocart-no-such-maps-" + Guid.NewGuid().ToString("N"));

        var failure = Validate(new() { [SiteSettings.MapsDirKey] = $"{RepositoryFiles.MapData}:{missing}" });

        Assert.Contains(SiteSettings.MapsDirKey, failure);
        Assert.Contains($"'{missing}' does not exist", failure);
    }

    [LibraryFact]
    public void A_maps_folder_without_a_map_is_refused_saying_what_a_map_is()
    {
        using var empty = new TemporaryFolder("empty-maps");
        Directory.CreateDirectory(Path.Combine(empty.Path, "only_a_csv"));
        File.WriteAllText(Path.Combine(empty.Path, "only_a_csv", "data.csv"), "name,Population (people)\nA,1\n");

        var failure = Validate(new() { [SiteSettings.MapsDirKey] = empty.Path });

        Assert.Contains($"'{empty.Path}' holds no map", failure);
        Assert.Contains(".geojson", failure);
    }

    [LibraryTheory]
    [InlineData(SiteSettings.HiddenLicencesKey, "gadm,closed-source")]
    [InlineData(SiteSettings.WarmUpKey, "sometimes")]
    public void Malformed_library_settings_are_refused_naming_the_variable(string variable, string value)
    {
        Assert.Contains(variable, Validate(new() { [variable] = value }));
    }

    [LibraryFact]
    public void Without_a_maps_folder_the_site_shows_the_starter_library()
    {
        var settings = SiteSettings.From(new ConfigurationBuilder().Build(), Path.Combine(RepositoryFiles.Root, "GoCart.Site"));

        var library = new MapLibrary(LibraryFolders.Of(settings, Path.Combine(RepositoryFiles.Root, "GoCart.Site")));

        Assert.Equal(["Contiguous USA by county", "USA by state", "World by country"], library.Maps.Select(m => m.Name));
    }

    [LibraryFact]
    public async Task A_second_maps_folder_adds_its_maps_to_the_library()
    {
        using var own = OwnMaps.WithTwoSquares("twin_squares_by_half");
        await using var site = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.MapsDirKey] = $"{RepositoryFiles.MapData}:{own.Path}" });
        var client = new SiteClient(site);
        var shared = LibraryFolders.MapDirectories(RepositoryFiles.MapData).Count();

        var library = site.Services.GetRequiredService<MapLibrary>();
        var page = await client.GetPageAsync("/maps/twin_squares_by_half");

        Assert.Equal(shared + 1, library.Maps.Count);
        Assert.Contains("austria_by_state_since_1945", library.Maps.Select(m => m.Id));
        Assert.Contains("Twin Squares by half", page);
        Assert.Contains("""<a href="https://example.org/tests">GoCart tests</a>""", page);
        Assert.Contains("data 2024", page);
        Assert.Contains("/maps/twin_squares_by_half", await client.GetPageAsync("/maps?q=twin"));
    }

    [LibraryFact]
    public async Task A_later_folder_replaces_a_map_of_the_same_id()
    {
        using var own = OwnMaps.WithTwoSquares("austria_by_state_since_1945");
        await using var site = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.MapsDirKey] = $"{RepositoryFiles.MapData}:{own.Path}" });

        var austria = site.Services.GetRequiredService<MapLibrary>().Find("austria_by_state_since_1945")!;

        Assert.Equal(2, austria.Regions.Count);
        Assert.StartsWith(own.Path, austria.GeoJsonPath, StringComparison.Ordinal);
    }

    [LibraryFact]
    public async Task Maps_of_a_hidden_licence_leave_the_library()
    {
        await using var site = new GoCartFactory(new Dictionary<string, string?> { [SiteSettings.HiddenLicencesKey] = "gadm, unstated" });
        var client = new SiteClient(site);

        var library = site.Services.GetRequiredService<MapLibrary>();

        Assert.DoesNotContain(library.Maps, m => m.Licence == MapLicence.Gadm || m.Licence == MapLicence.Unstated);
        Assert.Null(library.Find("andorra_by_parish"));
        Assert.NotNull(library.Find("austria_by_state_since_1945"));
        Assert.Equal(HttpStatusCode.NotFound, (await client.Http.GetAsync("/maps/andorra_by_parish")).StatusCode);
        Assert.DoesNotContain("andorra_by_parish", await client.GetPageAsync("/maps"));
    }

    private static string Validate(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var result = new SiteSettingsValidator().Validate(null, SiteSettings.From(configuration, Path.GetTempPath()));
        Assert.True(result.Failed, "the settings were accepted");
        return result.FailureMessage;
    }
}
