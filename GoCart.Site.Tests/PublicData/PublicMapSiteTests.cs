using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Hosting;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// The public boundary files through each way in: the site's upload page (/create/map, then the table and a
/// job), the JSON API's <c>geometry</c> (TopoJSON as an object with <c>object</c>, GeoJSON, a zipped shapefile in
/// base64) and <c>gocart generate --map</c>, each with values from 1 to 1e9.
/// </summary>
public sealed partial class PublicMapSiteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [Theory]
    [InlineData("states-10m.json", 56)]
    [InlineData("countries-110m-shapefile.zip", 177)]
    [InlineData("countries-50m.geojson", 241)]
    [InlineData("counties-10m.json", 3230)]
    public async Task Uploaded_public_file_opens_the_table_with_its_regions_and_notes(string file, int regions)
    {
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", file, await File.ReadAllBytesAsync(Path.Combine(PublicMaps.Folder, file))));
        Assert.True(upload.StatusCode == HttpStatusCode.Redirect, await upload.Content.ReadAsStringAsync());
        var draftUrl = await PastTheFarFlungStepAsync(upload.Headers.Location!.ToString());

        var page = await _client.GetPageAsync(draftUrl);
        var ids = RowIds().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(regions, ids.Count);
        Assert.Contains("Reading your map:", page, StringComparison.Ordinal);
        if (file.StartsWith("states", StringComparison.Ordinal))
        {
            Assert.Contains("lie far from the main map", page, StringComparison.Ordinal);
            Assert.Contains("name=\"Rows[" + ids.IndexOf("66") + "].Inset\" value=\"L\"", page, StringComparison.Ordinal);
        }

        var values = SyntheticValues.For(SyntheticValues.Map(file));
        var insets = RowInsets().Matches(page).ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => m.Groups[2].Value);
        var fields = ids.SelectMany((id, i) => new KeyValuePair<string, string>[]
        {
            new($"Rows[{i}].Id", id),
            new($"Rows[{i}].Value", values[id]!.Value.ToString(CultureInfo.InvariantCulture)),
            new($"Rows[{i}].Inset", insets.GetValueOrDefault(i, "")),
        });
        var key = SiteClient.CartogramKey(await _client.PostFormAsync(draftUrl, draftUrl + "&handler=Generate", fields));
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(10));
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        CartogramOutputAssert.HasEveryRegion(file, await _client.Http.GetByteArrayAsync($"/api/v1/cartograms/{key}/cartogram.geojson"), SyntheticValues.Map(file));
    }

    [Theory]
    [InlineData("states-10m.json", "states")]
    [InlineData("counties-10m.json", null)]
    [InlineData("countries-50m.json", "countries")]
    [InlineData("countries-110m.geojson", null)]
    [InlineData("states-10m-shapefile.zip", null)]
    public async Task Api_geometry_takes_topojson_geojson_and_a_base64_shapefile(string file, string? objectName)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(PublicMaps.Folder, file));
        var map = Lambda.Geo.MapFileReader.Read(bytes, null, objectName);
        object geometry = file.EndsWith(".zip", StringComparison.Ordinal) ? Convert.ToBase64String(bytes) : JsonDocument.Parse(bytes).RootElement;
        var values = SyntheticValues.For(map);

        var key = await _client.SubmitAsync(new { geometry, @object = objectName, values, title = file, farFlung = "insets" });
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(10));

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        CartogramOutputAssert.HasEveryRegion(file, await _client.Http.GetByteArrayAsync($"/api/v1/cartograms/{key}/cartogram.geojson"), map);
    }

    [Fact]
    public async Task Api_geometry_that_is_not_base64_says_what_to_give()
    {
        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent("""{"geometry":"not a zip!","values":{"a":1}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not base64", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("states-10m-shapefile.zip", null, "name")]
    [InlineData("states-10m.geojson", null, "id")]
    [InlineData("countries-110m.json", "countries", "name")]
    [InlineData("countries-50m.geojson", null, "name")]
    [InlineData("counties-10m.geojson", null, "id")]
    public async Task Cli_generate_reads_every_format(string file, string? objectName, string idColumn)
    {
        var path = Path.Combine(PublicMaps.Folder, file);
        var map = Lambda.Geo.MapFileReader.Read(await File.ReadAllBytesAsync(path), idColumn, objectName);
        var folder = Directory.CreateTempSubdirectory("gocart-public");
        try
        {
            var values = SyntheticValues.For(map);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "values.csv"), SyntheticValues.Csv(values).Replace("id,", idColumn + ",", StringComparison.Ordinal));
            List<string> arguments = ["generate", "--map", path, "--data", "values.csv", "--out", "out.geojson", "--max-error", "0.01", "--far-flung", "insets"];
            if (objectName is not null)
            {
                arguments.AddRange(["--object", objectName]);
            }

            var (exit, stdout, stderr) = await RunAsync(folder.FullName, arguments);

            // Exit 3: written, but short of the accuracy goal (PublicMapCartogramTests' skipped theory has the figures).
            Assert.True(exit is 0 or 3, $"exit {exit}: {stdout}{stderr}");
            Assert.Contains($"{map.Regions.Count} regions", stdout, StringComparison.Ordinal);
            CartogramOutputAssert.HasEveryRegion(file, await File.ReadAllBytesAsync(Path.Combine(folder.FullName, "out.geojson")), map);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Cli_generate_leaves_out_the_far_flung_states_naming_them()
    {
        var map = Lambda.Geo.MapFileReader.Read(await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson), null, null);
        var folder = Directory.CreateTempSubdirectory("gocart-far");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "values.csv"), SyntheticValues.Csv(SyntheticValues.For(map)));

            var (exit, stdout, stderr) = await RunAsync(folder.FullName, ["generate", "--map", PublicMaps.States10mTopoJson, "--data", "values.csv", "--far-flung", "leave-out", "--max-error", "0.05"]);

            Assert.True(exit is 0 or 3, $"exit {exit}: {stderr}");
            Assert.Contains($"{map.Regions.Count - map.FarFlung.Count} regions", stdout, StringComparison.Ordinal);
            Assert.Contains("Left out of the map, as chosen: ", stderr, StringComparison.Ordinal);
            Assert.Contains("\"66\" (Guam)", stderr, StringComparison.Ordinal);
            var (wrong, _, wrongError) = await RunAsync(folder.FullName, ["generate", "--map", PublicMaps.States10mTopoJson, "--data", "values.csv", "--far-flung", "sideways"]);
            Assert.Equal(2, wrong);
            Assert.Contains("sideways", wrongError, StringComparison.Ordinal);
            var (_, help, _) = await RunAsync(folder.FullName, ["generate", "--help"]);
            Assert.Contains("--far-flung <keep|insets|leave-out>", help, StringComparison.Ordinal);
            Assert.Contains("--far-parts <keep|leave-out>", help, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string directory, List<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(GocartExecutable.DllPath);
        args.ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// A map with far-flung regions first asks where each goes; this keeps the page's own defaults (insets where
    /// GoCart suggests them) and returns the data table's address.
    /// </summary>
    private async Task<string> PastTheFarFlungStepAsync(string location)
    {
        if (!location.StartsWith("/create/map?", StringComparison.Ordinal))
        {
            return location;
        }

        var step = await _client.GetPageAsync(location);
        var ids = ChoiceIds().Matches(step).Select(m => m.Groups[1].Value).ToList();
        var chosen = ChosenSides().Matches(step).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(ids.Count, chosen.Count);
        var fields = ids.SelectMany((id, i) => new KeyValuePair<string, string>[] { new($"FarFlung[{i}].Id", id), new($"FarFlung[{i}].Choice", chosen[i]) });
        var answer = await _client.PostFormAsync(location, location + "&handler=Choose", fields);
        Assert.True(answer.StatusCode == HttpStatusCode.Redirect, await answer.Content.ReadAsStringAsync());
        return answer.Headers.Location!.ToString();
    }

    [GeneratedRegex("name=\"FarFlung\\[\\d+\\]\\.Id\" value=\"([^\"]*)\"")]
    private static partial Regex ChoiceIds();

    [GeneratedRegex("<option value=\"([^\"]*)\" selected=\"selected\">")]
    private static partial Regex ChosenSides();

    [GeneratedRegex("name=\"Rows\\[\\d+\\]\\.Id\" value=\"([^\"]*)\"")]
    private static partial Regex RowIds();

    [GeneratedRegex("name=\"Rows\\[(\\d+)\\]\\.Inset\" value=\"([^\"]*)\"")]
    private static partial Regex RowInsets();
}
