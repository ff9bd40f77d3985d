using GoCart.Lambda.Geo;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Deployment;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Pipeline;

namespace GoCart.Site.Tests.Maps;

/// <summary>
/// The starter library built into the site: made by scripts/starter-maps.sh from the npm packages world-atlas and
/// us-atlas, loadable by the site's reader as it is, with a figure for every region, converging like any map.
/// </summary>
public class StarterLibraryTests
{
    public static TheoryData<string> StarterMaps() => [.. Directory.EnumerateDirectories(RepositoryFiles.StarterMaps).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];

    [Fact]
    public async Task The_committed_starter_library_is_what_the_script_builds_from_the_packages()
    {
        using var folder = new TemporaryFolder("starter-maps");
        var script = await ExternalTool.RunAsync(Path.Combine(RepositoryFiles.Root, "scripts", "starter-maps.sh"), [folder.Path], RepositoryFiles.Root, timeout: TimeSpan.FromMinutes(5));
        Assert.True(script.ExitCode == 0, script.Everything);

        var built = Directory.EnumerateFiles(folder.Path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder.Path, f)).Order(StringComparer.Ordinal).ToList();
        var committed = Directory.EnumerateFiles(RepositoryFiles.StarterMaps, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryFiles.StarterMaps, f)).Where(f => !f.EndsWith(".csv", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(committed, built);
        Assert.All(built, file => Assert.True(
            File.ReadAllBytes(Path.Combine(folder.Path, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(RepositoryFiles.StarterMaps, file))),
            $"{file} differs from what scripts/starter-maps.sh builds: run it and commit its output."));
    }

    [Fact]
    public void The_starter_library_has_the_world_the_states_and_the_counties_under_public_domain_licences()
    {
        var library = new MapLibrary(RepositoryFiles.StarterMaps);

        Assert.Equal(["contiguous_usa_by_county", "usa_by_state", "world_by_country"], library.Maps.Select(m => m.Id).Order(StringComparer.Ordinal));
        Assert.All(library.Maps, m => Assert.Equal(MapLicence.PublicDomain, m.Licence));
        Assert.Equal("Contiguous USA by county", library.Find("contiguous_usa_by_county")!.Name);
        Assert.Equal(3107, library.Find("contiguous_usa_by_county")!.Regions.Count);
        Assert.Contains("world-atlas 2.0.2", library.Find("world_by_country")!.Attribution);
        Assert.Contains("us-atlas 3.0.1", library.Find("usa_by_state")!.Attribution);
    }

    [Theory]
    [MemberData(nameof(StarterMaps))]
    public void Every_region_of_a_starter_map_has_a_row_in_its_csv(string mapId)
    {
        var folder = Path.Combine(RepositoryFiles.StarterMaps, mapId);
        var data = RegionDataCsv.Parse(File.ReadAllText(RepositoryFiles.PopulationCsv(folder)));
        var map = GeoJsonMapReader.Read(File.ReadAllBytes(RepositoryFiles.GeoJson(folder)), data.IdColumn);

        Assert.Equal(map.Regions.Select(r => r.Id).Order(StringComparer.Ordinal), data.Rows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.True(data.Rows.Count(r => r.Value is null) <= 1, "at most one blank figure (Siachen Glacier)");
    }

    [Theory]
    [MemberData(nameof(StarterMaps))]
    public void A_starter_map_converges_to_one_percent_with_valid_regions_that_do_not_overlap(string mapId)
    {
        var folder = Path.Combine(RepositoryFiles.StarterMaps, mapId);
        var verdict = LibraryMapVerdict.Measure(mapId, () => new Lambda.Pipeline.CartogramPipeline(new Lambda.Engine.EngineSettings(), MapReadLimits.Default)
            .Compute(PipelineRequests.ForFolder(folder), null, null, CancellationToken.None));

        Assert.True(verdict.Converged, $"{mapId}: max area error {verdict.MaxAreaError:P2}");
        Assert.True(verdict.InvalidRegions.Count == 0, $"{mapId}: invalid regions: {string.Join("; ", verdict.InvalidRegions.Take(5))}");
        Assert.True(verdict.OverlapShare <= 1e-5, $"{mapId}: regions overlap on {verdict.OverlapShare:E2} of the map, most {verdict.WorstOverlap}");
    }
}
