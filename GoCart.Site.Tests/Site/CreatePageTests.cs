using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GoCart.Site.Maps;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The create page as a browser without JavaScript uses it, against PostgreSQL, Redis and the real engine:
/// table posts, CSV dialects, XLSX, tolerant matching and its report, limits, and the way to the result.
/// </summary>
public sealed partial class CreatePageTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string States = "conterminous_usa_by_state_since_1959";
    private const string CreateStates = "/create?map=" + States;
    private static readonly string[] Codes = ["A", "B", "C", "D"];
    private readonly SiteClient _client = new(site.Factory);

    [LibraryFact]
    public async Task A_plain_table_post_makes_a_cartogram_and_the_result_page_shows_both_maps()
    {
        var page = await _client.GetPageAsync(CreateStates);
        var ids = RowIds(page);
        Assert.Equal(49, ids.Count);
        var fields = new List<KeyValuePair<string, string>> { new("ValueColumn", "Votes (votes)"), new("Title", "Votes by state"), new("MaxAreaError", "1") };
        for (var i = 0; i < ids.Count; i++)
        {
            fields.Add(new($"Rows[{i}].Id", ids[i]));
            fields.Add(new($"Rows[{i}].Value", ((i % 7) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + " 000"));
        }

        var key = SiteClient.CartogramKey(await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Generate", fields));
        var status = await _client.WaitAsync(key);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("stats").GetProperty("maxAreaError").GetDouble() <= 0.01);
        var result = await _client.GetPageAsync($"/cartogram/{key}");
        Assert.Contains("id=\"cartogram\"", result);
        Assert.Contains("id=\"equal-area\"", result);
        Assert.Contains("Votes (votes)", result);
        Assert.Equal(49, Regex.Count(result, "<path data-i=\"\\d+\"[^>]*tabindex") / 2);
        Assert.Contains("Table of all 49 regions", result);
    }

    public static TheoryData<string, string> CsvDialects => new()
    {
        { "semicolon with BOM and quotes", "\uFEFF\"shapeName\";\"Population (people)\"\n\"Texas\";\"29145505\"\n\"New York\";20201249\n" },
        { "tab separated", "shapeName\tPopulation (people)\nTexas\t29145505\nNew York\t20201249\n" },
        { "comma, quoted, loose names", "Region,Population (people)\n\"  texas \",29145505\n\"NEW YORK\",\"20201249\"\n" },
    };

    [LibraryTheory]
    [MemberData(nameof(CsvDialects))]
    public async Task Csv_dialects_fill_the_table(string dialect, string csv)
    {
        var page = await UploadAsync("data.csv", Encoding.UTF8.GetBytes(csv));

        Assert.True(page.Contains("2 of 49 regions matched", StringComparison.Ordinal), $"{dialect}: {Excerpt(page)}");
        Assert.Equal("29145505", ValueOf(page, "Texas"));
        Assert.Equal("20201249", ValueOf(page, "New York"));
        Assert.Equal("", ValueOf(page, "Ohio"));
    }

    [LibraryFact]
    public async Task Names_match_without_diacritics_and_case()
    {
        const string France = "/create?map=france_by_metropolitan_region_since_2016";
        var csv = "region,Population (people)\nîle-de-france,12\nprovence-alpes-cote d'azur,5\n";
        var response = await _client.PostFormAsync(France, France + "&handler=Upload", [], ("DataFile", "data.csv", Encoding.UTF8.GetBytes(csv)));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("2 of 12 regions matched", page);
        Assert.Equal("12", ValueOf(page, "Ile-de-France"));
        Assert.Equal("5", ValueOf(page, "Provence-Alpes-Côte d&#x27;Azur"));
    }

    [LibraryFact]
    public async Task Unmatched_duplicate_and_missing_regions_are_listed_before_anything_runs()
    {
        var csv = "state,Population (people)\nTexas,1\ntexas ,2\nAtlantis,3\nTexass,4\n";
        var page = await UploadAsync("data.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("Names that match no region", page);
        Assert.Contains("“Atlantis”", page);
        Assert.Contains("“Texass”", page);
        Assert.Contains("Several rows for one region", page);
        Assert.Contains("Regions without a value", page);
        Assert.Contains("1 of 49 regions matched", page);
    }

    [LibraryFact]
    public async Task Several_value_columns_all_fill_the_table_and_another_can_be_chosen_first()
    {
        var csv = "shapeName,Population (people),GDP (usd)\nTexas,29145505,2.4e12\nOhio,11799448,8.2e11\n";
        var first = await UploadAsync("data.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Contains("the table holds them all, \"Population (people)\" first", WebUtility.HtmlDecode(first));
        Assert.Equal("29145505", ValueOf(first, "Texas"));
        Assert.Contains("name=\"MoreColumns[0].Name\" value=\"GDP\"", first);
        Assert.Contains("name=\"MoreColumns[0].Unit\" value=\"usd\"", first);
        Assert.Matches("value=\"2400000000000\" aria-label=\"GDP \\(usd\\) of Texas\"", first);

        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [new("Column", "GDP (usd)")], ("DataFile", "data.csv", Encoding.UTF8.GetBytes(csv)));
        var second = await response.Content.ReadAsStringAsync();
        Assert.Contains("the table holds them all, \"GDP (usd)\" first", WebUtility.HtmlDecode(second));
        Assert.Equal("2400000000000", ValueOf(second, "Texas"));
    }

    [LibraryFact]
    public async Task An_xlsx_upload_reads_the_first_sheet()
    {
        var workbook = Xlsx.Write("Sheet1", ["State", "Population (people)"], [["Texas", 29145505.0], ["Ohio", 11799448.0]]);

        var page = await UploadAsync("data.xlsx", workbook);

        Assert.Contains("2 of 49 regions matched", page);
        Assert.Equal("11799448", ValueOf(page, "Ohio"));
    }

    [LibraryTheory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_map_template_uploads_back_with_every_region_matched(string format)
    {
        var template = await _client.Http.GetByteArrayAsync($"/maps/{States}/template.{format}");

        var page = await UploadAsync($"template.{format}", template);

        Assert.Contains("49 of 49 regions matched", page);
        Assert.Equal("29145505", ValueOf(page, "Texas"));
    }

    [LibraryFact]
    public async Task A_file_that_is_not_data_gets_a_message_that_says_what_to_fix()
    {
        var page = await UploadAsync("data.csv", Encoding.UTF8.GetBytes("shapeName,Population (people)\nTexas,-5\n"));

        Assert.Contains("negative", page);
        Assert.Contains("Texas", page);
    }

    [LibraryFact]
    public async Task A_value_that_is_not_a_number_is_refused_by_region()
    {
        var page = await _client.GetPageAsync(CreateStates);
        var ids = RowIds(page);
        var fields = ids.SelectMany((id, i) => new KeyValuePair<string, string>[] { new($"Rows[{i}].Id", id), new($"Rows[{i}].Value", id == "Ohio" ? "lots" : "5") });

        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Generate", fields);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ohio (&quot;lots&quot;)", body);
    }

    [LibraryFact]
    public async Task An_upload_over_the_limit_is_refused_with_the_limit_stated()
    {
        var big = new byte[(int)GoCart.Site.Cartograms.CartogramsSetup.MaxUploadBytes + 100_000];
        Array.Fill(big, (byte)'1');

        var page = await UploadAsync("big.csv", big);

        Assert.Contains("the limit is 10 MB", page);
    }

    [LibraryFact]
    public async Task A_request_far_over_the_limit_is_cut_off()
    {
        var huge = new byte[(int)GoCart.Site.Cartograms.CartogramsSetup.MaxUploadBytes + (4 * 1024 * 1024)];

        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [], ("DataFile", "huge.csv", huge));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("uploads may be up to 10 MB", await response.Content.ReadAsStringAsync());
    }

    [LibraryFact]
    public async Task An_uploaded_geojson_map_gets_a_table_and_a_cartogram()
    {
        var geojson = SquaresMap();
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "squares.geojson", Encoding.UTF8.GetBytes(geojson)));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var draftUrl = upload.Headers.Location!.ToString();
        Assert.StartsWith("/create?draft=", draftUrl);

        var page = await _client.GetPageAsync(draftUrl);
        Assert.Contains("Regions are named by the property", page);
        Assert.Contains("<option value=\"code\"", page);
        var ids = RowIds(page);
        Assert.Equal(["A", "B", "C", "D"], ids);

        var fields = ids.SelectMany((id, i) => new KeyValuePair<string, string>[] { new($"Rows[{i}].Id", id), new($"Rows[{i}].Value", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        var key = SiteClient.CartogramKey(await _client.PostFormAsync(draftUrl, draftUrl + "&handler=Generate", fields));
        var status = await _client.WaitAsync(key);

        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.Contains("id=\"cartogram\"", await _client.GetPageAsync($"/cartogram/{key}"));
    }

    [LibraryFact]
    public async Task A_broken_geojson_upload_says_what_is_wrong()
    {
        var response = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "broken.geojson", Encoding.UTF8.GetBytes("{\"type\": \"FeatureCollection\", \"features\": [")));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not valid JSON", page);
    }

    [LibraryFact]
    public async Task A_geojson_with_duplicate_ids_joins_them_into_one_region_with_a_note()
    {
        var geojson = SquaresMap().Replace("\"B\"", "\"A\"", StringComparison.Ordinal);
        var response = await _client.PostFormAsync("/create/map", "/create/map", [new("IdProperty", "code")], ("MapFile", "dupes.geojson", Encoding.UTF8.GetBytes(geojson)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var page = await _client.GetPageAsync(response.Headers.Location!.ToString());

        Assert.Equal(["A", "C", "D"], RowIds(page));
        Assert.Contains("joined into one region each: &quot;A&quot; (2 features)", page);
    }

    /// <summary>Four unit squares in a row, projected coordinates, with a unique "code" and a non-unique "kind".</summary>
    public static string SquaresMap()
    {
        var features = Codes.Select((code, i) =>
            "{\"type\":\"Feature\",\"properties\":{\"code\":\"" + code + "\",\"kind\":\"square\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" +
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{i * 100},0],[{(i + 1) * 100},0],[{(i + 1) * 100},100],[{i * 100},100],[{i * 100},0]") + "]]}}");
        return "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', features) + "]}";
    }

    private async Task<string> UploadAsync(string fileName, byte[] content)
    {
        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [], ("DataFile", fileName, content));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> RowIds(string page) =>
        [.. RowIdPattern().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))];

    /// <summary>The value cell of the table row whose id is given.</summary>
    private static string ValueOf(string page, string id)
    {
        var ids = RowIds(page);
        var index = ids.IndexOf(WebUtility.HtmlDecode(id));
        Assert.True(index >= 0, $"No row {id}.");
        var match = Regex.Match(page, $"name=\"Rows\\[{index}\\]\\.Value\"( value=\"([^\"]*)\")?");
        Assert.True(match.Success, $"No value input for row {index}.");
        return WebUtility.HtmlDecode(match.Groups[2].Value);
    }

    private static string Excerpt(string page) =>
        Regex.Match(page, "<div class=\"message[^>]*>(.*?)</div>", RegexOptions.Singleline) is { Success: true } m ? m.Value : page[..Math.Min(page.Length, 1500)];

    [GeneratedRegex("name=\"Rows\\[\\d+\\]\\.Id\" value=\"([^\"]*)\"")]
    private static partial Regex RowIdPattern();
}
