using System.Net;
using System.Text;
using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Cartograms;

/// <summary>POST /api/progress (signed posts from the Lambda) and GET /api/progress/{key}, against real Redis.</summary>
public class ProgressEndpointTests
{
    private const string Secret = "endpoint-progress-secret-0123456789";

    [Fact]
    public async Task A_signed_post_is_stored_and_read_back_and_progress_never_goes_backwards()
    {
        await using var factory = Site();
        var client = factory.CreateClient();
        var key = "p" + Guid.NewGuid().ToString("N")[..20];

        var first = await PostAsync(client, new ProgressUpdate(key, 3, 0.6, 0.12, "computing"), Secret, DateTimeOffset.UtcNow);
        var late = await PostAsync(client, new ProgressUpdate(key, 2, 0.3, 0.5, "computing"), Secret, DateTimeOffset.UtcNow);
        var read = await client.GetAsync($"/api/progress/{key}");

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, late.StatusCode);
        var stored = JsonSerializer.Deserialize(await read.Content.ReadAsStringAsync(), ContractJson.Default.ProgressUpdate)!;
        Assert.Equal(3, stored.Order);
        Assert.Equal(0.6, stored.Progress);
        Assert.Equal("no-store", read.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_bad_signature_or_a_stale_timestamp_gets_401_and_stores_nothing()
    {
        await using var factory = Site();
        var client = factory.CreateClient();
        var key = "b" + Guid.NewGuid().ToString("N")[..20];

        var wrongSecret = await PostAsync(client, new ProgressUpdate(key, 1, 0.5, 0.1, "computing"), "another-secret-0123456789", DateTimeOffset.UtcNow);
        var stale = await PostAsync(client, new ProgressUpdate(key, 1, 0.5, 0.1, "computing"), Secret, DateTimeOffset.UtcNow.AddMinutes(-10));
        var unsigned = await client.PostAsync("/api/progress", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, wrongSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/progress/{key}")).StatusCode);
    }

    [Fact]
    public async Task Without_a_secret_the_endpoint_is_off()
    {
        await using var factory = new GoCartFactory();
        var response = await PostAsync(factory.CreateClient(), new ProgressUpdate("k", 1, 0.5, 0.1, "computing"), Secret, DateTimeOffset.UtcNow);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static GoCartFactory Site() => new(new Dictionary<string, string?>
    {
        ["CARTOGRAM_PROGRESS_SECRET"] = Secret,
        ["CARTOGRAM_REDIS_URL"] = TestServers.Redis,
    });

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, ProgressUpdate update, string secret, DateTimeOffset at)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(update, ContractJson.Default.ProgressUpdate);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/progress") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add(ProgressSignature.TimestampHeader, at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(ProgressSignature.SignatureHeader, ProgressSignature.Sign(secret, at.ToUnixTimeSeconds(), body));
        return client.SendAsync(request);
    }
}
