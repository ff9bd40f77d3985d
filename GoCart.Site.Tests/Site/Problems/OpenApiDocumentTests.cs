using System.Net.Http.Json;
using System.Text.Json;

namespace GoCart.Site.Tests.Site.Problems;

/// <summary>The OpenAPI document describes the errors (as problem details), the 202's Location and the download types.</summary>
public sealed class OpenApiDocumentTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private readonly SiteClient _client = new(site.Factory);

    [Fact]
    public async Task Submitting_documents_the_location_and_every_problem()
    {
        var create = (await PathsAsync()).GetProperty("/api/v1/cartograms").GetProperty("post").GetProperty("responses");

        Assert.True(create.GetProperty("202").GetProperty("headers").TryGetProperty("Location", out _));
        foreach (var status in new[] { "400", "405", "413", "415", "422", "429", "500", "503" })
        {
            Assert.True(create.TryGetProperty(status, out var response), $"POST /api/v1/cartograms does not document {status}.");
            Assert.True(response.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not a problem.");
        }
    }

    [Theory]
    [InlineData("/api/v1/cartograms/{key}/cartogram.geojson", "application/geo+json")]
    [InlineData("/api/v1/cartograms/{key}/equal-area.geojson", "application/geo+json")]
    [InlineData("/api/v1/cartograms/{key}/cartogram.svg", "image/svg+xml")]
    [InlineData("/api/v1/cartograms/{key}/cartogram.png", "image/png")]
    public async Task Downloads_document_their_content_type_and_404_and_409_problems(string path, string contentType)
    {
        var responses = (await PathsAsync()).GetProperty(path).GetProperty("get").GetProperty("responses");

        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty(contentType, out _), $"{path} does not say it answers {contentType}.");
        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
        Assert.True(responses.GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task The_status_endpoint_documents_its_404_problem()
    {
        var responses = (await PathsAsync()).GetProperty("/api/v1/cartograms/{key}").GetProperty("get").GetProperty("responses");

        Assert.True(responses.GetProperty("404").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    private async Task<JsonElement> PathsAsync() =>
        (await _client.Http.GetFromJsonAsync<JsonElement>("/api/v1/openapi.json")).GetProperty("paths");
}
