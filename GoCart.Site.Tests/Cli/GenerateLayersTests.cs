using System.Text.Json;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Cli;

/// <summary>`gocart generate --layer FILE` (repeatable) and the guardrail's warning, run as a user would.</summary>
public class GenerateLayersTests
{
    [LibraryFact]
    public async Task Layers_are_written_after_the_regions_with_their_properties_and_file_name()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "conterminous_usa_by_state_since_1959");
        var output = Directory.CreateTempSubdirectory("gocart-cli-layers");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(output.FullName, "capitals.csv"),
                "name,lon,lat,founded\nAustin,-97.7431,30.2672,1839\nSacramento,-121.4944,38.5816,1850\nAlbany,-73.7562,42.6526,1614\n");
            await File.WriteAllTextAsync(Path.Combine(output.FullName, "route.geojson"),
                """{"type":"FeatureCollection","features":[{"type":"Feature","id":"66","properties":{"name":"Route 66"},"geometry":{"type":"LineString","coordinates":[[-87.6298,41.8781],[-90.1994,38.6270],[-97.5164,35.4676],[-106.6504,35.0844],[-118.2437,34.0522]]}}]}""");

            var (exit, _, stderr) = await GenerateCommandTests.RunAsync(output.FullName, "generate", "--map", RepositoryFiles.GeoJson(folder), "--data", RepositoryFiles.PopulationCsv(folder),
                "--out", "usa.geojson", "--layer", "capitals.csv", "--layer", "route.geojson");

            Assert.True(exit == 0, stderr);
            Assert.DoesNotContain("warning", stderr, StringComparison.Ordinal);
            using var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output.FullName, "usa.geojson")));
            var features = geojson.RootElement.GetProperty("features").EnumerateArray().ToList();
            Assert.Equal(49 + 4, features.Count);
            var layers = features.Skip(49).ToList();
            Assert.All(layers, f => Assert.True(f.GetProperty("properties").TryGetProperty("layer", out _)));
            var austin = layers.Single(f => f.GetProperty("properties").GetProperty("name").GetString() == "Austin");
            Assert.Equal("capitals.csv", austin.GetProperty("properties").GetProperty("layer").GetString());
            Assert.Equal("1839", austin.GetProperty("properties").GetProperty("founded").GetString());
            Assert.Equal("Point", austin.GetProperty("geometry").GetProperty("type").GetString());
            var route = layers.Single(f => f.GetProperty("properties").GetProperty("layer").GetString() == "route.geojson");
            Assert.Equal("66", route.GetProperty("properties").GetProperty("id").GetString());
            Assert.Equal("LineString", route.GetProperty("geometry").GetProperty("type").GetString());
            Assert.True(route.GetProperty("geometry").GetProperty("coordinates").GetArrayLength() > 5, "the line is densified as borders are");
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [LibraryFact]
    public async Task A_rate_column_gets_a_warning_and_the_cartogram_is_still_made()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "concentric_circles");
        var output = Directory.CreateTempSubdirectory("gocart-cli-guardrail");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(output.FullName, "rate.csv"), "name,Unemployment rate (%)\ninner,4.5\nouter,7.25\n");

            var (exit, _, stderr) = await GenerateCommandTests.RunAsync(output.FullName, "generate", "--map", RepositoryFiles.GeoJson(folder), "--data", "rate.csv", "--out", "rate.geojson");

            Assert.Equal(0, exit);
            Assert.Contains("warning: Unemployment rate (%) is a percentage: a cartogram of it sizes regions by a number that does not add up.", stderr, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(output.FullName, "rate.geojson")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [LibraryFact]
    public async Task A_bad_layer_file_is_one_line_naming_the_row()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "concentric_circles");
        var layer = Path.GetTempFileName();
        await File.WriteAllTextAsync(layer, "label,latitude,longitude\nsomewhere,north,3\n");
        try
        {
            var (exit, _, stderr) = await GenerateCommandTests.RunAsync(Path.GetTempPath(), "generate", "--map", RepositoryFiles.GeoJson(folder), "--data", RepositoryFiles.PopulationCsv(folder), "--layer", layer);

            Assert.Equal(1, exit);
            Assert.Contains("Row 2 of the layer", stderr, StringComparison.Ordinal);
            Assert.Contains("latitude \"north\" is not a number", stderr, StringComparison.Ordinal);
            Assert.Single(stderr.Trim().Split('\n'));
        }
        finally
        {
            File.Delete(layer);
        }
    }
}
