using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace GoCart.Site.Tests.Site;

/// <summary>
/// A browser without JavaScript: reads antiforgery tokens from pages, posts forms (with files) as the pages
/// do, follows nothing automatically, and polls the API until a cartogram is done.
/// </summary>
public sealed partial class SiteClient(WebApplicationFactory<Program> factory)
{
    public HttpClient Http { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress });

    public async Task<string> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 500)]}");
        return body;
    }

    public static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } match ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    /// <summary>Posts a form like a browser: the page's token, the fields, and files as multipart parts.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pageUrl, string action, IEnumerable<KeyValuePair<string, string>> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var token = Token(await GetPageAsync(pageUrl));
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), field, fileName);
        }

        return await Http.PostAsync(action, content);
    }

    /// <summary>Queues a cartogram through POST /api/v1/cartograms (body as the API takes it); returns its key.</summary>
    public async Task<string> SubmitAsync(object body)
    {
        var response = await Http.PostAsJsonAsync("/api/v1/cartograms", body);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/v1/cartograms answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    /// <summary>The library CSV of a map, as a visitor would upload it.</summary>
    public static string LibraryCsv(string mapId, string file) =>
        File.ReadAllText(Geo.RepositoryFiles.MapFile(mapId, file));

    /// <summary>The key from a redirect to /cartogram/{key}.</summary>
    public static string CartogramKey(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)response.StatusCode}: {response.Content.ReadAsStringAsync().Result[..Math.Min(2000, (int)(response.Content.Headers.ContentLength ?? 2000))]}");
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith("/cartogram/", location);
        return location["/cartogram/".Length..];
    }

    /// <summary>The status API's answer for a cartogram, once (fails on anything but 200).</summary>
    public Task<JsonElement> StatusAsync(string key) => Http.GetFromJsonAsync<JsonElement>($"/api/v1/cartograms/{key}");

    /// <summary>Polls the status API until the cartogram has succeeded or failed; returns the last status body.</summary>
    public async Task<JsonElement> WaitAsync(string key, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        var last = 0.0;
        while (true)
        {
            var status = await StatusAsync(key);
            var progress = status.GetProperty("progress").GetDouble();
            Assert.True(progress >= last, $"Progress went backwards from {last} to {progress}.");
            last = progress;
            if (status.GetProperty("status").GetString() is "succeeded" or "failed")
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Cartogram {key} still {status} after the timeout. {Jobs()}");
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Waits until Hangfire has no job enqueued or processing: a job saves its record's final status a moment
    /// before Hangfire marks the job done.
    /// </summary>
    public async Task WaitUntilJobsSettleAsync()
    {
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (monitoring.ProcessingCount() + monitoring.EnqueuedCount("default") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Jobs have not settled within 10 s. {Jobs()}");
            await Task.Delay(100);
        }
    }

    /// <summary>What Hangfire says, for a timeout's message.</summary>
    private string Jobs()
    {
        var monitoring = factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var failed = monitoring.FailedJobs(0, 5).Select(j => j.Value.ExceptionDetails);
        var servers = monitoring.Servers().Select(s => $"{s.Name} workers={s.WorkersCount} heartbeat={s.Heartbeat:O}");
        return $"Hangfire: enqueued {monitoring.EnqueuedCount("default")}, processing {monitoring.ProcessingCount()}, succeeded {monitoring.SucceededListCount()}, servers [{string.Join("; ", servers)}], failed [{string.Join(" | ", failed)}]";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
