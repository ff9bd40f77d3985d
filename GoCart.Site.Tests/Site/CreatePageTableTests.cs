using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// The create page's data tables without JavaScript: CSV dialects and encodings, legacy Excel with a chosen
/// sheet, pasted cells, "did you mean" with one-click acceptance, and tables as large as the largest map.
/// </summary>
public sealed partial class CreatePageTests
{
    private const string Counties = "contiguous_usa_by_county_since_2001";

    public static TheoryData<string, byte[], string> MoreDialects()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return new()
        {
            { "pipe, unquoted", Encoding.UTF8.GetBytes("state|GDP (billion USD)\nTexas|2355.96\nOhio|822.67\n"), "2355.96" },
            { "semicolon, decimal commas, Windows-1252", Encoding.GetEncoding(1252).GetBytes("Région;GDP (billion USD)\nTexas;2355,96\nOhio;822,67\n"), "2355.96" },
            { "comma, quoted thousands, percent", Encoding.UTF8.GetBytes("state,Share (%)\n\"Texas \",\"2,355.96%\"\nOhio,822.67 %\n"), "2355.96" },
            { "tab, UTF-16 with BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("state\tGDP (billion USD)\nTexas\t2 355.96\nOhio\t822.67\n")], "2355.96" },
        };
    }

    [LibraryTheory]
    [MemberData(nameof(MoreDialects))]
    public async Task More_csv_dialects_and_encodings_fill_the_table(string dialect, byte[] csv, string texas)
    {
        var page = await UploadAsync("data.csv", csv);

        Assert.True(page.Contains("2 of 49 regions matched", StringComparison.Ordinal), $"{dialect}: {Excerpt(page)}");
        Assert.Equal(texas, ValueOf(page, "Texas"));
        Assert.Equal("822.67", ValueOf(page, "Ohio"));
    }

    [LibraryFact]
    public async Task A_legacy_encoded_file_keeps_its_accented_names()
    {
        const string France = "/create?map=france_by_metropolitan_region_since_2016";
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1252).GetBytes("région;Population (people)\nÎle-de-France;12\nProvence-Alpes-Côte d'Azur;5\n");

