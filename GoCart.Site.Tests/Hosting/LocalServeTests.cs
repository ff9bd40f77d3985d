using System.Net;
using System.Text;
using System.Text.Json;
using GoCart.Site.Tests.Geo;
using GoCart.Site.Tests.Infrastructure;

namespace GoCart.Site.Tests.Hosting;

/// <summary>`gocart serve` as a real process on loopback: the same endpoint as the Lambda, behind an API key.</summary>
public class LocalServeTests
{
    private const string ApiKey = "test-api-key-0123456789";
    private const string Secret = "progress-secret-for-tests-0123456789";

    [LibraryFact]
    public async Task Serve_answers_results_refuses_wrong_keys_and_posts_signed_ordered_progress()
    {
        await using var receiver = await ProgressReceiver.StartAsync(Secret);
        var port = Loopback.FreePort();
        using var gocart = GocartExecutable.Start(
            new Dictionary<string, string> { ["CARTOGRAM_PROGRESS_URL"] = receiver.Url, ["CARTOGRAM_PROGRESS_SECRET"] = Secret },
            "serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--api-key", ApiKey);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromMinutes(2) };
        await Loopback.WaitUntilListeningAsync(port);

        var noKey = await client.PostAsync("", Json(LambdaRuntimeTests.Body("concentric_circles")));
        var wrongKey = await Post(client, LambdaRuntimeTests.Body("concentric_circles"), "wrong-key-000000");
        var bad = await Post(client, """{"key":"k2","geometry":{"type":"FeatureCollection","features":[]},"regionIdProperty":"name","values":{}}""", ApiKey);
        var good = await Post(client, LambdaRuntimeTests.Body("conterminous_usa_by_state_since_1959"), ApiKey);

        Assert.Equal(HttpStatusCode.Forbidden, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("no features", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using var result = JsonDocument.Parse(await good.Content.ReadAsStringAsync());
        Assert.Equal(49, result.RootElement.GetProperty("regions").GetArrayLength());

        var updates = receiver.Received.Where(r => r.Update.Key.StartsWith("test_conterminous", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(updates);
        Assert.All(updates, u => Assert.True(u.SignatureValid));
        Assert.Equal(updates.Select(u => u.Update.Order).Order(), updates.Select(u => u.Update.Order));
        Assert.Equal(updates.Count, updates.Select(u => u.Update.Order).Distinct().Count());
    }

    private static Task<HttpResponseMessage> Post(HttpClient client, string body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "") { Content = Json(body) };
        request.Headers.Add("x-api-key", key);
        return client.SendAsync(request);
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
