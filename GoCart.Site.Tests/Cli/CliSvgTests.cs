using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.Cli;

/// <summary>
/// `gocart generate --svg` and the site's SVG download of the same map and data (go-cart.io's Austria, uploaded to
/// the site as a file, so neither knows a library name for it) carry the same labels, legend and credit line, and
/// a title of the same form (the value column after the map's name, or after "Cartogram" in the CLI).
/// </summary>
public sealed partial class CliSvgTests
{
    private const string Map = "austria_by_state_since_1945";

    [LibraryFact]
    public async Task The_cli_svg_has_the_title_labels_legend_and_credit_of_the_site_svg()
    {
        var geoJson = RepositoryFiles.GeoJson(Path.Combine(RepositoryFiles.MapData, Map));
        var csv = RepositoryFiles.PopulationCsv(Path.Combine(RepositoryFiles.MapData, Map));
        var output = Directory.CreateTempSubdirectory("gocart-cli-svg");
        try
        {
            var (exit, _, stderr) = await GenerateCommandTests.RunAsync(output.FullName, "generate", "--map", geoJson, "--data", csv, "--out", "map.geojson", "--svg", "map.svg");
            Assert.True(exit == 0, stderr);
            var cli = Parts.Of(await File.ReadAllTextAsync(Path.Combine(output.FullName, "map.svg")));

            await using var factory = new GoCartFactory();
            var client = new SiteClient(factory);
            using var geometry = JsonDocument.Parse(await File.ReadAllBytesAsync(geoJson));
            var key = await client.SubmitAsync(new { geometry = geometry.RootElement, csv = await File.ReadAllTextAsync(csv) });
            Assert.Equal("succeeded", (await client.WaitAsync(key, TimeSpan.FromMinutes(3))).GetProperty("status").GetString());
            var site = Parts.Of(await client.GetPageAsync($"/api/v1/cartograms/{key}/cartogram.svg"));

            // The title names the value column in both; its first words name the map where the site knows one
            // ("Uploaded map: …"), where the CLI, given a file, says "Cartogram: …".
            Assert.Equal("Cartogram: Population (people)", cli.Title);
            Assert.EndsWith(": Population (people)", site.Title, StringComparison.Ordinal);
            Assert.Equal(cli.Title, cli.Heading);
            Assert.Equal(site.Title, site.Heading);
            // The same regions are labelled, with the same names; a panel narrower than the CLI's 960 px may shorten
            // a long name ("Nied." for Niederösterreich) where the CLI has room for it.
            Assert.Contains("Wien", cli.Labels.Values);
            Assert.Equal(site.Labels.Keys.Order(), cli.Labels.Keys.Order());
            Assert.All(site.Labels, label => Assert.True(
                label.Value == cli.Labels[label.Key] || (label.Value.EndsWith('.') && cli.Labels[label.Key].StartsWith(label.Value[..^1], StringComparison.Ordinal)),
                $"Region {label.Key}: the site labels it \"{label.Value}\", the CLI \"{cli.Labels[label.Key]}\"."));
            Assert.Matches(@"^= [0-9.,]+( million)? people$", cli.Legend);
            Assert.Equal(Unit(site.Legend), Unit(cli.Legend));
            Assert.StartsWith("Made with GoCart", cli.Credit, StringComparison.Ordinal);
            Assert.Equal(site.Credit, cli.Credit);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    /// <summary>The legend's words after its number ("people" in "= 50,000 people"): its size depends on the drawing.</summary>
    private static string Unit(string legend) => LegendNumber().Replace(legend, "");

    /// <summary>What a reader sees of an SVG map besides the shapes: title, heading, labels, legend and credit.</summary>
    private sealed record Parts(string Title, string Heading, IReadOnlyDictionary<int, string> Labels, string Legend, string Credit)
    {
        public static Parts Of(string svg) => new(
            Text(TitlePattern(), svg),
            Text(HeadingPattern(), svg),
            LabelPattern().Matches(svg)
                .GroupBy(m => int.Parse(m.Groups["region"].Value, System.Globalization.CultureInfo.InvariantCulture))
                .ToDictionary(g => g.Key, g => System.Net.WebUtility.HtmlDecode(g.First().Groups["text"].Value)),
            Text(LegendPattern(), svg),
            System.Net.WebUtility.HtmlDecode(Text(CreditPattern(), svg)));

        private static string Text(Regex pattern, string svg) =>
            pattern.Match(svg) is { Success: true } match ? match.Groups["text"].Value : $"(none: {pattern})";
    }

    [GeneratedRegex(@"<svg[^>]*>\s*<title>(?<text>[^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"<text class=""title""[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex HeadingPattern();

    [GeneratedRegex(@"<text data-i=""(?<region>\d+)""[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"<g class=""legend""[^>]*>.*?<text[^>]*>(?<text>[^<]*)</text>", RegexOptions.Singleline)]
    private static partial Regex LegendPattern();

    [GeneratedRegex(@"<text class=""credit""[^>]*>(?<text>[^<]*)</text>")]
    private static partial Regex CreditPattern();

    [GeneratedRegex(@"[0-9.,]+( million| billion| trillion)?")]
    private static partial Regex LegendNumber();
}
