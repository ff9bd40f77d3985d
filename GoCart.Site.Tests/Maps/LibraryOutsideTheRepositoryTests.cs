using System.Security.Cryptography;
using GoCart.Site.Tests.Deployment;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Maps;

/// <summary>
/// go-cart.io's boundaries stay out of the repository (their licences do not allow redistribution): no tracked
/// file is a copy of a boundary file or note of the library or of go_cart's benchmark sample, and the only GeoJSON
/// the repository tracks is the starter library's, built from public-domain packages.
/// </summary>
public class LibraryOutsideTheRepositoryTests
{
    [LibraryFact]
    public async Task No_tracked_file_is_a_copy_of_a_library_boundary_file_or_note()
    {
        var tracked = await TrackedFilesAsync();
        var outside = new[] { RepositoryFiles.MapData, Path.Combine(RepositoryFiles.Root, "..", "shared", "bench") }
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            .Where(file => !file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var outsideSizes = outside.Select(f => new FileInfo(f).Length).ToHashSet();
        var outsideHashes = outside.Select(Sha256).ToHashSet(StringComparer.Ordinal);

        var copies = tracked.Where(file => outsideSizes.Contains(new FileInfo(Path.Combine(RepositoryFiles.Root, file)).Length)
            && outsideHashes.Contains(Sha256(Path.Combine(RepositoryFiles.Root, file)))).ToList();

        Assert.True(outside.Count > 80, $"{outside.Count} boundary files and notes found in {RepositoryFiles.MapData}");
        Assert.True(copies.Count == 0, "copies of go-cart.io's files in the repository: " + string.Join(", ", copies));
    }

    [Fact]
    public async Task The_only_tracked_geojson_files_are_the_starter_library()
    {
        var geoJson = (await TrackedFilesAsync()).Where(f => f.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.Equal(3, geoJson.Count);
        Assert.All(geoJson, f => Assert.StartsWith("GoCart.Site/StarterMaps/", f, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(RepositoryFiles.Root, "GoCart.Site", "MapData")), "GoCart.Site/MapData is back");
    }

    private static async Task<List<string>> TrackedFilesAsync()
    {
        var result = await ExternalTool.RunAsync("git", ["ls-files", "-z"], RepositoryFiles.Root);
        Assert.True(result.ExitCode == 0, result.Everything);
        return [.. result.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Where(f => File.Exists(Path.Combine(RepositoryFiles.Root, f)))];
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
