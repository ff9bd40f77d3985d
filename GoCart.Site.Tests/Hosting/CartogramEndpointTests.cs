using System.IO.Compression;
using System.Text;
using System.Text.Json;
using GoCart.Lambda.Engine;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Hosting;
using GoCart.Lambda.Pipeline;
using GoCart.Site.Tests.Geo;

namespace GoCart.Site.Tests.Hosting;

public class CartogramEndpointTests
{
    private static CartogramEndpoint Endpoint(PayloadLimits? limits = null) =>
        new(new CartogramPipeline(new EngineSettings(), MapReadLimits.Default), ProgressPosterFactory.Disabled, limits ?? PayloadLimits.Lambda, _ => { });

    [LibraryFact]
    public void Get_is_not_allowed()
    {
        var response = Endpoint().Handle(Request("GET", ""), null, CancellationToken.None);

        Assert.Equal(405, response.StatusCode);
    }

    [LibraryFact]
    public void Invalid_json_is_a_400_with_its_position()
    {
        var response = Endpoint().Handle(Request("POST", "{\"key\": \"abc\",\n \"values\": [oops]}"), null, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("line 2", Error(response), StringComparison.Ordinal);
    }

    [LibraryTheory]
    [InlineData("../../etc/passwd")]
    [InlineData("x'; DROP TABLE cartograms; --")]
    [InlineData("")]
    public void Keys_with_path_or_sql_fragments_are_refused(string key)
    {
        var body = "{\"key\":" + JsonSerializer.Serialize(key) + ""","geometry":{"type":"FeatureCollection","features":[]},"regionIdProperty":"name","values":{}}""";

        var response = Endpoint().Handle(Request("POST", body), null, CancellationToken.None);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("\"key\" must be", Error(response), StringComparison.Ordinal);
    }

    [LibraryFact]
    public void An_oversized_body_is_a_413_that_says_the_limit()
    {
        var response = Endpoint(new PayloadLimits { MaxRequestBytes = 100 }).Handle(Request("POST", new string(' ', 200) + "{}"), null, CancellationToken.None);

        Assert.Equal(413, response.StatusCode);
        Assert.Contains("limit", Error(response), StringComparison.Ordinal);
    }

    [LibraryFact]
    public void A_gzip_bomb_is_stopped_at_the_inflation_limit()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[20_000_000]);
        }

        var request = new HttpExchangeRequest("POST", new Dictionary<string, string> { ["Content-Encoding"] = "gzip" }, compressed.ToArray());
        var response = Endpoint(new PayloadLimits { MaxInflatedRequestBytes = 1_000_000 }).Handle(request, null, CancellationToken.None);

        Assert.Equal(413, response.StatusCode);
    }

    [LibraryFact]
    public void A_result_too_large_for_the_payload_limit_is_a_413_with_advice()
    {
        var body = LambdaRuntimeTests.Body("concentric_circles");

        var response = Endpoint(new PayloadLimits { MaxResponseBytes = 1000 }).Handle(Request("POST", body), null, CancellationToken.None);

        Assert.Equal(413, response.StatusCode);
        Assert.Contains("Accept-Encoding: gzip", Error(response), StringComparison.Ordinal);
    }

    [LibraryFact]
    public void A_gzip_request_and_a_gzip_answer_round_trip()
    {
        var body = Encoding.UTF8.GetBytes(LambdaRuntimeTests.Body("concentric_circles"));
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        var headers = new Dictionary<string, string> { ["Content-Encoding"] = "gzip", ["Accept-Encoding"] = "gzip" };
        var response = Endpoint().Handle(new HttpExchangeRequest("POST", headers, compressed.ToArray()), null, CancellationToken.None);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("gzip", response.Headers["Content-Encoding"]);
        Assert.StartsWith("application/json", response.Headers["Content-Type"], StringComparison.Ordinal);
    }

    private static HttpExchangeRequest Request(string method, string body) =>
        new(method, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

    private static string Error(HttpExchangeResponse response)
    {
        using var document = JsonDocument.Parse(response.Body);
        return document.RootElement.GetProperty("error").GetString()!;
    }
}
