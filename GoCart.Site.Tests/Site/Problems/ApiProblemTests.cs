using System.Net;
using System.Text;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Tests.Geo;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>
/// Every error of the JSON API is application/problem+json with a detail that says what to do and the field or
/// region it concerns: unreadable bodies, wrong types, unknown keys and paths, wrong methods and content types,
/// results not ready, oversized bodies, unusable values and a crash. (429 and 503 have their own classes.)
/// </summary>
public sealed class ApiProblemTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private const string States = "conterminous_usa_by_state_since_1959";
    private readonly SiteClient _client = new(site.Factory);

    public static TheoryData<string, string, string?> UnreadableBodies => new()
    {
        { """{"map": "x", "values": {"Texas": 1""", "not valid JSON", null },
        { "map=x&values=1", "not valid JSON", null },
        { """{"map": "x", "values": {"Texas": "lots"}}""", "a number", "values.Texas" },
        { """{"map": 5, "values": {"Texas": 1}}""", "a string", "map" },
        { """{"map": "x", "values": [1, 2]}""", "has the wrong type", "values" },
        { """{"map": "x", "values": {"Texas": 1}, "maxAreaError": "1%"}""", "a number", "maxAreaError" },
    };

    [LibraryTheory]
    [MemberData(nameof(UnreadableBodies))]
    public async Task Malformed_json_and_wrong_types_answer_400_problems_naming_the_field(string body, string expected, string? field)
    {
        var response = await PostJsonAsync(body);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, expected, field);
        Assert.Equal(field is null, !problem.TryGetProperty("field", out _));
    }

    [LibraryFact]
    public async Task An_empty_body_says_what_to_send()
    {
        var response = await PostJsonAsync("");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "has no body");
    }

    public static TheoryData<string, string, string> BadContent => new()
    {
        { """{"map":"atlantis","values":{"a":1}}""", "no library map \"atlantis\"", "map" },
        { """{"map":"conterminous_usa_by_state_since_1959"}""", "Give the data as", "values" },
        { """{"values":{"Texas":1}}""", "Give \"map\"", "map" },
        { """{"map":"conterminous_usa_by_state_since_1959","values":{"Texass":1,"Ohio":2}}""", "did you mean \"Texas\"", "values" },
        { """{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,Population (people)\nTexas,abc\n"}""", "is not a number", "csv" },
        { """{"map":"conterminous_usa_by_state_since_1959","values":{"Texas":1},"maxAreaError":2}""", "between 0.1% and 50%", "maxAreaError" },
        { """{"geometry":{"type":"Point","coordinates":[0,0]},"values":{"a":1}}""", "FeatureCollection", "geometry" },
    };

    [LibraryTheory]
    [MemberData(nameof(BadContent))]
    public async Task Requests_the_data_does_not_fit_answer_400_problems_naming_the_field(string body, string expected, string field)
    {
        await ProblemAssert.IsProblemAsync(await PostJsonAsync(body), HttpStatusCode.BadRequest, expected, field);
    }

    [LibraryFact]
    public async Task An_unknown_region_is_named_in_the_problem()
    {
        var problem = await ProblemAssert.IsProblemAsync(
            await PostJsonAsync("""{"map":"conterminous_usa_by_state_since_1959","values":{"Texass":1,"Ohio":2}}"""), HttpStatusCode.BadRequest, "Texass", "values");

        Assert.Equal("Texass", problem.GetProperty("region").GetString());
    }

    public static TheoryData<string, string, string, string> UnusableValues => new()
    {
        { """{"map":"conterminous_usa_by_state_since_1959","values":{"Texas":-1,"Ohio":2}}""", "negative", "values", "Texas" },
        { """{"map":"conterminous_usa_by_state_since_1959","values":{"Texas":1e308,"Ohio":1e308,"Maine":1e308}}""", "add up to more than", "values", "Texas|Ohio|Maine" },
        { """{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,GDP (billion EUR)\nTexas,8e307\nOhio,8e307\nMaine,8e307\n"}""", "add up to more than", "csv", "Texas|Ohio|Maine" },
        { """{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,Population (people)\nTexas,-3\n"}""", "negative", "csv", "Texas" },
        { """{"map":"conterminous_usa_by_state_since_1959","csv":"shapeName,Population (people)\nTexas,1e400\n"}""", "not a finite number", "csv", "Texas" },
    };

    [LibraryTheory]
    [MemberData(nameof(UnusableValues))]
    public async Task Values_the_engine_cannot_use_answer_422_naming_the_region(string body, string expected, string field, string region)
    {
        var problem = await ProblemAssert.IsProblemAsync(await PostJsonAsync(body), HttpStatusCode.UnprocessableEntity, expected, field);

        Assert.Contains(problem.GetProperty("region").GetString(), region.Split('|'));
    }

    [LibraryFact]
    public async Task All_zero_values_answer_422()
    {
        await ProblemAssert.IsProblemAsync(
            await PostJsonAsync("""{"map":"conterminous_usa_by_state_since_1959","values":{"Texas":0,"Ohio":0}}"""), HttpStatusCode.UnprocessableEntity, "Every value is zero", "values");
    }

    [LibraryTheory]
    [InlineData("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG")]
    [InlineData("/api/v1/cartograms/nonsense")]
    [InlineData("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG/cartogram.png")]
    [InlineData("/api/v1/cartograms/abcdefghijkmnopqrstuvwxyzABCDEFG/data.csv")]
    public async Task Unknown_cartograms_answer_404_problems_about_the_key(string url)
    {
        await ProblemAssert.IsProblemAsync(await _client.Http.GetAsync(url), HttpStatusCode.NotFound, "There is no cartogram", "key");
    }

    [LibraryFact]
    public async Task An_unknown_api_path_answers_a_404_problem()
    {
        await ProblemAssert.IsProblemAsync(await _client.Http.GetAsync("/api/v1/nothing-here"), HttpStatusCode.NotFound, "/api/v1/openapi.json");
    }

    [LibraryFact]
    public async Task A_wrong_method_answers_a_405_problem()
    {
        var response = await _client.Http.DeleteAsync("/api/v1/maps");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "does not accept DELETE");
    }

    [LibraryFact]
    public async Task A_body_that_is_not_json_answers_a_415_problem()
    {
        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent("shapeName,Population (people)\nTexas,1\n", Encoding.UTF8, "text/csv"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "Content-Type: application/json");
    }

    [LibraryFact]
    public async Task A_body_over_the_limit_answers_a_413_problem_stating_it()
    {
        var response = await _client.Http.PostAsync("/api/v1/cartograms", new StringContent(new string(' ', (int)CartogramApi.MaxBodyBytes + 3 * 1024 * 1024), Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "10 MB");
    }

    [LibraryTheory]
    [InlineData(CartogramRecordStatus.Queued, "is queued")]
    [InlineData(CartogramRecordStatus.Failed, "failed, so it has no results: The engine ran out of time.")]
    public async Task Results_of_a_cartogram_that_has_not_succeeded_answer_409_problems(CartogramRecordStatus status, string expected)
    {
        var key = await StoreAsync(status, CompressedJson.Serialize(new CartogramSubmission { MapId = States, Title = "Not done" }), "The engine ran out of time.");

        foreach (var download in new[] { "cartogram.geojson", "equal-area.geojson", "cartogram.svg", "cartogram.png" })
        {
            await ProblemAssert.IsProblemAsync(await _client.Http.GetAsync($"/api/v1/cartograms/{key}/{download}"), HttpStatusCode.Conflict, expected, "key");
        }
    }

    [LibraryFact]
    public async Task A_crash_answers_a_500_problem_with_the_request_id_and_no_stack_trace()
    {
        var key = await StoreAsync(CartogramRecordStatus.Succeeded, Encoding.UTF8.GetBytes("not gzip at all"), null);

        var response = await _client.Http.GetAsync($"/api/v1/cartograms/{key}/data.csv");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "logged under request");
        Assert.DoesNotContain("Exception", problem.GetProperty("detail").GetString());
    }

    [LibraryFact]
    public async Task A_library_csv_names_the_value_column_from_its_header()
    {
        var csv = "shapeName,GDP (billion EUR)\nTexas,2000\nOhio,700\n";
        var key = await _client.SubmitAsync(new { map = States, csv });

        var status = await _client.WaitAsync(key);

        Assert.Equal("Conterminous USA by state (since 1959): GDP (billion EUR)", status.GetProperty("title").GetString());
        Assert.StartsWith("shapeName,GDP (billion EUR),", await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/data.csv"));
        var page = WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{key}"));
        Assert.Contains("billion EUR", page);
        Assert.DoesNotContain("Population", page);
        Assert.DoesNotContain("people", await _client.Http.GetStringAsync($"/api/v1/cartograms/{key}/cartogram.svg"));
    }

    [LibraryFact]
    public async Task Values_take_their_name_and_unit_from_column_and_claim_none_without_it()
    {
        var named = await _client.SubmitAsync(new { map = States, values = new Dictionary<string, double> { ["Texas"] = 5, ["Ohio"] = 2 }, column = "Votes (thousands)" });
        var plain = await _client.SubmitAsync(new { map = States, values = new Dictionary<string, double> { ["Texas"] = 5, ["Ohio"] = 2 } });

        Assert.EndsWith(": Votes (thousands)", (await _client.WaitAsync(named)).GetProperty("title").GetString());
        Assert.EndsWith(": Value", (await _client.WaitAsync(plain)).GetProperty("title").GetString());
        Assert.DoesNotContain("Population", WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{plain}")));
        Assert.Contains("Votes (thousands)", WebUtility.HtmlDecode(await _client.GetPageAsync($"/cartogram/{named}")));
    }

    private Task<HttpResponseMessage> PostJsonAsync(string body) =>
        _client.Http.PostAsync("/api/v1/cartograms", new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<string> StoreAsync(CartogramRecordStatus status, byte[] request, string? error)
    {
        using var scope = site.Factory.Services.CreateScope();
        var database = scope.ServiceProvider.GetRequiredService<GoCartDbContext>();
        var record = new CartogramRecord { Key = CartogramKeys.New(), MapId = States, Title = "Stored by a test", Status = status, RequestJson = request, Error = error, CreatedUtc = DateTime.UtcNow, LastAccessedUtc = DateTime.UtcNow };
        database.Cartograms.Add(record);
        await database.SaveChangesAsync();
        return record.Key;
    }
}