        var response = await _client.PostFormAsync(France, France + "&handler=Upload", [], ("DataFile", "data.csv", csv));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("2 of 12 regions matched", page);
        Assert.Equal("12", ValueOf(page, "Ile-de-France"));
    }

    [LibraryFact]
    public async Task A_legacy_xls_workbook_reads_the_chosen_sheet_and_offers_the_others()
    {
        var workbook = await File.ReadAllBytesAsync(Path.Combine(RepositoryFiles.Root, "GoCart.Site.Tests", "Site", "TestData", "states.xls"));

        var first = WebUtility.HtmlDecode(await UploadAsync("states.xls", workbook));
        Assert.Contains("class=\"message error\"", first);
        Assert.Contains("\"Notes\", \"Daten\"", first);

        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [new("Sheet", "Daten")], ("DataFile", "states.xls", workbook));
        var page = await response.Content.ReadAsStringAsync();

        Assert.Contains("2 of 49 regions matched", page);
        Assert.Equal("2355.96", ValueOf(page, "Texas"));
        Assert.Contains("value=\"GDP (billion USD)\"", page);
        Assert.Contains("<option value=\"Notes\">Notes</option>", page);
        Assert.Contains("“Hawaiʻi test ü”", WebUtility.HtmlDecode(page));
    }

    [LibraryFact]
    public async Task Cells_pasted_without_a_header_fill_the_table_under_the_given_name()
    {
        var pasted = "Texas\t29,145,505\r\nOhio\t11 799 448\r\nMaine\t\r\n";

        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [new("Pasted", pasted), new("ValueColumn", "Voters (people)")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.True(page.Contains("2 of 49 regions matched", StringComparison.Ordinal), Excerpt(page));
        Assert.Equal("29145505", ValueOf(page, "Texas"));
        Assert.Equal("11799448", ValueOf(page, "Ohio"));
        Assert.Contains("value=\"Voters (people)\"", page);
        Assert.Contains("the pasted cells", WebUtility.HtmlDecode(page));
    }

    [LibraryFact]
    public async Task Cells_pasted_with_their_header_use_its_column_name()
    {
        var response = await _client.PostFormAsync(CreateStates, CreateStates + "&handler=Upload", [new("Pasted", "State\tGDP (billion EUR)\nTexas\t2000,5\nOhio\t700\n")]);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal("2000.5", ValueOf(page, "Texas"));
        Assert.Contains("value=\"GDP (billion EUR)\"", page);
    }

    [LibraryFact]
    public async Task Did_you_mean_suggestions_are_accepted_with_one_click_without_javascript()
    {
        var page = await UploadAsync("data.csv", Encoding.UTF8.GetBytes("state,Population (people)\nTexass,4\nOhoi,7\nAtlantis,3\nMaine,1\n"));
        var decoded = WebUtility.HtmlDecode(page);
        Assert.Contains("“Texass” (4) — did you mean “Texas”?", decoded);
        Assert.Contains("“Ohoi” (7) — did you mean “Ohio”?", decoded);
        Assert.DoesNotContain("“Atlantis” (3) — did you mean", decoded);
        Assert.Contains("Use for Texas", page);
        Assert.Contains("Use every suggestion", page);

        var one = await PostPageFormAsync(page, "Accept", Field("accept", "0"));
        Assert.Equal("4", ValueOf(one, "Texas"));
        Assert.Equal("", ValueOf(one, "Ohio"));
        Assert.Contains("2 of 49 regions matched", one);
        Assert.Contains("“Texass” is now Texas", WebUtility.HtmlDecode(one));

        var all = await PostPageFormAsync(one, "Accept", Field("accept", "all"));
        Assert.Equal("4", ValueOf(all, "Texas"));
        Assert.Equal("7", ValueOf(all, "Ohio"));
        Assert.Contains("3 of 49 regions matched", all);
        Assert.Contains("“Atlantis”", WebUtility.HtmlDecode(all));
        Assert.DoesNotContain("Use for", all);

        var key = SiteClient.CartogramKey(await PostPageFormRawAsync(all, "Generate"));
        Assert.Equal("succeeded", (await _client.WaitAsync(key)).GetProperty("status").GetString());
        var csv = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv");
        Assert.Contains("Texas,4,", csv);
        Assert.Contains("Ohio,7,", csv);
    }

    [LibraryFact]
    public async Task The_county_map_table_posts_from_the_create_page_and_makes_a_cartogram()
    {
        var url = $"/create?map={Counties}";
        var csv = await File.ReadAllBytesAsync(RepositoryFiles.PopulationCsv(Path.Combine(RepositoryFiles.MapData, Counties)));
        var filled = await (await _client.PostFormAsync(url, url + "&handler=Upload", [], ("DataFile", "counties.csv", csv))).Content.ReadAsStringAsync();
        Assert.Contains("3108 of 3108 regions matched", filled);

        var response = await PostPageFormRawAsync(filled, "Generate", Field("Title", "Counties from the create page"));

        var key = SiteClient.CartogramKey(response);
        var status = await _client.WaitAsync(key, TimeSpan.FromMinutes(3));
        Assert.Equal("succeeded", status.GetProperty("status").GetString());
        Assert.True(status.GetProperty("stats").GetProperty("maxAreaError").GetDouble() <= 0.01);
    }

    [LibraryFact]
    public async Task A_table_as_large_as_the_region_limit_posts_without_javascript()
    {
        var regions = MapReadLimits.Default.MaxRegions;
        var upload = await _client.PostFormAsync("/create/map", "/create/map", [], ("MapFile", "grid.geojson", Encoding.UTF8.GetBytes(GridMap(regions))));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var draft = upload.Headers.Location!.ToString();
        var page = await _client.GetPageAsync(draft);
        Assert.Equal(regions, RowIds(page).Count);

        var fields = RowIds(page).SelectMany((id, i) => new KeyValuePair<string, string>[]
        {
            new($"Rows[{i}].Id", id), new($"Rows[{i}].Label", ""), new($"Rows[{i}].Value", (1 + (i % 1000) * 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new($"Rows[{i}].Colour", ""), new($"Rows[{i}].Inset", ""),
        });
        var response = await _client.PostFormAsync(draft, draft + "&handler=Generate", fields);

        var key = SiteClient.CartogramKey(response);
        var data = await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv");
        Assert.Equal(regions + 1, data.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    /// <summary>A square grid of unit squares in projected coordinates, ids r0, r1, ….</summary>
    private static string GridMap(int count)
    {
        var side = (int)Math.Ceiling(Math.Sqrt(count));
        var features = Enumerable.Range(0, count).Select(i =>
        {
            var (x, y) = (i % side * 10, i / side * 10);
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{{\"type\":\"Feature\",\"properties\":{{\"code\":\"r{i}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{x},{y}],[{x + 10},{y}],[{x + 10},{y + 10}],[{x},{y + 10}],[{x},{y}]]]}}}}");
        });
        return "{\"type\":\"FeatureCollection\",\"features\":[" + string.Join(',', features) + "]}";
    }

    private static KeyValuePair<string, string> Field(string name, string value) => new(name, value);

    /// <summary>Posts the create form as the page holds it (every input's name and value), through a handler.</summary>
    private async Task<string> PostPageFormAsync(string page, string handler, params KeyValuePair<string, string>[] extra)
    {
        var response = await PostPageFormRawAsync(page, handler, extra);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpResponseMessage> PostPageFormRawAsync(string page, string handler, params KeyValuePair<string, string>[] extra)
    {
        var form = Regex.Match(page, "<form[^>]*class=\"create\"[^>]*action=\"([^\"]*)\"[^>]*>(.*?)</form>", RegexOptions.Singleline);
        Assert.True(form.Success, "The page has no create form.");
        var overridden = extra.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var fields = InputTag().Matches(form.Groups[2].Value).Select(m => m.Value)
            .Where(tag => !tag.Contains("type=\"file\"", StringComparison.Ordinal) && NameAttribute().IsMatch(tag))
            .Select(tag => new KeyValuePair<string, string>(
                WebUtility.HtmlDecode(NameAttribute().Match(tag).Groups[1].Value),
                WebUtility.HtmlDecode(ValueAttribute().Match(tag) is { Success: true } value ? value.Groups[1].Value : "")))
            .Where(f => f.Key != "__RequestVerificationToken" && !overridden.Contains(f.Key))
            .Concat(extra).ToList();
        var action = WebUtility.HtmlDecode(form.Groups[1].Value);
        var target = action + (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        using var content = new MultipartFormDataContent { { new StringContent(SiteClient.Token(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return await _client.Http.PostAsync(target, content);
    }

    [GeneratedRegex("<input [^>]*>")]
    private static partial Regex InputTag();

    [GeneratedRegex("\\bname=\"([^\"]+)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
