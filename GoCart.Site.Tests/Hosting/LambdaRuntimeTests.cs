using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Pipeline;

namespace GoCart.Site.Tests.Hosting;

/// <summary>The real `gocart` executable as a custom Lambda runtime, driven through a real Runtime API server.</summary>
public class LambdaRuntimeTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(90);

    [LibraryFact]
    public async Task A_valid_event_gets_a_cartogram_and_a_malformed_one_an_error_and_the_loop_carries_on()
    {
        await using var runtime = await RuntimeApiServer.StartAsync();
        using var gocart = GocartExecutable.Start(new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address });

        var malformed = await runtime.InvokeAsync("this is not json", TimeSpan.FromMinutes(1)).WaitAsync(Wait);
        var valid = await runtime.InvokeAsync(ProxyEvent(Body("concentric_circles"), gzip: true), TimeSpan.FromMinutes(1)).WaitAsync(Wait);
        var badInput = await runtime.InvokeAsync(ProxyEvent("""{"key":"k1","geometry":{"type":"FeatureCollection","features":[]},"regionIdProperty":"name","values":{}}""", gzip: false), TimeSpan.FromMinutes(1)).WaitAsync(Wait);

        Assert.True(malformed.IsError);
        Assert.Contains("Runtime.InvalidEvent", malformed.Body, StringComparison.Ordinal);

        Assert.False(valid.IsError);
        using (var proxy = JsonDocument.Parse(valid.Body))
        {
            Assert.Equal(200, proxy.RootElement.GetProperty("statusCode").GetInt32());
            Assert.True(proxy.RootElement.GetProperty("isBase64Encoded").GetBoolean());
            Assert.Equal("gzip", proxy.RootElement.GetProperty("headers").GetProperty("Content-Encoding").GetString());
            var body = Gunzip(Convert.FromBase64String(proxy.RootElement.GetProperty("body").GetString()!));
            using var result = JsonDocument.Parse(body);
            Assert.Equal("converged", result.RootElement.GetProperty("status").GetString());
        }

        using (var proxy = JsonDocument.Parse(badInput.Body))
        {
            Assert.Equal(400, proxy.RootElement.GetProperty("statusCode").GetInt32());
            Assert.Contains("no features", proxy.RootElement.GetProperty("body").GetString(), StringComparison.Ordinal);
        }

        Assert.False(gocart.HasExited);
    }

    [LibraryFact]
    public async Task A_deadline_too_short_for_the_map_gets_a_504_not_a_hang()
    {
        await using var runtime = await RuntimeApiServer.StartAsync();
        using var gocart = GocartExecutable.Start(new Dictionary<string, string> { ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address });
        await runtime.InvokeAsync(ProxyEvent(Body("concentric_circles"), gzip: false), TimeSpan.FromMinutes(1)).WaitAsync(Wait);

        // The runtime keeps a 1.5 s safety margin before the deadline, so a 1.6 s deadline leaves ~0.1 s to compute.
        var outcome = await runtime.InvokeAsync(ProxyEvent(Body("contiguous_usa_by_county_since_2001"), gzip: false), TimeSpan.FromSeconds(1.6)).WaitAsync(Wait);

        using var proxy = JsonDocument.Parse(outcome.Body);
        Assert.Equal(504, proxy.RootElement.GetProperty("statusCode").GetInt32());
    }

    [LibraryFact]
    public async Task An_invalid_progress_configuration_is_reported_as_an_init_error()
    {
        await using var runtime = await RuntimeApiServer.StartAsync();
        using var gocart = GocartExecutable.Start(new Dictionary<string, string>
        {
            ["AWS_LAMBDA_RUNTIME_API"] = runtime.Address,
            ["CARTOGRAM_PROGRESS_URL"] = "not a url",
        });

        var error = await runtime.InitError.Task.WaitAsync(Wait);

        Assert.Contains("CARTOGRAM_PROGRESS_URL", error, StringComparison.Ordinal);
    }

    internal static string Body(string mapId) =>
        JsonSerializer.Serialize(PipelineRequests.ForMap(mapId), ContractJson.Default.CartogramRequest);

    private static string ProxyEvent(string body, bool gzip)
    {
        var headers = gzip ? """{"Content-Type":"application/json","Accept-Encoding":"gzip, deflate"}""" : """{"Content-Type":"application/json"}""";
        return $$"""{"resource":"/","path":"/","httpMethod":"POST","headers":{{headers}},"body":{{JsonSerializer.Serialize(body, ContractJson.Default.String)}},"isBase64Encoded":false}""";
    }

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new System.IO.Compression.GZipStream(new MemoryStream(data), System.IO.Compression.CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
