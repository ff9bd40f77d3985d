using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Hosting;

namespace GoCart.Site.Tests.Cli;

/// <summary>`gocart generate` run as a user would, on shipped data: outputs, summary, exit codes, one-line errors.</summary>
public partial class GenerateCommandTests
{
    [LibraryFact]
    public async Task Generate_writes_geojson_and_svg_and_prints_a_summary()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "conterminous_usa_by_state_since_1959");
        var output = Directory.CreateTempSubdirectory("gocart-cli");
        try
        {
            var (exit, stdout, stderr) = await RunAsync(output.FullName, "generate", "--map", RepositoryFiles.GeoJson(folder), "--data", RepositoryFiles.PopulationCsv(folder),
                "--out", "usa.geojson", "--svg", "usa.svg", "--max-error", "0.01");

            Assert.Equal(0, exit);
            Assert.Contains("converged: 49 regions", stdout, StringComparison.Ordinal);
            Assert.Contains("100%", stderr, StringComparison.Ordinal);
            using var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output.FullName, "usa.geojson")));
            Assert.Equal(49, geojson.RootElement.GetProperty("features").GetArrayLength());
            var svg = await File.ReadAllTextAsync(Path.Combine(output.FullName, "usa.svg"));
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Equal(49, svg.Split("<path").Length - 1);
            // As the site's SVG download: the title, labels inside the larger states, the legend square and the credit.
            Assert.Contains("<title>Cartogram: Population (people)</title>", svg, StringComparison.Ordinal);
            Assert.Matches(@"<text data-i=""\d+"" [^>]*>Texas</text>", svg);
            Assert.Matches(@"<g class=""legend"".*<text [^>]*>= [0-9.,]+( million)? people</text>", svg);
            Assert.Contains("Made with GoCart", svg, StringComparison.Ordinal);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The data's Inset column puts Alaska left and Hawaii below the main map: the GeoJSON names that inset on both, and null on every other state.</summary>
    [LibraryFact]
    public async Task Generate_names_each_regions_inset_in_the_geojson()
    {
        const string mapId = "usa_by_state_since_1959";
        var output = Directory.CreateTempSubdirectory("gocart-cli");
        try
        {
            var (exit, stdout, _) = await RunAsync(output.FullName, "generate", "--map", RepositoryFiles.GeoJson(Path.Combine(RepositoryFiles.MapData, mapId)),
                "--data", RepositoryFiles.MapFile(mapId, "usa_population_by_state_2020_insetted.csv"), "--out", "usa.geojson");

            Assert.Equal(0, exit);
            using var geojson = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output.FullName, "usa.geojson")));
            var insets = geojson.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties"))
                .ToDictionary(p => p.GetProperty("shapeName").GetString()!, p => p.GetProperty("inset"), StringComparer.Ordinal);
            Assert.True(insets.Count > 50, stdout);
            Assert.Equal("L", insets["Alaska"].GetString());
            Assert.Equal("B", insets["Hawaii"].GetString());
            Assert.All(insets.Where(p => p.Key is not ("Alaska" or "Hawaii")), p => Assert.Equal(JsonValueKind.Null, p.Value.ValueKind));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The conterminous USA has about 23,700 engine points: the default budget keeps 10,000, --max-points 0 every one.</summary>
    [LibraryTheory]
    [InlineData(new string[0], 10_000)]
    [InlineData(new[] { "--max-points", "0" }, -1)]
    [InlineData(new[] { "--max-points", "2000" }, 2_000)]
    public async Task Generate_writes_ten_thousand_points_per_inset_unless_told_otherwise(string[] options, int expectedWritten)
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "conterminous_usa_by_state_since_1959");
        var output = Directory.CreateTempSubdirectory("gocart-cli");
        try
        {
            var (exit, stdout, _) = await RunAsync(output.FullName, ["generate", "--map", RepositoryFiles.GeoJson(folder), "--data", RepositoryFiles.PopulationCsv(folder), "--out", "usa.geojson", .. options]);

            Assert.Equal(0, exit);
            var summary = Summary().Match(stdout);
            Assert.True(summary.Success, stdout);
            var (points, written) = (int.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(summary.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.True(points > 20_000, stdout);
            Assert.Equal(expectedWritten < 0 ? points : expectedWritten, written);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [LibraryFact]
    public async Task A_column_that_does_not_converge_prints_by_how_much_and_exits_3()
    {
        var output = Directory.CreateTempSubdirectory("gocart-cli");
        try
        {
            var data = Path.Combine(output.FullName, "density.csv");
            await File.WriteAllTextAsync(data, Pipeline.DensityColumn.Csv());

            var (exit, stdout, _) = await RunAsync(output.FullName, "generate", "--map", RepositoryFiles.GeoJson(Pipeline.DensityColumn.Folder), "--data", data);

            Assert.Equal(3, exit);
            Assert.Matches(@"^Did not converge: the largest area error is [0-9,.]+ % \([A-Z]+\), above the 1 % goal, so the regions are not drawn to scale; try .* — 198 regions, ", stdout);
            Assert.True(File.Exists(Path.Combine(output.FullName, "cartogram.geojson")));
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    [LibraryTheory]
    [InlineData("generate --map nowhere.geojson --data nowhere.csv", 1, "error:")]
    [InlineData("generate --data x.csv", 2, "Option '--map' is required.")]
    [InlineData("generate --map a --data b --max-error 7", 2, "--max-error must be a number from")]
    [InlineData("frobnicate", 2, "Unrecognized command or argument 'frobnicate'")]
    [InlineData("generate --map a --data b --colour red", 2, "Unrecognized command or argument '--colour'")]
    [InlineData("generate --map a --data b --grid 100", 2, "--grid must be a power of two")]
    [InlineData("generate --map a --data b --max-points 50", 2, "--max-points must be 0 (write every point) or at least 100 points per inset")]
    [InlineData("generate --map a --data b --tolerance 0", 2, "--tolerance must be a distance above 0 in the output's units")]
    [InlineData("generate --map a --data b --tolerance -5", 2, "--tolerance must be a distance above 0")]
    [InlineData("serve --api-key short", 2, "--api-key must be at least 8 characters")]
    [InlineData("bench --runs 0", 2, "--runs must be a whole number from 1 to 50, not '0'")]
    public async Task Bad_invocations_get_one_line_and_a_non_zero_exit(string arguments, int expectedExit, string expected)
    {
        var (exit, _, stderr) = await RunAsync(Path.GetTempPath(), arguments.Split(' '));

        Assert.Equal(expectedExit, exit);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [LibraryTheory]
    [InlineData("", "generate", "bench", "serve")]
    [InlineData("generate", "--map", "--data", "--column", "--id-property", "--out", "--svg", "--title", "--max-error", "--grid", "--max-points", "default 10000; 0 writes every point", "--tolerance")]
    [InlineData("bench", "--maps", "--runs", "--grid", "--json")]
    [InlineData("serve", "--port", "--api-key")]
    public async Task Every_command_explains_itself_with_help(string command, params string[] mentioned)
    {
        var (exit, stdout, _) = await RunAsync(Path.GetTempPath(), command.Length > 0 ? [command, "--help"] : ["--help"]);

        Assert.Equal(0, exit);
        Assert.Contains($"gocart {(command.Length > 0 ? command + " " : "")}", stdout, StringComparison.Ordinal);
        foreach (var word in mentioned)
        {
            Assert.Contains(word, stdout, StringComparison.Ordinal);
        }
    }

    [LibraryFact]
    public async Task Version_says_the_engine_is_an_optimised_build()
    {
        var (exit, stdout, _) = await RunAsync(Path.GetTempPath(), "--version");

        Assert.Equal(0, exit);
        Assert.Contains("(optimised build)", stdout, StringComparison.Ordinal);
    }

    [LibraryFact]
    public async Task Bad_data_names_the_line_and_region()
    {
        var folder = Path.Combine(RepositoryFiles.MapData, "concentric_circles");
        var data = Path.GetTempFileName();
        await File.WriteAllTextAsync(data, "name,data\ninner,-3\nouter,5\n");
        try
        {
            var (exit, _, stderr) = await RunAsync(Path.GetTempPath(), "generate", "--map", RepositoryFiles.GeoJson(folder), "--data", data);

            Assert.Equal(1, exit);
            Assert.Contains("Line 2, region \"inner\": -3 is negative", stderr, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(data);
        }
    }

    [GeneratedRegex(@"regions, (\d+) points \((\d+) written")]
    private static partial Regex Summary();

    internal static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(GocartExecutable.DllPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }
}
