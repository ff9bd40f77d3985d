using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using GoCart.Site.Tests.Site;
using GoCart.Site.Tests.Site.Problems;

namespace GoCart.Site.Tests.PublicData;

/// <summary>
/// Far-flung regions through the site: the API's farFlung, leaveOut and farParts (documented, checked as
/// problems), and the upload page's second step, which asks region by region without JavaScript.
/// </summary>
public sealed partial class FarFlungSiteTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    /// <summary>The far-flung states the upload test leaves out, as the notes name them.</summary>
    private static readonly string[] LeftOutStates =
        ["\"60\" (American Samoa)", "\"66\" (Guam)", "\"69\" (Commonwealth of the Northern Mariana Islands)", "\"72\" (Puerto Rico)", "\"78\" (United States Virgin Islands)"];

    private readonly SiteClient _client = new(site.Factory);

    [Theory]
    [InlineData("""{"farFlung":"sideways"}""", "farFlung is \"sideways\"; give \"keep\"", "farFlung")]
    [InlineData("""{"farParts":"drop"}""", "farParts is \"drop\"; give \"keep\" or \"leave-out\"", "farParts")]
    [InlineData("""{"leaveOut":["99"]}""", "The region \"99\" to leave out is not on the map", "leaveOut")]
    public async Task Wrong_far_flung_options_are_problems_naming_the_field(string options, string detail, string field)
    {
        var body = JsonSerializer.SerializeToNode(new { geometry = JsonDocument.Parse(await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson)).RootElement, values = new Dictionary<string, double> { ["06"] = 39538223 } })!.AsObject();
        foreach (var (name, value) in JsonNode(options).ToList())
        {
            body[name] = value?.DeepClone();
        }

        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, detail, field);
    }

    [Fact]
    public async Task Api_leaves_out_the_far_flung_states_and_its_result_names_them()
    {
        var bytes = await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson);
        var map = Lambda.Geo.MapFileReader.Read(bytes, null, null);

        var key = await _client.SubmitAsync(new { geometry = JsonDocument.Parse(bytes).RootElement, values = SyntheticValues.For(map), farFlung = "leave-out", maxAreaError = 0.05 });
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(3));

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        var result = JsonDocument.Parse(await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.geojson")).RootElement;
        Assert.Equal(map.Regions.Count - map.FarFlung.Count, result.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_far_flung_options()
    {
        var schemas = (await _client.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json")).GetProperty("components").GetProperty("schemas");
        var properties = schemas.GetProperty("CreateCartogramBody").GetProperty("properties");

        Assert.Contains("\"leave-out\"", properties.GetProperty("farFlung").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("leave out", properties.GetProperty("leaveOut").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains("\"leave-out\"", properties.GetProperty("farParts").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_asks_where_each_far_flung_state_goes_and_the_table_follows_the_choice()
    {
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "states-10m.json", await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var step = upload.Headers.Location!.ToString();
        Assert.StartsWith("/create/map?draft=", step, StringComparison.Ordinal);

        var page = await _client.GetPageAsync(step);
        var rows = ChoiceRows().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["02", "15", "60", "66", "69", "72", "78"], rows.Order(StringComparer.Ordinal));
        Assert.Contains("<label for=\"FarFlung_0__Choice\">", page, StringComparison.Ordinal);
        Assert.Contains("Guam (66)", page, StringComparison.Ordinal);

        var choices = rows.Select((id, i) => new[]
        {
            new KeyValuePair<string, string>($"FarFlung[{i}].Id", id),
            new($"FarFlung[{i}].Choice", id switch { "02" => "L", "15" => "C", _ => "out" }),
        }).SelectMany(f => f);
        var chosen = await _client.PostFormAsync(step, step + "&handler=Choose", choices);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        var table = await _client.GetPageAsync(chosen.Headers.Location!.ToString());

        var ids = TableIds().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(56 - 5, ids.Count);
        Assert.DoesNotContain("66", ids);
        Assert.Contains("name=\"Rows[" + ids.IndexOf("02") + "].Inset\" value=\"L\"", table, StringComparison.Ordinal);
        Assert.DoesNotMatch($"name=\"Rows\\[{ids.IndexOf("15")}\\]\\.Inset\" value=\"[LRTB]\"", table);
        var notes = WebUtility.HtmlDecode(MapNotes().Match(table).Value);
        Assert.Contains("Left out of the map, as chosen: ", notes, StringComparison.Ordinal);
        Assert.All(LeftOutStates, left => Assert.Contains(left, notes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_data_file_without_insets_keeps_the_insets_chosen_on_the_far_flung_step()
    {
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "states-10m.json", await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson)));
        var step = upload.Headers.Location!.ToString();
        var chosen = await _client.PostFormAsync(step, step + "&handler=Choose", [new("FarFlung[0].Id", "02"), new("FarFlung[0].Choice", "R")]);
        var draft = chosen.Headers.Location!.ToString();

        var loaded = await _client.PostFormAsync(draft, draft + "&handler=Upload", [], ("DataFile", "values.csv", System.Text.Encoding.UTF8.GetBytes("id,Value\n02,733391\n06,39538223\n")));

        var table = await loaded.Content.ReadAsStringAsync();
        var ids = TableIds().Matches(table).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("name=\"Rows[" + ids.IndexOf("02") + "].Value\" value=\"733391\"", table, StringComparison.Ordinal);
        Assert.Contains("name=\"Rows[" + ids.IndexOf("02") + "].Inset\" value=\"R\"", table, StringComparison.Ordinal);
        Assert.Contains("name=\"Rows[" + ids.IndexOf("66") + "].Inset\" value=\"L\"", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_choice_is_named_on_the_page()
    {
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "states-10m.json", await File.ReadAllBytesAsync(PublicMaps.States10mTopoJson)));
        var step = upload.Headers.Location!.ToString();

        var answer = await _client.PostFormAsync(step, step + "&handler=Choose", [new("FarFlung[0].Id", "66"), new("FarFlung[0].Choice", "far away")]);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("&quot;far away&quot; is not a choice for a far-flung region", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static System.Text.Json.Nodes.JsonObject JsonNode(string json) =>
        System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();

    [GeneratedRegex("name=\"FarFlung\\[\\d+\\]\\.Id\" value=\"([^\"]*)\"")]
    private static partial Regex ChoiceRows();

    [GeneratedRegex("<div class=\"message map-notes\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex MapNotes();

    [GeneratedRegex("name=\"Rows\\[\\d+\\]\\.Id\" value=\"([^\"]*)\"")]
    private static partial Regex TableIds();
}
